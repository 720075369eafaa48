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
        GraphicsSource(columns: columns, rows: rows, imageID: imageID(data)) { request in
            encode(data: data, mimeType: mimeType, graphics: request.graphics, columns: columns, rows: rows,
                   cellPixels: request.cellPixels, visible: request.rows, placementID: request.placementID)
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

    /// The last pictures decoded for pixels, so scrolling one that is partly in view does not decode
    /// it on every frame (two are kept; the symbols keep nothing decoded).
    final class DecodedCache: @unchecked Sendable {
        private var entries: [(UInt32, Int, ImageText.Pixels)] = []
        private let lock = NSLock()

        func pixels(_ data: Data, mimeType: String) -> ImageText.Pixels? {
            let id = ImageGraphics.imageID(data)
            lock.lock()
            if let hit = entries.first(where: { $0.0 == id && $0.1 == data.count }) {
                lock.unlock()
                return hit.2
            }
            lock.unlock()
            let decoded = mimeType == "image/jpeg" ? ImageText.decodeJPEG(data) : ImageText.decodePNG(data)
            guard case let .success(image) = decoded else { return nil }
            lock.lock()
            entries.append((id, data.count, image))
            if entries.count > 2 { entries.removeFirst() }
            lock.unlock()
            return image
        }
    }
    static let decoded = DecodedCache()

    /// The drawing for `graphics` of the `visible` rows of the block (all by default), or nil when
    /// the picture cannot be decoded. The picture fills the top of the block with its aspect kept.
    public static func encode(data: Data, mimeType: String, graphics: GraphicsProtocol, columns: Int, rows: Int,
                              cellPixels: Size, visible: Range<Int>? = nil, placementID: UInt32 = 1) -> GraphicsDrawing? {
        guard graphics != .none, let image = decoded.pixels(data, mimeType: mimeType) else { return nil }
        let (w, h) = fit(image, columns: columns, rows: rows, cellPixels: cellPixels)
        let shown = (visible ?? 0..<rows).clamped(to: 0..<h)
        // Source pixel rows for the rows shown.
        let y0 = shown.lowerBound * image.height / h, y1 = max(y0 + 1, shown.upperBound * image.height / h)
        let id = imageID(data)
        switch graphics {
        case .none: return nil
        case .sixel:
            guard !shown.isEmpty else { return GraphicsDrawing(place: "") }
            return sixel(image, pixelRows: y0..<y1, columns: w, rows: shown.count, cellPixels: cellPixels).map { GraphicsDrawing(place: $0) }
        case .kitty:
            let payload = mimeType == "image/png" ? (format: "f=100", bytes: data)
                : (format: "f=32,s=\(image.width),v=\(image.height)", bytes: Data(image.rgba))
            let transmit = kittyTransmit(id: id, format: payload.format, payload: payload.bytes)
            guard !shown.isEmpty else { return GraphicsDrawing(transmit: transmit, place: KittyDelete.placement(placementID, of: id)) }
            let place = "\u{1b}_Ga=p,i=\(id),p=\(placementID),x=0,y=\(y0),w=\(image.width),h=\(y1 - y0),c=\(w),r=\(shown.count),C=1,q=2\u{1b}\\"
            return GraphicsDrawing(transmit: transmit, place: place)
        }
    }

    /// The cells the picture fills inside the block with its aspect kept, for the real cell shape.
    static func fit(_ image: ImageText.Pixels, columns: Int, rows: Int, cellPixels: Size) -> (Int, Int) {
        var w = Int32(columns), h = Int32(rows)
        let ratio = Float(max(1, cellPixels.width)) / Float(max(1, cellPixels.height))
        chafa_calc_canvas_geometry(Int32(image.width), Int32(image.height), &w, &h, ratio, 1, 0)
        return (Int(min(max(1, w), Int32(columns))), Int(min(max(1, h), Int32(rows))))
    }

    /// Sixel data for the pixel rows `pixelRows` of `image` scaled to `columns`×`rows` cells of
    /// `cellPixels`, from chafa.
    static func sixel(_ image: ImageText.Pixels, pixelRows: Range<Int>, columns: Int, rows: Int, cellPixels: Size) -> String? {
        guard let config = chafa_canvas_config_new() else { return nil }
        defer { chafa_canvas_config_unref(config) }
        chafa_canvas_config_set_geometry(config, Int32(columns), Int32(rows))
        chafa_canvas_config_set_cell_geometry(config, Int32(max(1, cellPixels.width)), Int32(max(1, cellPixels.height)))
        chafa_canvas_config_set_pixel_mode(config, CHAFA_PIXEL_MODE_SIXELS)
        chafa_canvas_config_set_canvas_mode(config, CHAFA_CANVAS_MODE_TRUECOLOR)
        guard let canvas = chafa_canvas_new(config) else { return nil }
        defer { chafa_canvas_unref(canvas) }
        let rowsShown = pixelRows.clamped(to: 0..<image.height)
        guard !rowsShown.isEmpty else { return nil }
        image.rgba.withUnsafeBufferPointer { px in
            chafa_canvas_draw_all_pixels(canvas, CHAFA_PIXEL_RGBA8_UNASSOCIATED, px.baseAddress! + rowsShown.lowerBound * image.width * 4,
                                         Int32(image.width), Int32(rowsShown.count), Int32(image.width * 4))
        }
        guard let db = chafa_term_db_get_default(), let info = chafa_term_db_get_fallback_info(db) else { return nil }
        defer { chafa_term_info_unref(info) }
        guard let gs = chafa_canvas_print(canvas, info) else { return nil }
        let out = String(cString: gs.pointee.str)
        g_string_free(gs, 1)
        return out
    }

    /// Kitty graphics: transmit image `id` (not shown yet, no reply asked), the payload base64-encoded
    /// in chunks.
    static func kittyTransmit(id: UInt32, format: String, payload: Data) -> String {
        let b64 = Array(payload.base64EncodedString().utf8)
        var out = ""
        var offset = 0
        repeat {
            let end = min(b64.count, offset + kittyChunk)
            let more = end < b64.count ? 1 : 0
            let keys = offset == 0 ? "a=t,\(format),i=\(id),q=2,m=\(more)" : "m=\(more)"
            out += "\u{1b}_G\(keys);" + String(decoding: b64[offset..<end], as: UTF8.self) + "\u{1b}\\"
            offset = end
        } while offset < b64.count
        return out
    }
}
