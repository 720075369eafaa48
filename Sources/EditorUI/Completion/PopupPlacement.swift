import EditorCore
import TermCore

/// Where a popup goes next to the cursor: below its row when the rows below hold it (or hold more
/// than the rows above), else above; shifted left to stay inside the area; never larger than it.
enum PopupPlacement {
    /// The popup's rectangle for content `size` anchored at column `x` of cursor row `row`, in `area`.
    static func frame(size: Size, x: Int, row: Int, area: Rect) -> Rect {
        let below = area.maxY - (row + 1)
        let above = row - area.y
        let width = min(size.width, area.width)
        let left = max(area.x, min(x, area.maxX - width))
        if below >= size.height || below >= above {
            return Rect(x: left, y: row + 1, width: width, height: max(0, min(size.height, below)))
        }
        let height = max(0, min(size.height, above))
        return Rect(x: left, y: row - height, width: width, height: height)
    }

    /// A one-column scroll bar at the right of `rect` for `total` rows of which `visible` are shown
    /// from `top`.
    static func drawScrollBar(into buffer: inout CellBuffer, rect: Rect, total: Int, visible: Int, top: Int, styles: StyleSheet) {
        guard total > visible, rect.height > 0 else { return }
        let x = rect.maxX - 1
        let thumb = max(1, rect.height * visible / total)
        let start = min(rect.height - thumb, (rect.height - thumb) * top / max(1, total - visible))
        for r in 0..<rect.height {
            let scope = r >= start && r < start + thumb ? "ui.scrollbar.thumb" : "ui.scrollbar"
            buffer.draw(r >= start && r < start + thumb ? "█" : "│", at: Point(x: x, y: rect.y + r), style: styles.style(scope), clip: rect)
        }
    }
}
