import EditorCore
import TermCore

/// What the status bar shows, gathered by the app each frame.
public struct StatusBarModel: Hashable, Sendable {
    public var mode: String
    public var modeScope: String
    /// The focused document's title.
    public var title: String
    public var modified: Bool
    /// Where the view or cursor is.
    public var position: String
    /// A transient message and whether it is an error.
    public var message: (text: String, isError: Bool)?
    /// Keys of a started sequence.
    public var pendingKeys: String
    /// The kernel or process of the focused document (text and scope), when there is one.
    public var kernel: (text: String, scope: String)?

    public init(mode: String = "", modeScope: String = "ui.statusbar.mode.command", title: String = "", modified: Bool = false,
                position: String = "", message: (text: String, isError: Bool)? = nil, pendingKeys: String = "",
                kernel: (text: String, scope: String)? = nil) {
        self.mode = mode; self.modeScope = modeScope; self.title = title; self.modified = modified
        self.position = position; self.message = message; self.pendingKeys = pendingKeys; self.kernel = kernel
    }

    public static func == (a: StatusBarModel, b: StatusBarModel) -> Bool {
        a.mode == b.mode && a.modeScope == b.modeScope && a.title == b.title && a.modified == b.modified
            && a.position == b.position && a.message?.text == b.message?.text && a.message?.isError == b.message?.isError
            && a.pendingKeys == b.pendingKeys && a.kernel?.text == b.kernel?.text && a.kernel?.scope == b.kernel?.scope
    }
    public func hash(into h: inout Hasher) { h.combine(mode); h.combine(title); h.combine(position); h.combine(message?.text) }
}

/// The status bar: mode badge, document title, a message or the pending keys, then the kernel slot
/// and the position at the right.
public enum StatusBarView {
    public static func render(_ model: StatusBarModel, into buffer: inout CellBuffer, area: Rect, styles: StyleSheet) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        let base = styles.style("ui.statusbar")
        buffer.fill(row, with: .blank(base))
        var x = row.x
        if !model.mode.isEmpty {
            x = buffer.draw(" \(model.mode) ", at: Point(x: x, y: row.y), style: styles.focus(model.modeScope), clip: row)
        }
        var right = Line()
        if let kernel = model.kernel { right.append(Span(" \(kernel.text) ", style: styles.style(kernel.scope))) }
        if !model.position.isEmpty { right.append(Span(" \(model.position) ", style: base)) }
        let rightWidth = min(right.width, max(0, row.width - (x - row.x) - 10))
        let rightLine = right.truncated(to: rightWidth)
        buffer.draw(rightLine, at: Point(x: row.maxX - rightLine.width, y: row.y), clip: row)
        let middle = Rect(x: x, y: row.y, width: max(0, row.maxX - rightLine.width - x), height: 1)
        var left = Line(" \(model.title)\(model.modified ? " " + TabBarView.modifiedMarker : "")", style: base)
        if !model.pendingKeys.isEmpty {
            left.append(Span("  \(model.pendingKeys) …", style: styles.style("ui.whichkey.key")))
        } else if let message = model.message {
            left.append(Span("  \(message.text)", style: styles.style(message.isError ? "ui.statusbar.error" : "ui.statusbar.message")))
        }
        buffer.draw(left.truncated(to: middle.width), at: middle.origin, clip: middle)
    }
}
