import EditorCore
import TermCore

/// The hint shown while a key sequence is pending: the keys that can follow and what each does.
public enum WhichKeyView {
    /// Draws the hint at the bottom of `area` (above the status bar).
    public static func render(pending: [Key], continuations: [KeyContinuation], registry: CommandRegistry,
                              into buffer: inout CellBuffer, area: Rect, styles: StyleSheet) {
        guard !continuations.isEmpty, area.width >= 10 else { return }
        let entries = continuations.map { c -> (String, String) in
            let what = c.command.map { registry[$0]?.title ?? $0.rawValue } ?? "+\(c.bindingCount) more"
            return (c.key.description, what)
        }
        let cell = min(max(entries.map { $0.0.displayWidth + $0.1.displayWidth + 4 }.max() ?? 10, 16), max(16, area.width - 2))
        let columns = max(1, (area.width - 2) / cell)
        let rowsNeeded = (entries.count + columns - 1) / columns
        let height = min(rowsNeeded + 2, max(3, area.height / 2))
        let box = Rect(x: area.x, y: area.maxY - height, width: area.width, height: height)
        let inner = buffer.drawBox(box, border: .single, style: styles.style("ui.dialog.border"),
                                   title: Line(" \(pending.notation) … ", style: styles.style("ui.whichkey.key")))
        buffer.fill(inner, with: .blank(styles.style("ui.whichkey")))
        for (i, entry) in entries.enumerated() {
            let row = i / columns, column = i % columns
            guard row < inner.height else { break }
            let at = Point(x: inner.x + 1 + column * cell, y: inner.y + row)
            let clip = Rect(x: at.x, y: at.y, width: cell - 1, height: 1).intersection(inner)
            let x = buffer.draw(entry.0, at: at, style: styles.style("ui.whichkey.key"), clip: clip)
            buffer.draw(" " + entry.1, at: Point(x: x, y: at.y), style: styles.style("ui.whichkey"), clip: clip)
        }
    }
}
