import Foundation

/// The system clipboard as the UI reaches it. The UI implements it (usually with `OSC52Clipboard`,
/// which works over SSH and in tmux); the editing core only calls it.
public protocol SystemClipboard: AnyObject {
    /// Puts `text` on the system clipboard.
    func copy(_ text: String)
    /// The system clipboard's text when known (what was last copied, or pasted by the terminal).
    func paste() -> String?
}

/// Encodes clipboard writes as OSC 52 (`ESC ] 52 ; c ; <base64> BEL`).
public enum OSC52 {
    /// The largest text sent (many terminals drop longer sequences); longer text is not sent.
    public static let maximumBytes = 1_000_000

    /// The escape sequence putting `text` on the clipboard; nil when too large.
    public static func sequence(copying text: String, selection: String = "c") -> String? {
        let data = Data(text.utf8)
        guard data.count <= maximumBytes else { return nil }
        return "\u{1B}]52;\(selection);\(data.base64EncodedString())\u{07}"
    }

    /// The same sequence wrapped for tmux passthrough (`ESC P tmux; … ESC \`), for tmux without
    /// `set-clipboard on`.
    public static func tmuxPassthrough(_ sequence: String) -> String {
        "\u{1B}Ptmux;" + sequence.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\"
    }
}

/// A `SystemClipboard` that queues OSC 52 sequences for the UI to write to the terminal and
/// remembers the last text for `paste()` (terminals rarely allow reading the clipboard).
public final class OSC52Clipboard: SystemClipboard {
    /// Sequences waiting to be written to the terminal.
    public private(set) var pendingOutput: [String] = []
    private var last: String?

    public init() {}

    public func copy(_ text: String) {
        last = text
        if let s = OSC52.sequence(copying: text) { pendingOutput.append(s) }
    }

    public func paste() -> String? { last }

    /// Text the terminal pasted (bracketed paste) or reported: what `paste()` returns next.
    public func received(_ text: String) { last = text }

    /// Takes the queued sequences.
    public func drainOutput() -> [String] {
        defer { pendingOutput.removeAll() }
        return pendingOutput
    }
}
