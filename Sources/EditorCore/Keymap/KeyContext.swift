/// Where the keyboard focus is, which decides which bindings apply.
///
/// A context falls back to a more general one (`notebook-edit` → `editor` → `global`): a key not
/// bound in a context is looked up in its fallback. `terminal`, `palette` and `dialog` have none:
/// keys they do not bind go to the program in the terminal, to the palette's filter, to the dialog.
public enum KeyContext: String, CaseIterable, Hashable, Comparable, Sendable {
    /// Everywhere: workspace, tabs, panes, save, quit, palette.
    case global
    /// A notebook in command mode: cells are selected, not edited.
    case notebook
    /// A notebook cell being edited (edit mode).
    case notebookEdit = "notebook-edit"
    /// A notebook cell's output scrolled with the keyboard (output focus, inside command mode).
    case notebookOutput = "notebook-output"
    /// Editing text: a text file tab, and the text of a notebook cell.
    case editor
    /// Vim-style normal mode while editing text: keys are commands, not text. Only the vim keymap binds it.
    case editorNormal = "editor-normal"
    /// The file browser in the side panel or a tab.
    case fileBrowser = "file-browser"
    /// A focused terminal pane: every key goes to the program except these bindings.
    case terminal
    /// A terminal pane that was left with the terminal escape key: scrollback, and workspace keys.
    case terminalNormal = "terminal-normal"
    /// The command palette is open.
    case palette
    /// A modal dialog (confirmations, prompts, open/save) is open.
    case dialog
    /// The completion list of a cell being edited is open; falls back to notebook-edit.
    case completer
    /// The kernel's help (inspection) is shown over a cell being edited; falls back to notebook-edit.
    case tooltip
    /// A running cell's input prompt (`input()`, `getpass()`) has the keyboard; falls back to global.
    case stdin

    /// The context a key falls back to when this one does not bind it.
    public var fallback: KeyContext? {
        switch self {
        case .global, .terminal, .palette, .dialog: return nil
        case .notebook, .editor, .fileBrowser, .terminalNormal, .stdin: return .global
        case .notebookEdit, .editorNormal: return .editor
        case .notebookOutput: return .notebook
        case .completer, .tooltip: return .notebookEdit
        }
    }

    /// This context followed by its fallbacks, most specific first.
    public var chain: [KeyContext] {
        var result = [self]
        while let next = result.last!.fallback { result.append(next) }
        return result
    }

    /// The chain for text being edited: in a notebook cell, the cell's bindings (run, leave edit
    /// mode) come before the plain editor's. `editor-normal` in a cell is
    /// `editor-normal → notebook-edit → editor → global`.
    public static func editingChain(_ context: KeyContext, inCell: Bool) -> [KeyContext] {
        guard inCell, context == .editorNormal || context == .editor else { return context.chain }
        return context == .editor ? KeyContext.notebookEdit.chain : [.editorNormal] + KeyContext.notebookEdit.chain
    }

    /// One line about when the context is active.
    public var doc: String {
        switch self {
        case .global: return "Everywhere, unless the focused context binds the key."
        case .notebook: return "A notebook in command mode (cells selected, not edited)."
        case .notebookEdit: return "Editing the text of a notebook cell (edit mode); falls back to editor."
        case .notebookOutput: return "Scrolling a cell's output (output focus); falls back to notebook."
        case .editor: return "Editing text: text file tabs and notebook cells."
        case .editorNormal: return "Vim normal mode while editing text; falls back to editor."
        case .fileBrowser: return "The file browser."
        case .terminal: return "A focused terminal pane; other keys go to the program."
        case .terminalNormal: return "A terminal pane after leaving it: scrollback and workspace keys."
        case .palette: return "The command palette; other keys edit its filter."
        case .dialog: return "A modal dialog."
        case .completer: return "The completion list is open; other keys fall back to notebook-edit and close it."
        case .tooltip: return "The kernel's help is shown over the cell; falls back to notebook-edit."
        case .stdin: return "A cell's input prompt (input(), getpass()); other keys are typed into it."
        }
    }

    public static func < (lhs: KeyContext, rhs: KeyContext) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
