import TermCore

/// Where something was written: a file and a 1-based line.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public init(file: String, line: Int?) {
        self.file = file
        self.line = line
    }
    public var description: String { line.map { "\(file):\($0)" } ?? file }
}

/// A key sequence bound to a command, remembering where the binding was written.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var command: CommandID
    public var source: SourceLocation?

    public init(keys: [Key], command: CommandID, source: SourceLocation? = nil) {
        self.keys = keys
        self.command = command
        self.source = source
    }

    /// The keys in notation, separated by spaces (`d d`, `<C-x> <C-s>`).
    public var notation: String { keys.notation }
}

extension Array where Element == Key {
    /// The keys in notation, separated by spaces: the inverse of `Key.sequence(_:)`.
    public var notation: String { map(\.description).joined(separator: " ") }

    /// Whether `prefix` is a proper or equal prefix of this sequence.
    func hasPrefix(_ prefix: [Key]) -> Bool {
        prefix.count <= count && zip(self, prefix).allSatisfy { $0 == $1 }
    }
}

extension Key {
    /// Whether a plain xterm behind tmux with default settings can send this key so that it arrives as
    /// itself, without the kitty keyboard protocol or modifyOtherKeys. Not portable: Shift or Ctrl with
    /// Enter, Backspace or Escape; Ctrl+Tab; Ctrl+Shift+letter; Ctrl with a digit or most punctuation;
    /// Shift+Space; the Super modifier; and Ctrl+H, Ctrl+I, Ctrl+M, Ctrl+[ and Ctrl+@, which arrive as
    /// Backspace, Tab, Enter, Escape and Ctrl+Space. Alt+anything is sent as an Escape prefix, and
    /// modified arrows, Home/End, Page keys and function keys are sent by xterm and passed on by tmux.
    public var isPortable: Bool {
        if modifiers.contains(.super) { return false }
        switch code {
        case .enter, .backspace, .escape:
            return !modifiers.contains(.ctrl) && !modifiers.contains(.shift)
        case .tab:
            return !modifiers.contains(.ctrl)
        case .space:
            return !modifiers.contains(.shift)
        case let .char(s):
            guard modifiers.contains(.ctrl) else { return true }
            if modifiers.contains(.shift) { return false }
            if ("a"..."z").contains(s) { return !"him".unicodeScalars.contains(s) }
            return "\\]^_".unicodeScalars.contains(s)
        case .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .insert, .delete, .function:
            return true
        }
    }
}
