import EditorCore
import TermCore

/// The tab bar of one pane: each tab's title with a modified marker, the shown tab highlighted
/// (reverse video on monochrome terminals when the pane has the focus), and `‹` `›` markers when tabs
/// are scrolled out of view.
public struct TabBarView {
    /// A drawn tab: the columns it takes and its index in the group.
    public struct Hit: Hashable, Sendable {
        public var columns: Range<Int>
        public var index: Int
    }

    /// The marker after the title of a tab with unsaved changes.
    public static let modifiedMarker = "●"

    /// The label of a tab as drawn (padding included).
    public static func label(_ content: any TabContent) -> String {
        " \(content.title)\(content.isModified ? " " + modifiedMarker : "") "
    }

    /// Columns each tab takes, including the separator after it; titles wider than `limit` are cut.
    public static func widths(_ contents: [any TabContent], limit: Int) -> [Int] {
        contents.map { min(label($0).displayWidth, max(4, limit)) + 1 }
    }

    /// Draws `group`'s tab bar on row `area.y` of `area`; returns where each tab was drawn.
    @discardableResult
    public static func render(_ group: TabGroup, contents: [any TabContent], into buffer: inout CellBuffer, area: Rect,
                              styles: StyleSheet, focused: Bool) -> [Hit] {
        let row = Rect(x: area.x, y: area.y, width: area.width, height: min(1, area.height))
        guard !row.isEmpty else { return [] }
        buffer.fill(row, with: .blank(styles.style("ui.tabbar")))
        let limit = max(8, area.width / 2)
        let widths = Self.widths(contents, limit: limit)
        var hits: [Hit] = []
        var x = row.x
        let start = min(group.scroll, max(0, contents.count - 1))
        if start > 0 {
            buffer.draw("‹", at: Point(x: x, y: row.y), style: styles.style("ui.tabbar"), clip: row)
            x += 1
        }
        for i in start..<contents.count {
            let content = contents[i]
            let needsMarker = i < contents.count - 1
            if x + widths[i] - 1 + (needsMarker ? 1 : 0) > row.maxX, i > start {
                buffer.draw("›", at: Point(x: row.maxX - 1, y: row.y), style: styles.style("ui.tabbar"), clip: row)
                break
            }
            let active = i == group.active
            let scope = active ? "ui.tabbar.active" : "ui.tabbar.inactive"
            let style = active && focused ? styles.focus(scope) : styles.style(scope)
            var label = Line(" \(content.title)", style: style)
            if content.isModified { label.append(Span(" " + modifiedMarker, style: style.patched(with: styles.style("ui.tabbar.modified")))) }
            label.append(Span(" ", style: style))
            let end = buffer.draw(label.truncated(to: widths[i] - 1), at: Point(x: x, y: row.y), clip: row)
            hits.append(Hit(columns: x..<min(end, row.maxX), index: i))
            x = end
            buffer.draw("│", at: Point(x: x, y: row.y), style: styles.style("ui.tabbar"), clip: row)
            x += 1
        }
        return hits
    }
}
