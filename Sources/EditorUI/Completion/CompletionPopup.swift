import EditorCore
import TermCore

/// Draws an open completion list under (or above) the cursor: one match per row, the characters
/// matching the typed text marked, the kind of each match in a dim column on the right, the
/// highlighted match in the menu's selection colours, and a scroll bar when not all fit.
enum CompletionPopup {
    /// Rows shown at most.
    static let maxRows = 10
    /// Widest label and type column.
    static let maxLabelWidth = 48, maxTypeWidth = 14

    /// Draws `session` with its labels starting at column `x` below or above row `row`, inside
    /// `area`; sets how many rows it shows.
    static func render(_ session: inout CompletionSession, into buffer: inout CellBuffer, x: Int, row: Int, area: Rect, styles: StyleSheet) {
        let entries = session.entries
        guard !entries.isEmpty else { return }
        let labelWidth = min(maxLabelWidth, entries.map { $0.item.label.displayWidth }.max() ?? 1)
        let typeWidth = min(maxTypeWidth, entries.compactMap { $0.item.type?.displayWidth }.max() ?? 0)
        let scrolls = entries.count > maxRows
        let width = 1 + labelWidth + (typeWidth > 0 ? 2 + typeWidth : 0) + 1 + (scrolls ? 1 : 0)
        let frame = PopupPlacement.frame(size: Size(width: width, height: min(maxRows, entries.count)), x: x - 1, row: row, area: area)
        guard frame.height > 0, frame.width > 2 else { return }
        session.visibleRows = frame.height
        let menu = styles.style("ui.menu"), chosen = styles.focus("ui.menu.selected")
        let match = styles.style("ui.palette.match"), dim = styles.style("ui.text.dim")
        let textWidth = frame.width - (scrolls ? 1 : 0)
        for r in 0..<frame.height {
            let i = session.scroll + r
            guard i < entries.count else { break }
            let entry = entries[i]
            let base = i == session.selected ? chosen : menu
            let rowRect = Rect(x: frame.x, y: frame.y + r, width: textWidth, height: 1)
            buffer.fill(rowRect, with: .blank(base))
            var line = Line()
            let marked = Set(entry.positions)
            for (k, scalar) in entry.item.label.unicodeScalars.enumerated() {
                line.append(Span(String(scalar), style: marked.contains(k) ? base.patched(with: match) : base))
            }
            let typeRoom = typeWidth > 0 ? min(typeWidth, max(0, textWidth - 6)) : 0
            let labelRoom = max(1, textWidth - 2 - (typeRoom > 0 ? typeRoom + 2 : 0))
            buffer.draw(merge(line).truncated(to: labelRoom), at: Point(x: rowRect.x + 1, y: rowRect.y), clip: rowRect)
            if typeRoom > 0, let type = entry.item.type {
                let t = Line(type, style: base.patched(with: dim)).truncated(to: typeRoom)
                buffer.draw(t, at: Point(x: rowRect.maxX - 1 - t.width, y: rowRect.y), clip: rowRect)
            }
        }
        if scrolls {
            PopupPlacement.drawScrollBar(into: &buffer, rect: frame, total: entries.count, visible: frame.height, top: session.scroll, styles: styles)
        }
    }

    /// Joins neighbouring spans of one style (a label is built a scalar at a time).
    static func merge(_ line: Line) -> Line {
        var spans: [Span] = []
        for span in line.spans {
            if let last = spans.last, last.style == span.style {
                spans[spans.count - 1] = Span(last.text + span.text, style: span.style)
            } else {
                spans.append(span)
            }
        }
        return Line(spans)
    }
}
