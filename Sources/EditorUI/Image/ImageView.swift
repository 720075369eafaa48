import EditorCore
import Foundation
import Rendering
import TermCore

/// An image file in a tab: a line with the file name, format and pixel size, and the picture drawn
/// with chafa as coloured block symbols, as large as the tab allows with the aspect ratio kept. The
/// drawing is redone when the tab's size changes; the file is decoded once.
public final class ImageView: TabContent {
    public let path: String?
    public let title: String
    /// The decoded image, or why it cannot be shown.
    public let image: Result<ImageFile.Decoded, ImageFile.Failure>
    /// The drawing for the last size.
    private var drawn: (size: Size, lines: [RenderedLine])?

    /// Largest image file read (bytes).
    public static let sizeLimit = 64 << 20

    /// Reads and decodes the image at `path`; problems show as a notice in the tab.
    public init(path: String) {
        self.path = path
        title = (path as NSString).lastPathComponent
        image = Self.load(path)
    }

    init(sharing other: ImageView) {
        path = other.path
        title = other.title
        image = other.image
    }

    static func load(_ path: String) -> Result<ImageFile.Decoded, ImageFile.Failure> {
        if TextDocument.isSpecial(path) { return .failure(ImageFile.Failure(reason: "not a regular file")) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(ImageFile.Failure(reason: FileManager.default.fileExists(atPath: path) ? "cannot be read (permission denied)" : "no such file"))
        }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: sizeLimit + 1) else { return .failure(ImageFile.Failure(reason: "cannot be read")) }
        if data.count > sizeLimit { return .failure(ImageFile.Failure(reason: "larger than \(sizeLimit >> 20) MB")) }
        return ImageFile.decode(data)
    }

    public var keyContext: KeyContext { .global }

    /// `name — 640×480 PNG`, or the reason it is not shown.
    public var caption: String {
        switch image {
        case let .success(i): return "\(title) — \(i.width)×\(i.height) \(i.format.rawValue)"
        case let .failure(f):
            let size = f.width.flatMap { w in f.height.map { "\(w)×\($0) " } } ?? ""
            return "\(title) — \(size)\(f.format?.rawValue ?? "")\(f.format == nil ? "" : ": ")\(f.reason)"
        }
    }

    public var status: ContentStatus {
        if case let .success(i) = image { return ContentStatus(mode: "IMAGE", position: "\(i.width)×\(i.height) \(i.format.rawValue)") }
        return ContentStatus(mode: "IMAGE", position: "not shown")
    }

    public func render(into buffer: inout CellBuffer, area: Rect, styles: StyleSheet, focused: Bool) {
        buffer.fill(area, with: .blank(styles.style("ui.window")))
        guard !area.isEmpty else { return }
        let captionScope = { if case .success = self.image { return "ui.text.dim" } else { return "ui.text.warning" } }()
        buffer.draw(" " + caption, at: area.origin, style: styles.style(captionScope), clip: Rect(x: area.x, y: area.y, width: area.width, height: 1))
        guard case let .success(decoded) = image, area.height > 1 else { return }
        let room = Size(width: area.width, height: area.height - 1)
        if drawn?.size != room {
            drawn = (room, ImageFile.draw(decoded, maxWidth: room.width, maxHeight: room.height))
        }
        let lines = drawn?.lines ?? []
        let width = lines.first?.width ?? 0
        let x = area.x + max(0, (room.width - width) / 2)
        let clip = Rect(x: area.x, y: area.y + 1, width: room.width, height: room.height)
        let resolver = ClosureStyleResolver { styles.style($0) }
        for (row, line) in lines.enumerated() where row < room.height {
            _ = buffer.draw(line.line(resolver), at: Point(x: x, y: area.y + 1 + row), clip: clip)
        }
    }

    public func perform(_ command: CommandID, area: Rect) -> Bool { false }

    public func save() -> SaveOutcome { .notApplicable("\(title) is an image: nothing to save") }

    public func makeView() -> any TabContent { ImageView(sharing: self) }
}
