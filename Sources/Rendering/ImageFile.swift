import Foundation

/// Image files decoded for the image view: PNG (libspng) and JPEG (libjpeg, see `CJpeg`), recognised by their
/// first bytes whatever the name says; a GIF's size is read from its header but it is not decoded.
/// Decoding is limited like `ImageText`'s (`maxSide`, `maxPixels`), so a hostile header cannot ask
/// for gigabytes.
public enum ImageFile {
    /// The formats recognised.
    public enum Format: String, Sendable {
        case png = "PNG", jpeg = "JPEG", gif = "GIF"
    }

    /// A decoded image, ready to draw at any size.
    public struct Decoded: @unchecked Sendable {
        public let format: Format
        public var width: Int { pixels.width }
        public var height: Int { pixels.height }
        let pixels: ImageText.Pixels
        /// The file's bytes (sent as they are to a terminal with kitty graphics).
        let data: Data
    }

    /// Why an image cannot be shown: the format (if recognised), its size (if known) and a reason.
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        public var format: Format?
        public var width: Int?
        public var height: Int?
        public var reason: String
        public var description: String { reason }

        public init(format: Format? = nil, width: Int? = nil, height: Int? = nil, reason: String) {
            self.format = format
            self.width = width
            self.height = height
            self.reason = reason
        }
    }

    /// The format of `data` by its signature.
    public static func format(of data: Data) -> Format? {
        if data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if data.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if data.starts(with: Array("GIF87a".utf8)) || data.starts(with: Array("GIF89a".utf8)) { return .gif }
        return nil
    }

    /// Decodes `data`.
    public static func decode(_ data: Data) -> Result<Decoded, Failure> {
        switch format(of: data) {
        case .png:
            switch ImageText.decodePNG(data) {
            case let .success(p): return .success(Decoded(format: .png, pixels: p, data: data))
            case let .failure(m): return .failure(Failure(format: .png, reason: "cannot decode the PNG: \(m)"))
            }
        case .jpeg:
            switch ImageText.decodeJPEG(data) {
            case let .success(p): return .success(Decoded(format: .jpeg, pixels: p, data: data))
            case let .failure(m): return .failure(Failure(format: .jpeg, reason: "cannot decode the JPEG: \(m)"))
            }
        case .gif:
            let b = [UInt8](data.prefix(10))
            let (w, h) = b.count >= 10 ? (Int(b[6]) | Int(b[7]) << 8, Int(b[8]) | Int(b[9]) << 8) : (0, 0)
            return .failure(Failure(format: .gif, width: w, height: h, reason: "GIF images are not decoded (no GIF decoder is linked)"))
        case nil:
            return .failure(Failure(reason: "not a PNG, JPEG or GIF image"))
        }
    }

    /// `image` drawn in at most `maxWidth`×`maxHeight` cells, aspect kept (in pixels on a terminal
    /// with graphics, see `ImageText`).
    public static func draw(_ image: Decoded, maxWidth: Int, maxHeight: Int, colors: ImageText.ColorMode = .truecolor,
                            symbols: ImageText.Symbols = .blocks) -> [RenderedLine] {
        let lines = ImageText.draw(image.pixels, maxWidth: max(1, maxWidth), maxHeight: max(1, maxHeight), colors: colors, symbols: symbols)
        return ImageText.withPicture(lines, data: image.data, mimeType: image.format == .png ? "image/png" : "image/jpeg")
    }
}
