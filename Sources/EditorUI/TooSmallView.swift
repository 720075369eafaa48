import EditorCore
import TermCore

/// Shown instead of the workspace when the terminal is smaller than `minimum`.
public enum TooSmallView {
    /// The smallest terminal the workspace is drawn in.
    public static let minimum = Size(width: 30, height: 8)

    public static func render(into buffer: inout CellBuffer, styles: StyleSheet) {
        let area = buffer.bounds
        buffer.fill(area, with: .blank(styles.style("ui.window")))
        let lines = ["Terminal too small", "\(area.width)×\(area.height), need \(minimum.width)×\(minimum.height)", "Ctrl+Q quits"]
        let top = max(0, (area.height - lines.count) / 2)
        for (i, text) in lines.enumerated() {
            let t = Line(text).truncated(to: area.width)
            buffer.draw(t, at: Point(x: max(0, (area.width - t.width) / 2), y: top + i))
            if i == 0 { buffer.setStyle(Rect(x: 0, y: top, width: area.width, height: 1), styles.style("ui.text.warning")) }
        }
    }
}
