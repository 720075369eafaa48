internal import CChafa
import Foundation
import TermCore

/// Pictures as terminal graphics: sixel (encoded by chafa) and the kitty graphics protocol, each
/// drawn at the cursor over a block of cells and keeping the picture's aspect within it.
public enum ImageGraphics {
    /// The bytes of a kitty graphics payload sent per escape sequence (the protocol's limit).
    static let kittyChunk = 4096

    /// The picture source for an image drawn as `columns`×`rows` cells of symbols: it decodes `data`
    /// again only when a terminal asks for pixels.
    static func source(data: Data, mimeType: String, columns: Int, rows: Int) -> GraphicsSource {
        GraphicsSource(columns: columns, rows: rows, imageID: imageID(data)) { graphics, cell in
            encode(data: data, mimeType: mimeType, graphics: graphics, columns: columns, rows: rows, cellPixels: cell)
        }
    }

    /// A nonzero number for the picture's bytes (FNV-1a over its size and up to 64 KiB of it).
    static func imageID(_ data: Data) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in withUnsafeBytes(of: UInt64(data.count).littleEndian, Array.init) + data.prefix(65_536) {
            h = (h ^ UInt32(b)) &* 16_777_619
        }
        return h == 0 ? 1 : h
    }

    /// The escape sequence for `graphics`, or nil when the picture cannot be decoded.
    public static func encode(data: Data, mimeType: String, graphics: GraphicsProtocol, columns: Int, rows: Int,
                              cellPixels: Size) -> String? {
        let decoded = mimeType == "image/jpeg" ? ImageText.decodeJPEG(data) : ImageText.decodePNG(data)
        guard case let .success(image) = decoded else { return nil }
        let (w, h) = fit(image, columns: columns, rows: rows, cellPixels: cellPixels)
        switch graphics {
        case .none: return nil
        case .sixel: return sixel(image, columns: w, rows: h, cellPixels: cellPixels)
        case .kitty:
            let payload = mimeType == "image/png" ? (format: "f=100", bytes: data)
                : (format: "f=32,s=\(image.width),v=\(image.height)", bytes: Data(image.rgba))
            return kitty(id: imageID(data), format: payload.format, payload: payload.bytes, columns: w, rows: h)
        }
    }

    /// The cells the picture fills inside the block with its aspect kept, for the real cell shape.
    static func fit(_ image: ImageText.Pixels, columns: Int, rows: Int, cellPixels: Size) -> (Int, Int) {
        var w = Int32(columns), h = Int32(rows)
        let ratio = Float(max(1, cellPixels.width)) / Float(max(1, cellPixels.height))
        chafa_calc_canvas_geometry(Int32(image.width), Int32(image.height), &w, &h, ratio, 1, 0)
        return (Int(min(max(1, w), Int32(columns))), Int(min(max(1, h), Int32(rows))))
    }

    /// Sixel data for `image` scaled to `columns`×`rows` cells of `cellPixels`, from chafa.
    static func sixel(_ image: ImageText.Pixels, columns: Int, rows: Int, cellPixels: Size) -> String? {
        guard let config = chafa_canvas_config_new() else { return nil }
        defer { chafa_canvas_config_unref(config) }
        chafa_canvas_config_set_geometry(config, Int32(columns), Int32(rows))
        chafa_canvas_config_set_cell_geometry(config, Int32(max(1, cellPixels.width)), Int32(max(1, cellPixels.height)))
        chafa_canvas_config_set_pixel_mode(config, CHAFA_PIXEL_MODE_SIXELS)
        chafa_canvas_config_set_canvas_mode(config, CHAFA_CANVAS_MODE_TRUECOLOR)
        guard let canvas = chafa_canvas_new(config) else { return nil }
        defer { chafa_canvas_unref(canvas) }
        image.rgba.withUnsafeBufferPointer { px in
            chafa_canvas_draw_all_pixels(canvas, CHAFA_PIXEL_RGBA8_UNASSOCIATED, px.baseAddress,
                                         Int32(image.width), Int32(image.height), Int32(image.width * 4))
        }
        guard let db = chafa_term_db_get_default(), let info = chafa_term_db_get_fallback_info(db) else { return nil }
        defer { chafa_term_info_unref(info) }
        guard let gs = chafa_canvas_print(canvas, info) else { return nil }
        let out = String(cString: gs.pointee.str)
        g_string_free(gs, 1)
        return out
    }

    /// Kitty graphics: transmit and place image `id` at the cursor over `columns`×`rows` cells, the
    /// cursor left where it was, no reply asked; the payload base64-encoded in chunks.
    static func kitty(id: UInt32, format: String, payload: Data, columns: Int, rows: Int) -> String {
        let b64 = Array(payload.base64EncodedString().utf8)
        var out = ""
        var offset = 0
        repeat {
            let end = min(b64.count, offset + kittyChunk)
            let more = end < b64.count ? 1 : 0
            let keys = offset == 0 ? "a=T,\(format),i=\(id),p=1,c=\(columns),r=\(rows),C=1,q=2,m=\(more)" : "m=\(more)"
            out += "\u{1b}_G\(keys);" + String(decoding: b64[offset..<end], as: UTF8.self) + "\u{1b}\\"
            offset = end
        } while offset < b64.count
        return out
    }
}
