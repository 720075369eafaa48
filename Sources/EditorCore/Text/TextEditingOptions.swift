/// Settings of one text editor, read from `config.toml` (`editor.*`) by the caller.
public struct TextEditingOptions: Hashable, Sendable {
    /// Columns per indentation level and tab stop.
    public var tabWidth: Int
    /// Whether Tab inserts spaces (always true for now; a tab character would need per-file detection).
    public var insertSpaces: Bool
    /// Whether typing an opening bracket or quote inserts its closer.
    public var autoCloseBrackets: Bool
    /// Comment token and indentation rules.
    public var language: TextLanguage

    public init(tabWidth: Int = 4, insertSpaces: Bool = true, autoCloseBrackets: Bool = true, language: TextLanguage = .python) {
        self.tabWidth = max(1, tabWidth)
        self.insertSpaces = insertSpaces
        self.autoCloseBrackets = autoCloseBrackets
        self.language = language
    }

    /// One level of indentation.
    public var indentUnit: String { insertSpaces ? String(repeating: " ", count: tabWidth) : "\t" }
}

/// What the editor tells its caller after a key or a command.
public enum TextEditorOutcome: Hashable, Sendable {
    /// Done (text or selection may have changed).
    case handled
    /// Not used: the caller may treat the key as its own.
    case ignored
    /// The cursor tried to move above the first line: go to the previous cell, keeping this display
    /// column.
    case moveToPreviousCell(displayColumn: Int)
    /// The cursor tried to move below the last line: go to the next cell at this display column.
    case moveToNextCell(displayColumn: Int)
    /// Leave the text (vim: Esc in normal mode; back to notebook command mode).
    case leaveCell
    /// A command the editor does not perform itself (search, palette): the caller runs it.
    case command(CommandID)
}

/// What an edit needs from outside: the time (for undo grouping), the height of the view (for
/// page moves) and the system clipboard.
public struct TextEditorEnvironment {
    /// Seconds on any monotonic clock.
    public var now: Double
    /// Lines the view shows (page up/down move by this less one).
    public var viewportHeight: Int
    /// The system clipboard, when the UI has one.
    public var clipboard: (any SystemClipboard)?

    public init(now: Double = 0, viewportHeight: Int = 20, clipboard: (any SystemClipboard)? = nil) {
        self.now = now
        self.viewportHeight = viewportHeight
        self.clipboard = clipboard
    }
}
