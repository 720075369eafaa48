import EditorCore
import Rendering
import TermCore

/// The kernel's help for the name at the cursor, shown in a framed box under (or above) the
/// cursor: the docstring with its ANSI colours, wrapped to the box, scrollable. It belongs to one
/// cell and one state of its text: typing or moving the cursor closes it.
struct InspectionPopup {
    /// The cell and the text version and cursor it was asked for.
    let cellUID: Int
    let version: Int
    let cursor: TextPosition
    /// What the help is about (the word at the cursor), for the title.
    let title: String
    /// The help as styled lines (before wrapping).
    let lines: [Line]
    /// The first wrapped row shown.
    private(set) var scroll = 0
    /// Rows shown by the last frame and the wrapped lines at its width.
    private(set) var visibleRows = 8
    private var wrapped: (width: Int, lines: [Line])?

    /// The box's height at most (frame included) and its widest.
    static let maxHeight = 14, maxWidth = 84

    init(cellUID: Int, version: Int, cursor: TextPosition, title: String, text: String) {
        self.cellUID = cellUID
        self.version = version
        self.cursor = cursor
        self.title = title
        lines = AnsiText.lines(text).map { Line($0.spans.map { Span(ReadOnlyText.sanitize($0.text), style: $0.style) }) }
    }

    /// Scrolls by `rows` (negative: up), within the wrapped text.
    mutating func scroll(by rows: Int) {
        let total = wrapped?.lines.count ?? lines.count
        scroll = max(0, min(scroll + rows, total - visibleRows))
    }

    /// A page of rows.
    var page: Int { max(1, visibleRows - 1) }

    /// Draws the box at column `x` below or above row `row`, inside `area`; `hint` goes into the
    /// bottom border (the keys that close it, scroll it, open it in a pager).
    mutating func render(into buffer: inout CellBuffer, x: Int, row: Int, area: Rect, styles: StyleSheet, hint: String) {
        let natural = lines.map(\.width).max() ?? 0
        let width = min(area.width, Self.maxWidth, max(natural + 4, min(40, area.width)))
        guard width >= 8 else { return }
        let inner = width - 4
        if wrapped?.width != inner {
            wrapped = (inner, lines.flatMap { $0.wrapped(width: inner) })
        }
        let body = wrapped?.lines ?? []
        let frame = PopupPlacement.frame(size: Size(width: width, height: min(Self.maxHeight, body.count + 2)), x: x, row: row, area: area)
        guard frame.height >= 3 else { return }
        let base = styles.style("ui.menu")
        buffer.fill(frame, with: .blank(base))
        let border = base.patched(with: styles.style("ui.dialog.border"))
        let content = buffer.drawBox(frame, border: .single, style: border, title: Line(" \(title) ", style: base.patched(with: styles.style("ui.dialog.title"))))
        visibleRows = max(1, content.height)
        scroll = max(0, min(scroll, body.count - visibleRows))
        for r in 0..<content.height {
            let i = scroll + r
            guard i < body.count else { break }
            let line = Line(body[i].spans.map { Span($0.text, style: base.patched(with: $0.style)) })
            buffer.draw(line, at: Point(x: content.x + 1, y: content.y + r), clip: content)
        }
        if !hint.isEmpty, frame.width > 6 {
            let h = Line(" \(hint) ", style: border).truncated(to: frame.width - 4)
            buffer.draw(h, at: Point(x: frame.maxX - 2 - h.width, y: frame.maxY - 1), clip: frame)
        }
        PopupPlacement.drawScrollBar(into: &buffer, rect: content.inset(right: -1), total: body.count, visible: content.height, top: scroll, styles: styles)
    }
}
