import EditorCore
import TermCore

/// A modal dialog: a question with buttons (confirm), or a question with a text field (prompt).
/// The app routes the `dialog` context's commands and other keys here; `accept()` and `cancel()`
/// give the answer to the dialog's handler.
public struct Dialog {
    /// How a dialog ended.
    public enum Answer: Hashable, Sendable {
        /// A button (by index) with the text field's content ("" for a confirm dialog).
        case button(Int, text: String)
        case cancelled
    }

    public var title: String
    public var message: String
    public var buttons: [String]
    /// The focused button.
    public private(set) var focused: Int
    /// The text field's content; nil for a confirm dialog.
    public private(set) var text: String?
    /// Called once with the answer.
    public let onAnswer: (Answer) -> Void

    /// A confirm dialog; `defaultButton` is focused first.
    public static func confirm(_ title: String, message: String, buttons: [String], defaultButton: Int = 0,
                               onAnswer: @escaping (Answer) -> Void) -> Dialog {
        Dialog(title: title, message: message, buttons: buttons, focused: defaultButton, text: nil, onAnswer: onAnswer)
    }

    /// A dialog asking for a line of text, with OK and Cancel.
    public static func prompt(_ title: String, message: String, initial: String = "", onAnswer: @escaping (Answer) -> Void) -> Dialog {
        Dialog(title: title, message: message, buttons: ["OK", "Cancel"], focused: 0, text: initial, onAnswer: onAnswer)
    }

    /// Focuses the next (1) or previous (-1) button, wrapping.
    public mutating func focus(_ step: Int) {
        guard !buttons.isEmpty else { return }
        focused = ((focused + step) % buttons.count + buttons.count) % buttons.count
    }

    /// Types text into the field (a prompt's only); line breaks are dropped.
    @discardableResult
    public mutating func insert(_ typed: String) -> Bool {
        guard text != nil else { return false }
        text! += typed.filter { !$0.isNewline }
        return true
    }

    @discardableResult
    public mutating func deleteBackward() -> Bool {
        guard let t = text, !t.isEmpty else { return false }
        text = String(t.dropLast())
        return true
    }

    /// The answer of choosing the focused button (Cancel counts as cancelled on a prompt).
    public var acceptAnswer: Answer {
        if text != nil && focused == buttons.count - 1 { return .cancelled }
        return .button(focused, text: text ?? "")
    }

    /// The box the dialog takes in `area`.
    public func frame(in area: Rect) -> Rect {
        let buttonsWidth = buttons.reduce(0) { $0 + $1.displayWidth + 5 }
        let width = min(max(30, min(area.width - 4, max(message.displayWidth + 6, title.displayWidth + 6, buttonsWidth + 2))), 70)
        let body = Text(message).wrapped(width: max(1, width - 4)).height
        let height = body + (text == nil ? 4 : 6)
        return Rect(x: area.x + max(0, (area.width - width) / 2), y: area.y + max(0, (area.height - height) / 2),
                    width: min(width, area.width), height: min(height, area.height))
    }

    /// Draws the dialog centred in `area`; returns where the text cursor goes (prompts).
    @discardableResult
    public func render(into buffer: inout CellBuffer, area: Rect, styles: StyleSheet) -> Point? {
        let box = frame(in: area)
        let inner = buffer.drawBox(box, border: .single, style: styles.style("ui.dialog.border"),
                                   title: Line(" \(title) ", style: styles.style("ui.dialog.title")))
        guard !inner.isEmpty else { return nil }
        buffer.fill(inner, with: .blank(styles.style("ui.dialog")))
        let lines = Text(message).wrapped(width: max(1, inner.width - 2)).lines
        var y = inner.y
        for line in lines where y < inner.maxY {
            buffer.draw(line.plainText, at: Point(x: inner.x + 1, y: y), style: styles.style("ui.dialog"), clip: inner)
            y += 1
        }
        var cursor: Point?
        if let text {
            y += 1
            let field = Rect(x: inner.x + 1, y: y, width: max(0, inner.width - 2), height: 1).intersection(inner)
            buffer.fill(field, with: .blank(styles.focus("ui.palette.input")))
            let shown = Self.tail(text, width: max(0, field.width - 1))
            let end = buffer.draw(shown, at: field.origin, style: styles.focus("ui.palette.input"), clip: field)
            cursor = Point(x: min(end, field.maxX - 1), y: field.y)
        }
        let row = inner.maxY - 1
        let labels = buttons.map { "[ \($0) ]" }
        var x = inner.maxX - labels.reduce(0) { $0 + $1.displayWidth + 1 }
        for (i, label) in labels.enumerated() {
            let style = i == focused ? styles.focus("ui.dialog.button.focus") : styles.style("ui.dialog.button")
            x = buffer.draw(label, at: Point(x: max(inner.x, x), y: row), style: style, clip: inner) + 1
        }
        return cursor
    }

    /// The end of `text` that fits in `width` columns.
    static func tail(_ text: String, width: Int) -> String {
        var out = ""
        var used = 0
        for ch in text.reversed() {
            let w = DisplayWidth.of(ch)
            if used + w > width { break }
            out.insert(ch, at: out.startIndex)
            used += w
        }
        return out
    }
}
