import EditorCore
import Foundation
import Rendering
import TermCore

/// A text file tab: the cell editor's buffer, keys, editing style (default, emacs or vim from the
/// configuration), undo and highlighting over a whole file, with the notebooks' safe save, autosave
/// and recovery copies.
///
/// Only the rows on screen are laid out and highlighting is incremental, so a file of 100,000 lines
/// scrolls and edits like a short one.
public final class TextFileView: DocumentView {
    public let document: TextDocument
    /// The app, for dialogs and messages.
    public weak var app: WorkspaceApp?
    var editorView: TextEditorView
    var style: KeymapEditingStyle
    /// Vim-style editing, when the configuration asks for it.
    var vim: VimEditingStyle?
    var timers = DocumentTimers(now: .now, autosaveSeconds: nil)
    let highlight = IncrementalHighlight()
    /// The highlighter's language, or nil for plain text.
    let syntax: String?
    var lastArea = Rect(x: 0, y: 0, width: 80, height: 24)
    var lastCursor: Point?
    /// Scroll the cursor into view at the next frame.
    var revealPending = true
    let clock = ContinuousClock()
    let started = ContinuousClock.now

    /// A view of `document` with the settings' editing style, line numbers and wrapping.
    public init(document: TextDocument, settings: EditorSettings) {
        self.document = document
        let config = settings.configuration
        editorView = TextEditorView(options: .init(lineNumbers: config.lineNumbers, softWrap: config.softWrap, baseScope: "ui.window"))
        style = KeymapEditingStyle(flavour: config.editingStyle == "emacs" ? .emacs : .standard, keymap: settings.keymap, inCell: false)
        if config.editingStyle == "vim" { vim = VimEditingStyle(mode: .normal) }
        syntax = Self.syntax(for: document.language)
    }

    init(sharing other: TextFileView) {
        document = other.document
        app = other.app
        editorView = other.editorView
        style = other.style
        vim = other.vim
        syntax = other.syntax
        timers = other.timers
    }

    /// The highlighter language for a file's language name: the languages the highlighter knows,
    /// the generic rules for other source code, nothing for prose and data (`txt`, `csv`, `log`).
    static func syntax(for language: String) -> String? {
        if SyntaxLanguage(name: language) != nil { return language }
        let code: Set<String> = ["c", "h", "cc", "cpp", "hpp", "swift", "js", "ts", "go", "rs", "java", "kt", "scala", "rb",
                                 "pl", "lua", "sql", "yaml", "yml", "ini", "cfg", "makefile", "dockerfile", "cmake", "css", "html", "xml"]
        return code.contains(language) ? language : nil
    }

    public var title: String { document.title }
    public var path: String? { document.path }
    public var isModified: Bool { document.isModified }
    var recoverable: any RecoverableDocument { document }

    public var keyContext: KeyContext {
        if let vim, vim.mode != .insert { return .editorNormal }
        return .editor
    }

    public var status: ContentStatus {
        let s = document.state
        let position = "Ln \(s.cursor.line + 1)/\(s.buffer.lineCount), Col \(s.cursorDisplayColumn + 1)  \(syntax ?? "text")"
        if let vim {
            switch vim.mode {
            case .insert: return ContentStatus(mode: "INSERT", modeScope: "ui.statusbar.mode.edit", position: position)
            case .normal: return ContentStatus(mode: "NORMAL", position: position)
            default: return ContentStatus(mode: vim.searchPrompt ?? "VISUAL", position: position)
            }
        }
        return ContentStatus(mode: "EDIT", modeScope: "ui.statusbar.mode.edit", position: position)
    }

    public func makeView() -> any TabContent { TextFileView(sharing: self) }

    /// Seconds since the view was made (text undo grouping).
    var now: Double {
        let d = clock.now - started
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    func show(_ text: String, error: Bool = false) { app?.show(text, error: error) }

    // MARK: Drawing

    public func render(into buffer: inout CellBuffer, area: Rect, styles: StyleSheet, focused: Bool) {
        lastArea = area
        buffer.fill(area, with: .blank(styles.style("ui.window")))
        guard !area.isEmpty else { lastCursor = nil; return }
        let state = document.state
        if revealPending { editorView.scrollToCursor(state, cursor: vim?.displayCursor(state), size: area.size) }
        revealPending = false
        let styler = syntax.map { highlight.styler(for: state.buffer, uid: 0, language: $0, styles: styles) }
        lastCursor = editorView.render(state, into: &buffer, rect: area, styler: styler, scope: { styles.style($0) },
                                       cursor: vim?.displayCursor(state))
    }

    public func cursor(in area: Rect) -> Point? { lastCursor }

    // MARK: Keys and commands

    func environment(_ area: Rect) -> TextEditorEnvironment {
        TextEditorEnvironment(now: now, viewportHeight: max(1, area.height), clipboard: nil)
    }

    public func perform(_ command: CommandID, area: Rect) -> Bool {
        lastArea = area
        revealPending = true
        if performDocumentCommand(command) { return true }
        guard command.rawValue.hasPrefix("editor:") else { return false }
        let env = environment(area)
        let outcome = style.run(command, on: &document.state, env: env)
        if case let .command(id) = outcome, id == command { return false }
        return apply(outcome)
    }

    /// Vim-style editing reads every key; keys it does not use go on to the keymap.
    public func interceptKey(_ key: Key, area: Rect) -> Bool {
        guard vim != nil else { return false }
        lastArea = area
        let outcome = vim!.handle(key, state: &document.state, env: environment(area))
        guard outcome != .ignored else { return false }
        revealPending = true
        return apply(outcome)
    }

    public func handleKey(_ key: Key, area: Rect) -> Bool {
        lastArea = area
        revealPending = true
        return apply(style.handle(key, state: &document.state, env: environment(area)))
    }

    public func handlePaste(_ text: String, area: Rect) -> Bool {
        revealPending = true
        document.state.insertText(text, now: now)
        return true
    }

    public func handleMouse(_ event: MouseEvent, area: Rect) -> Bool {
        let lines = document.state.buffer.lineCount
        switch event.kind {
        case .scrollUp: editorView.scroll(toLine: editorView.topLine - 3, lineCount: lines)
        case .scrollDown: editorView.scroll(toLine: editorView.topLine + 3, lineCount: lines)
        case .press(.left):
            guard let p = editorView.position(at: event.position, in: area, state: document.state) else { return false }
            document.state.setCursor(p)
            revealPending = true
            return true
        default: return false
        }
        revealPending = false
        return true
    }

    /// What an editing outcome means for a whole-file editor: there is no cell to leave.
    private func apply(_ outcome: TextEditorOutcome) -> Bool {
        switch outcome {
        case .handled, .leaveCell, .moveToPreviousCell, .moveToNextCell: return true
        case .ignored: return false
        case let .command(id):
            app?.run(id)
            return true
        }
    }
}
