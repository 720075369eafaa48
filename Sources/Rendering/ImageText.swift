internal import CChafa
internal import CJpeg
internal import CSpng
import Foundation
import TermCore

/// Images drawn as coloured Unicode block symbols with chafa, for `image/png` and `image/jpeg` outputs.
///
/// PNG is decoded with libspng (size-limited, so a hostile header cannot ask for gigabytes), drawn
/// on a chafa symbol canvas sized to fit `maxWidth`×`maxHeight` cells with the aspect ratio kept
/// (cells are taken to be twice as tall as wide), and read back cell by cell
/// (`chafa_canvas_get_char_at` / `get_raw_colors_at`) into styled lines with the image's own colours.
/// JPEG is decoded with libjpeg (in C, see `CJpeg`). Each line carries its row of the picture
/// (`Line.picture`), so a terminal with sixel or kitty graphics can draw the pixels over the symbols
/// (`ImageGraphics`).
/// Anything that cannot be decoded becomes a one-line placeholder in `output.placeholder`.
public enum ImageText {
    /// The colours the drawing may use.
    public enum ColorMode: Sendable, Hashable {
        case truecolor, indexed256, indexed16, indexed8
        /// No colours: the shapes alone, in the text's own colours.
        case monochrome

        /// The mode for a terminal's colour depth.
        public init(_ depth: ColorDepth) {
            switch depth {
            case .trueColor: self = .truecolor
            case .indexed256: self = .indexed256
            case .ansi16: self = .indexed16
            case .ansi8: self = .indexed8
            case .monochrome: self = .monochrome
            }
        }
    }

    /// Which symbols the drawing is made of.
    public enum Symbols: Sendable, Hashable {
        /// Blocks, half and quarter blocks: in every font.
        case blocks
        /// Also sextants (Unicode 13), finer, but missing from some fonts.
        case sextants
        /// ASCII characters only, for terminals without Unicode.
        case ascii
    }

    /// The largest image decoded, in pixels per side and in total.
    public static let maxSide: UInt32 = 16_384
    public static let maxPixels = 40_000_000

    /// An image from its base64 text (as a notebook stores it) drawn in cells.
    public static func render(base64: String, mimeType: String, maxWidth: Int, maxHeight: Int,
                              colors: ColorMode = .truecolor, symbols: Symbols = .blocks) -> [RenderedLine] {
        guard let data = Data(base64Encoded: base64, options: .ignoreUnknownCharacters) else {
            return placeholder("[\(mimeType): not valid base64]")
        }
        return render(data: data, mimeType: mimeType, maxWidth: maxWidth, maxHeight: maxHeight, colors: colors, symbols: symbols)
    }

    /// An image from its bytes drawn in cells.
    public static func render(data: Data, mimeType: String, maxWidth: Int, maxHeight: Int,
                              colors: ColorMode = .truecolor, symbols: Symbols = .blocks) -> [RenderedLine] {
        let decoded: Decoded
        switch mimeType {
        case "image/png": decoded = decodePNG(data)
        case "image/jpeg": decoded = decodeJPEG(data)
        default: return placeholder("[\(mimeType) image, \(data.count) bytes: only PNG and JPEG images are drawn]")
        }
        switch decoded {
        case let .failure(message):
            return placeholder("[\(mimeType): cannot decode: \(message)]")
        case let .success(image):
            let lines = draw(image, maxWidth: max(1, maxWidth), maxHeight: max(1, maxHeight), colors: colors, symbols: symbols)
            return withPicture(lines, data: data, mimeType: mimeType)
        }
    }

    /// `lines` (a drawing of the image in `data`) with each carrying its row of one picture source,
    /// so a terminal with graphics can show the pixels instead.
    static func withPicture(_ lines: [RenderedLine], data: Data, mimeType: String) -> [RenderedLine] {
        let source = ImageGraphics.source(data: data, mimeType: mimeType, columns: lines.map(\.width).max() ?? 1, rows: lines.count)
        var out = lines
        for i in out.indices { out[i].picture = PictureRow(source: source, row: i) }
        return out
    }

    static func placeholder(_ text: String) -> [RenderedLine] { [RenderedLine(text, scope: "output.placeholder")] }

    /// RGBA pixels, 8 bits per channel, unassociated alpha.
    struct Pixels {
        var width: Int
        var height: Int
        var rgba: [UInt8]
    }

    enum Decoded {
        case success(Pixels)
        case failure(String)
    }

    static func decodePNG(_ data: Data) -> Decoded {
        guard let ctx = spng_ctx_new(0) else { return .failure("out of memory") }
        defer { spng_ctx_free(ctx) }
        spng_set_image_limits(ctx, maxSide, maxSide)
        spng_set_chunk_limits(ctx, 64 << 20, 64 << 20)
        let bytes = [UInt8](data)
        return bytes.withUnsafeBytes { buf -> Decoded in
            var rc = spng_set_png_buffer(ctx, buf.baseAddress, buf.count)
            guard rc == 0 else { return .failure(message(rc)) }
            var ihdr = spng_ihdr()
            rc = spng_get_ihdr(ctx, &ihdr)
            guard rc == 0 else { return .failure(message(rc)) }
            let w = Int(ihdr.width), h = Int(ihdr.height)
            guard w > 0, h > 0, w * h <= maxPixels else { return .failure("\(w)×\(h) is too large") }
            let fmt = Int32(SPNG_FMT_RGBA8.rawValue)
            var size = 0
            rc = spng_decoded_image_size(ctx, fmt, &size)
            guard rc == 0, size == w * h * 4 else { return .failure(message(rc)) }
            var out = [UInt8](repeating: 0, count: size)
            rc = out.withUnsafeMutableBytes { spng_decode_image(ctx, $0.baseAddress, size, fmt, Int32(SPNG_DECODE_TRNS.rawValue)) }
            guard rc == 0 else { return .failure(message(rc)) }
            return .success(Pixels(width: w, height: h, rgba: out))
        }
    }

