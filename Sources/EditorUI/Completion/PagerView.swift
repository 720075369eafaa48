import EditorCore
import TermCore

/// A read-only tab of styled text (the kernel's help opened from the inspection popup): lines
/// wrapped to the tab's width, scrolled with the editor's movement keys and the mouse wheel.
public final class PagerView: TabContent {
    public let title: String
    /// The text, before wrapping.
    public let lines: [Line]
    /// The first wrapped row shown.
    public private(set) var top = 0
    private var wrapped: (width: Int, lines: [Line])?
    private var lastHeight = 20

    public init(title: String, lines: [Line]) {
        self.title = title
        self.lines = lines
    }

    public var keyContext: KeyContext { .editor }
    public var status: ContentStatus {
        let total = wrapped?.lines.count ?? lines.count
        return ContentStatus(mode: "VIEW", position: "Ln \(min(total, top + 1))–\(min(total, top + lastHeight))/\(total)")
    }

    func rows(width: Int) -> [Line] {
        if let wrapped, wrapped.width == width { return wrapped.lines }
        let rows = lines.flatMap { $0.wrapped(width: max(1, width)) }
        wrapped = (width, rows)
        return rows
    }

    public func render(into buffer: inout CellBuffer, area: Rect, styles: StyleSheet, focused: Bool) {
        lastHeight = max(1, area.height)
        let base = styles.style("ui.window")
        buffer.fill(area, with: .blank(base))
        let body = rows(width: area.width - 1)
        top = max(0, min(top, body.count - area.height))
        for r in 0..<area.height where top + r < body.count {
            let line = Line(body[top + r].spans.map { Span($0.text, style: base.patched(with: $0.style)) })
            buffer.draw(line, at: Point(x: area.x + 1, y: area.y + r), clip: area)
        }
    }

    public func perform(_ command: CommandID, area: Rect) -> Bool {
        let page = max(1, area.height - 1)
        switch command.rawValue {
        case "editor:cursor-up": top -= 1
        case "editor:cursor-down": top += 1
        case "editor:cursor-page-up": top -= page
        case "editor:cursor-page-down": top += page
        case "editor:cursor-document-start": top = 0
        case "editor:cursor-document-end": top = rows(width: area.width - 1).count
        default: return false
        }
        top = max(0, min(top, rows(width: area.width - 1).count - area.height))
        return true
    }

    public func handleMouse(_ event: MouseEvent, area: Rect) -> Bool {
        switch event.kind {
        case .scrollUp: top = max(0, top - 3)
        case .scrollDown: top = max(0, min(top + 3, rows(width: area.width - 1).count - area.height))
        default: return false
        }
        return true
    }

    public func save() -> SaveOutcome { .notApplicable("\(title) is a help page: nothing to save") }
    public func makeView() -> any TabContent { PagerView(title: title, lines: lines) }
}
