import TermCore

/// A read-only view of a `ReadOnlyText`: scrolls with the editor's (or, for notebooks, the notebook's)
/// movement commands and the mouse wheel. Several viewers may share one text.
public final class TextViewer: TabContent {
    public let text: ReadOnlyText
    /// The first line shown.
    public private(set) var top = 0
    /// The first column shown.
    public private(set) var left = 0
    /// Lines moved by one wheel step.
    public static let wheelStep = 3
    private var lastHeight = 20

    public init(_ text: ReadOnlyText) { self.text = text }

    public var title: String { text.title }
    public var path: String? { text.path }
    public var keyContext: KeyContext { text.isNotebook ? .notebook : .editor }
    public var status: ContentStatus {
        let last = min(text.lines.count, top + max(1, lastHeight))
        return ContentStatus(mode: "VIEW", position: "Ln \(top + 1)–\(last)/\(text.lines.count)" + (text.note.map { "  \($0)" } ?? ""))
    }

    public func render(into buffer: inout CellBuffer, area: Rect, styles: StyleSheet, focused: Bool) {
        lastHeight = area.height
        clampScroll(height: area.height)
        buffer.fill(area, with: .blank(styles.style("ui.window")))
        for row in 0..<area.height {
            let index = top + row
            guard index < text.lines.count else { break }
            var x = area.x - left
            for span in text.lines[index] {
                let style = span.style.map { styles.style(span.scope).patched(with: $0) } ?? styles.style(span.scope)
                x = buffer.draw(span.text, at: Point(x: x, y: area.y + row), style: style, clip: area)
            }
        }
    }

    public func perform(_ command: CommandID, area: Rect) -> Bool {
        let page = max(1, area.height - 1)
        switch command.rawValue {
        case "editor:cursor-up", "notebook:move-cursor-up", "notebook:scroll-up": scroll(by: -1, height: area.height)
        case "editor:cursor-down", "notebook:move-cursor-down", "notebook:scroll-down": scroll(by: 1, height: area.height)
        case "editor:cursor-page-up", "notebook:move-cursor-page-up": scroll(by: -page, height: area.height)
        case "editor:cursor-page-down", "notebook:move-cursor-page-down": scroll(by: page, height: area.height)
        case "editor:cursor-document-start", "notebook:move-cursor-to-top": top = 0
        case "editor:cursor-document-end", "notebook:move-cursor-to-bottom": top = .max; clampScroll(height: area.height)
        case "editor:cursor-left": left = max(0, left - 4)
        case "editor:cursor-right": left += 4
        case "editor:cursor-line-start": left = 0
        default: return false
        }
        return true
    }

    public func handleMouse(_ event: MouseEvent, area: Rect) -> Bool {
        switch event.kind {
        case .scrollUp: scroll(by: -Self.wheelStep, height: area.height)
        case .scrollDown: scroll(by: Self.wheelStep, height: area.height)
        case .scrollLeft: left = max(0, left - 4)
        case .scrollRight: left += 4
        default: return false
        }
        return true
    }

    public func save() -> SaveOutcome {
        .notApplicable("\(text.title) is open read-only: nothing to save")
    }

    public func makeView() -> any TabContent {
        let view = TextViewer(text)
        view.top = top
        return view
    }

    /// Scrolls by `lines` (negative up), keeping the last line at most at the bottom.
    public func scroll(by lines: Int, height: Int) {
        top += lines
        clampScroll(height: height)
    }

    private func clampScroll(height: Int) {
        top = min(max(0, top), max(0, text.lines.count - max(1, height)))
        left = min(left, max(0, text.width - 1))
    }
}