    static func decodeJPEG(_ data: Data) -> Decoded {
        var pixels: UnsafeMutablePointer<UInt8>?
        var w: UInt32 = 0, h: UInt32 = 0
        var error = [CChar](repeating: 0, count: 256)
        let rc = data.withUnsafeBytes { buf in
            cjpeg_decode_rgba(buf.bindMemory(to: UInt8.self).baseAddress, buf.count, maxSide, maxPixels, &pixels, &w, &h, &error, error.count)
        }
        guard rc == 0, let pixels else {
            return .failure(String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        defer { cjpeg_free(pixels) }
        let count = Int(w) * Int(h) * 4
        return .success(Pixels(width: Int(w), height: Int(h), rgba: Array(UnsafeBufferPointer(start: pixels, count: count))))
    }

    private static func message(_ rc: Int32) -> String {
        spng_strerror(rc).map { String(cString: $0) } ?? "error \(rc)"
    }

    /// The cell size chafa picks for an image within the limits, aspect kept.
    static func cellSize(width: Int, height: Int, maxWidth: Int, maxHeight: Int) -> (Int32, Int32) {
        var w = Int32(maxWidth), h = Int32(maxHeight)
        chafa_calc_canvas_geometry(Int32(width), Int32(height), &w, &h, 0.5, 1, 0)
        return (max(1, w), max(1, h))
    }

    static func draw(_ image: Pixels, maxWidth: Int, maxHeight: Int, colors: ColorMode, symbols: Symbols) -> [RenderedLine] {
        let (w, h) = cellSize(width: image.width, height: image.height, maxWidth: maxWidth, maxHeight: maxHeight)
        guard let config = chafa_canvas_config_new() else { return placeholder("[image/png: out of memory]") }
        defer { chafa_canvas_config_unref(config) }
        chafa_canvas_config_set_geometry(config, w, h)
        chafa_canvas_config_set_pixel_mode(config, CHAFA_PIXEL_MODE_SYMBOLS)
        let mode: ChafaCanvasMode
        switch colors {
        case .truecolor: mode = CHAFA_CANVAS_MODE_TRUECOLOR
        case .indexed256: mode = CHAFA_CANVAS_MODE_INDEXED_240
        case .indexed16: mode = CHAFA_CANVAS_MODE_INDEXED_16
        case .indexed8: mode = CHAFA_CANVAS_MODE_INDEXED_8
        case .monochrome: mode = CHAFA_CANVAS_MODE_FGBG
        }
        chafa_canvas_config_set_canvas_mode(config, mode)
        guard let map = chafa_symbol_map_new() else { return placeholder("[image/png: out of memory]") }
        defer { chafa_symbol_map_unref(map) }
        var tags = CHAFA_SYMBOL_TAG_BLOCK.rawValue | CHAFA_SYMBOL_TAG_SPACE.rawValue | CHAFA_SYMBOL_TAG_SOLID.rawValue
        switch symbols {
        case .blocks: break
        case .sextants: tags |= CHAFA_SYMBOL_TAG_SEXTANT.rawValue
        case .ascii: tags = CHAFA_SYMBOL_TAG_ASCII.rawValue
        }
        chafa_symbol_map_add_by_tags(map, ChafaSymbolTags(rawValue: tags))
        chafa_canvas_config_set_symbol_map(config, map)
        guard let canvas = chafa_canvas_new(config) else { return placeholder("[image/png: out of memory]") }
        defer { chafa_canvas_unref(canvas) }
        image.rgba.withUnsafeBufferPointer { px in
            chafa_canvas_draw_all_pixels(canvas, CHAFA_PIXEL_RGBA8_UNASSOCIATED, px.baseAddress,
                                         Int32(image.width), Int32(image.height), Int32(image.width * 4))
        }
        var lines: [RenderedLine] = []
        for y in 0..<h {
            var spans: [Span] = []
            for x in 0..<w {
                let code = chafa_canvas_get_char_at(canvas, x, y)
                var fg: Int32 = -1, bg: Int32 = -1
                chafa_canvas_get_raw_colors_at(canvas, x, y, &fg, &bg)
                let ch = Unicode.Scalar(code).map { Character($0) } ?? " "
                let style = Style(foreground: color(fg, colors), background: color(bg, colors))
                if let last = spans.last, last.style == style {
                    spans[spans.count - 1].text.append(ch)
                } else {
                    spans.append(Span(String(ch), style: style))
                }
            }
            lines.append(RenderedLine(Line(spans)))
        }
        return lines
    }

    /// A chafa cell colour as `get_raw_colors_at` gives it: packed RGB in truecolor mode, a palette
    /// index otherwise; negative or out-of-range values (transparent) are nil.
    static func color(_ v: Int32, _ mode: ColorMode) -> Color? {
        guard v >= 0 else { return nil }
        switch mode {
        case .truecolor:
            guard v <= 0xFFFFFF else { return nil }
            return .rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
        case .indexed256, .indexed16, .indexed8:
            return v < 256 ? .indexed(UInt8(v)) : nil
        case .monochrome:
            return nil
        }
    }
}
