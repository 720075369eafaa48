import EditorCore
import TermCore

/// The side panel on the left. For now it holds a placeholder; the file browser, table of contents
/// and running kernels will live here.
public enum SidePanelView {
    public static func render(into buffer: inout CellBuffer, area: Rect, styles: StyleSheet, focused: Bool) {
        guard area.width >= 2, !area.isEmpty else { return }
        let body = Rect(x: area.x, y: area.y, width: area.width - 1, height: area.height)
        buffer.fill(body, with: .blank(styles.style("ui.sidepanel")))
        let title = Rect(x: body.x, y: body.y, width: body.width, height: 1)
        buffer.fill(title, with: .blank(focused ? styles.focus("ui.sidepanel.title") : styles.style("ui.sidepanel.title")))
        buffer.draw(" FILES", at: title.origin, style: focused ? styles.focus("ui.sidepanel.title") : styles.style("ui.sidepanel.title"), clip: title)
        let text = Text("The file browser will show here.").wrapped(width: max(1, body.width - 2))
        for (i, line) in text.lines.enumerated() where body.y + 2 + i < body.maxY {
            buffer.draw(line.plainText, at: Point(x: body.x + 1, y: body.y + 2 + i), style: styles.style("ui.text.dim"), clip: body)
        }
        for y in area.y..<area.maxY {
            buffer.draw("│", at: Point(x: area.maxX - 1, y: y), style: styles.style("ui.window.border"))
        }
    }
}
