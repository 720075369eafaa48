import EditorCore
import TermCore

/// The lines between panes, with junctions where they meet; the lines around the focused pane in
/// the focus scope (colour only: on monochrome terminals the tab bar marks the focus, since a border
/// between two panes touches both).
public enum BorderView {
    /// Draws every border of `frames`.
    public static func render(_ frames: LayoutFrames, focused: Rect?, into buffer: inout CellBuffer, styles: StyleSheet, unicode: Bool) {
        var cells = Set<Point>()
        for b in frames.borders {
            for y in b.rect.y..<b.rect.maxY { for x in b.rect.x..<b.rect.maxX { cells.insert(Point(x: x, y: y)) } }
        }
        let focusArea = focused.map { Rect(x: $0.x - 1, y: $0.y - 1, width: $0.width + 2, height: $0.height + 2) }
        for p in cells {
            let up = cells.contains(Point(x: p.x, y: p.y - 1)), down = cells.contains(Point(x: p.x, y: p.y + 1))
            let left = cells.contains(Point(x: p.x - 1, y: p.y)), right = cells.contains(Point(x: p.x + 1, y: p.y))
            let ch = unicode ? junction(up: up, down: down, left: left, right: right, vertical: isVertical(p, frames))
                             : ((up || down) && (left || right) ? "+" : (isVertical(p, frames) ? "|" : "-"))
            let isFocus = focusArea?.contains(p) ?? false
            buffer.draw(ch, at: p, style: isFocus ? styles.style("ui.window.border.focus") : styles.style("ui.window.border"))
        }
    }

    private static func isVertical(_ p: Point, _ frames: LayoutFrames) -> Bool {
        frames.borders.first { $0.rect.contains(p) }?.axis == .horizontal
    }

    static func junction(up: Bool, down: Bool, left: Bool, right: Bool, vertical: Bool) -> String {
        switch (up, down, left, right) {
        case (true, true, true, true): return "┼"
        case (true, true, false, true): return "├"
        case (true, true, true, false): return "┤"
        case (false, true, true, true): return "┬"
        case (true, false, true, true): return "┴"
        default: return vertical ? "│" : "─"
        }
    }
}
