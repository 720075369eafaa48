import TermCore

/// What a tab shows: a document or a tool (a text file, a notebook, a terminal, a welcome page).
///
/// Contents draw into a region of a `CellBuffer` with styles from the theme's scopes, and receive
/// the commands and input the workspace does not handle itself: named commands of their key context
/// (`perform`), keys no binding took (`handleKey`), pasted text (`handlePaste`, always text, never
/// keys) and mouse reports inside their region.
public protocol TabContent: AnyObject {
    /// The tab's title.
    var title: String { get }
    /// The file shown, if any.
    var path: String? { get }
    /// Whether there are unsaved changes.
    var isModified: Bool { get }
    /// The key context while this content is focused.
    var keyContext: KeyContext { get }
    /// What the status bar says about this content.
    var status: ContentStatus { get }

    /// Draws the content into `area` of `buffer`.
    func render(into buffer: inout CellBuffer, area: Rect, styles: StyleSheet, focused: Bool)
    /// Where the terminal cursor goes when focused, or nil to hide it.
    func cursor(in area: Rect) -> Point?
    /// Performs a command of the content's context; false when it does not apply.
    func perform(_ command: CommandID, area: Rect) -> Bool
    /// A key offered before the keymap sees it (vim-style editing reads its own keys); false lets
    /// the keymap handle it.
    func interceptKey(_ key: Key, area: Rect) -> Bool
    /// A key that no binding took; false when it is not used.
    func handleKey(_ key: Key, area: Rect) -> Bool
    /// Pasted text, inserted as text; false when the content cannot take text.
    func handlePaste(_ text: String, area: Rect) -> Bool
    /// A mouse report inside `area`; false when it is not used.
    func handleMouse(_ event: MouseEvent, area: Rect) -> Bool
    /// Saves the content.
    func save() -> SaveOutcome
    /// Another view of the same document for a new pane (its own scroll position).
    func makeView() -> any TabContent
}

/// What the status bar shows for the focused content.
public struct ContentStatus: Hashable, Sendable {
    /// A short mode badge (`VIEW`, `COMMAND`, `EDIT`).
    public var mode: String
    /// The theme scope of the badge.
    public var modeScope: String
    /// Where the cursor or view is (`Ln 12/300`).
    public var position: String

    public init(mode: String, modeScope: String = "ui.statusbar.mode.command", position: String = "") {
        self.mode = mode
        self.modeScope = modeScope
        self.position = position
    }
}

/// The result of saving a tab's content.
public enum SaveOutcome: Hashable, Sendable {
    case saved(String)
    /// Nothing to save (a read-only view): the message says why.
    case notApplicable(String)
    case failed(String)
}

extension TabContent {
    public var path: String? { nil }
    public var isModified: Bool { false }
    public func cursor(in area: Rect) -> Point? { nil }
    public func interceptKey(_ key: Key, area: Rect) -> Bool { false }
    public func handleKey(_ key: Key, area: Rect) -> Bool { false }
    public func handlePaste(_ text: String, area: Rect) -> Bool { false }
    public func handleMouse(_ event: MouseEvent, area: Rect) -> Bool { false }
}
