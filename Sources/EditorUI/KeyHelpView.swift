import EditorCore
import TermCore

/// The key help screen: every binding that works in the focused context, from the live keymap, with
/// the command's title and the context it comes from; scrolls with arrows and page keys.
public struct KeyHelpView {
    public let context: KeyContext
    /// (keys, title, context) rows.
    public let rows: [(keys: String, title: String, from: KeyContext)]
    public private(set) var scroll = 0
    var visibleRows = 10

    public init(keymap: Keymap, context: KeyContext, registry: CommandRegistry) {
        self.context = context
        rows = keymap.effectiveBindings(in: context)
            .filter { $0.binding.command != .none }
            .map { (keys: $0.binding.notation, title: registry[$0.binding.command]?.title ?? $0.binding.command.rawValue, from: $0.from) }
            .sorted { ($0.from != context ? 1 : 0, $0.title) < ($1.from != context ? 1 : 0, $1.title) }
    }

    /// Scrolls by `lines`, clamped.
    public mutating func scroll(by lines: Int) {
        scroll = min(max(0, scroll + lines), max(0, rows.count - visibleRows))
    }

    /// Handles a key: arrows and page keys scroll; any other key closes (returns false).
    public mutating func handle(_ key: Key) -> Bool {
        switch key.code {
        case .up, .char("k"): scroll(by: -1)
        case .down, .char("j"): scroll(by: 1)
        case .pageUp: scroll(by: -max(1, visibleRows - 1))
        case .pageDown, .space: scroll(by: max(1, visibleRows - 1))
        case .home: scroll = 0
        case .end: scroll(by: rows.count)
        default: return false
        }
        return true
    }

    public mutating func render(into buffer: inout CellBuffer, area: Rect, styles: StyleSheet) {
        let width = min(max(30, area.width - 6), 100), height = max(5, area.height - 2)
        let box = Rect(x: area.x + max(0, (area.width - width) / 2), y: area.y + 1, width: min(width, area.width), height: min(height, area.height))
        let inner = buffer.drawBox(box, border: .single, style: styles.style("ui.dialog.border"),
                                   title: Line(" Keys: \(context.rawValue) ", style: styles.style("ui.dialog.title")))
        guard !inner.isEmpty else { return }
        buffer.fill(inner, with: .blank(styles.style("ui.dialog")))
        let list = Rect(x: inner.x, y: inner.y, width: inner.width, height: max(0, inner.height - 1))
        visibleRows = max(1, list.height)
        scroll = min(scroll, max(0, rows.count - visibleRows))
        let keyWidth = min((rows.map { $0.keys.displayWidth }.max() ?? 0) + 2, inner.width / 3)
        for row in 0..<list.height {
            let i = scroll + row
            guard i < rows.count else { break }
            let r = rows[i]
            let y = list.y + row
            buffer.draw(Line(r.keys).truncated(to: keyWidth - 1), at: Point(x: list.x + 1, y: y), clip: list)
            buffer.setStyle(Rect(x: list.x + 1, y: y, width: keyWidth - 1, height: 1), styles.style("ui.palette.key"))
            var title = Line(r.title, style: styles.style("ui.dialog"))
            if r.from != context { title.append(Span("  (\(r.from.rawValue))", style: styles.style("ui.text.dim"))) }
            let titleArea = Rect(x: list.x + 1 + keyWidth, y: y, width: max(0, list.width - keyWidth - 1), height: 1)
            buffer.draw(title.truncated(to: titleArea.width), at: titleArea.origin, clip: titleArea)
        }
        let footer = Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1)
        let shown = rows.isEmpty ? "no bindings" : "\(scroll + 1)–\(min(rows.count, scroll + visibleRows)) of \(rows.count)"
        buffer.draw(" \(shown) · ↑↓ PgUp PgDn scroll · any other key closes", at: footer.origin, style: styles.style("ui.text.dim"), clip: footer)
    }
}
