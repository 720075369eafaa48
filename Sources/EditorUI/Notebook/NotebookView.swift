import EditorCore
import Foundation
import NotebookFormat
import TermCore

/// A notebook tab: cells with prompts, a gutter marking the active and selected cells, rendered
/// markdown, highlighted code and stored outputs; JupyterLab's command and edit modes.
///
/// Only the cells on screen are laid out (blocks are cached per cell revision and width), so a
/// 2,000-cell notebook scrolls like a small one. The cell being edited is drawn by `TextEditorView`
/// at most a screen high, scrolling inside itself, so a 10,000-line cell edits like a short one.
public final class NotebookView: TabContent {
    public let document: NotebookDocument
    /// The app, for dialogs and messages.
    public weak var app: WorkspaceApp?
    /// The first cell shown and the row of its block at the top.
    public internal(set) var topCell = 0
    public internal(set) var topRow = 0
    /// The text view of the cell being edited.
    var editorView: TextEditorView
    var style: KeymapEditingStyle
    /// Vim-style editing, when the configuration asks for it.
    var vim: VimEditingStyle?
    var lineNumbers: Bool
    let cache = NotebookLayoutCache()
    var lastArea = Rect(x: 0, y: 0, width: 80, height: 24)
    let maxOutputLines: Int
    /// Expanded and focused outputs, wrapping, rendered images.
    let outputState = NotebookOutputState()
    /// The styles of the last frame (layout resolves them).
    var lastStyles: StyleSheet?
    /// Where the editing cursor was drawn.
    var lastCursor: Point?
    /// Scroll the active cell into view at the next frame.
    var revealPending = true
    /// The outputs of the cell being edited.
    let editingCache = NotebookLayoutCache()
    /// Highlighting of the cell being edited.
    let highlightCache = IncrementalHighlight()
    /// Autosave and recovery copies.
    var timers = DocumentTimers(now: .now, autosaveSeconds: nil)
    /// The cell being edited in an external editor.
    var pendingExternal: (editor: ExternalEditor, uid: Int)?
    /// The environment naming the external editor (`VISUAL`, `EDITOR`).
    public var editorEnvironment = ProcessInfo.processInfo.environment
    /// The last search, for find next.
    var search: NotebookSearch?
    /// Completion, inspection, history and input prompt state.
    var assist = NotebookAssist()
    /// Columns before a cell's text: the selection marker and the prompt.
    static let gutter = 9
    let clock = ContinuousClock()
    let started = ContinuousClock.now

    /// A view of `document` with the settings' editing style, line numbers and wrapping.
    public init(document: NotebookDocument, settings: EditorSettings) {
        self.document = document
        let config = settings.configuration
        lineNumbers = config.lineNumbers
        editorView = TextEditorView(options: .init(lineNumbers: config.lineNumbers, softWrap: config.softWrap, baseScope: "ui.window"))
        style = KeymapEditingStyle(flavour: config.editingStyle == "emacs" ? .emacs : .standard, keymap: settings.keymap)
        maxOutputLines = config.outputMaxLines
        if config.editingStyle == "vim" { vim = VimEditingStyle(mode: .insert) }
    }

    init(sharing other: NotebookView) {
        document = other.document
        app = other.app
        editorView = other.editorView
        style = other.style
        vim = other.vim
        lineNumbers = other.lineNumbers
        maxOutputLines = other.maxOutputLines
        topCell = other.topCell
        topRow = other.topRow
    }

    /// The document's model, changed in place (a copy would copy a big cell's lines on each key).
    public var model: NotebookModel {
        get { document.model }
        _modify { yield &document.model }
    }

    public var title: String { document.title }
    public var path: String? { document.path }
    public var isModified: Bool { document.isModified }
    public var keyContext: KeyContext {
        if let context = assistContext { return context }
        guard model.mode == .edit else { return outputState.focus == nil ? .notebook : .notebookOutput }
        if let vim, vim.mode != .insert { return .editorNormal }
        return .notebookEdit
    }

    public var status: ContentStatus {
        if let output = outputFocusStatus { return output }
        let m = model
        var position = "Cell \(m.active + 1)/\(m.cells.count)"
        if m.selection.isMultiple { position += " (\(m.selection.range.count) selected)" }
        if m.mode == .edit, let e = m.activeCell.editor {
            position += "  Ln \(e.cursor.line + 1), Col \(e.cursorDisplayColumn + 1)"
        }
        if inputPromptFocused { return ContentStatus(mode: "INPUT", modeScope: "ui.statusbar.mode.edit", position: position) }
        if m.mode == .edit, let vim, vim.mode != .insert {
            return ContentStatus(mode: vim.searchPrompt ?? (vim.mode == .normal ? "NORMAL" : "VISUAL"), modeScope: "ui.statusbar.mode.command", position: position)
        }
        return m.mode == .edit
            ? ContentStatus(mode: "EDIT", modeScope: "ui.statusbar.mode.edit", position: position)
            : ContentStatus(mode: "COMMAND", modeScope: "ui.statusbar.mode.command", position: position)
    }

    public func makeView() -> any TabContent { NotebookView(sharing: self) }

    /// Seconds since the view was made (text undo grouping).
    var now: Double {
        let d = clock.now - started
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    func show(_ text: String, error: Bool = false) { app?.show(text, error: error) }
}
