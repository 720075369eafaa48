import EditorCore
import NotebookFormat
import TermCore

/// Commands and keys: notebook commands in both modes, text commands and typed keys in edit mode.
extension NotebookView {
    public func perform(_ command: CommandID, area: Rect) -> Bool {
        lastArea = area
        revealPending = true
        let modeBefore = model.mode
        defer { if modeBefore == .command && model.mode == .edit { enteredEditMode() } }
        defer { syncAssist() }
        if let handled = performAssistCommand(command) { return handled }
        if let handled = performOutputCommand(command) { return handled }
        if model.mode == .edit, let handled = performInEditMode(command, area: area) { return handled }
        if let handled = performKernelCommand(command) { return handled }
        if let action = Self.commandActions[command.rawValue] {
            action(self)
            return true
        }
        return performDocumentCommand(command)
    }

    /// Vim-style editing starts a cell in insert mode.
    func enteredEditMode() {
        guard vim != nil else { return }
        model.editActive { vim!.enterInsertMode(&$0) }
    }

    /// Vim-style editing reads every key of a cell being edited; keys it does not use (Ctrl+S,
    /// Ctrl+Enter, Esc in normal mode) go on to the keymap.
    public func interceptKey(_ key: Key, area: Rect) -> Bool {
        guard model.mode == .edit, vim != nil, !inputPromptFocused, !assistBinds(key) else { return false }
        defer { syncAssist() }
        lastArea = area
        let env = environment(area)
        let outcome = model.editActive { state in vim!.handle(key, state: &state, env: env) }
        guard outcome != .ignored else { return false }
        revealPending = true
        return apply(outcome, area: area)
    }

    public func handleKey(_ key: Key, area: Rect) -> Bool {
        lastArea = area
        if inputPromptFocused { handlePromptKey(key); return true }
        guard model.mode == .edit else { return false }
        defer { syncAssist() }
        revealPending = true
        let env = environment(area)
        let outcome = model.editActive { state in style.handle(key, state: &state, env: env) }
        return apply(outcome, area: area)
    }

    public func handlePaste(_ text: String, area: Rect) -> Bool {
        if inputPromptFocused { assist.prompt?.insert(text); return true }
        guard model.mode == .edit else { return false }
        defer { syncAssist() }
        revealPending = true
        let now = self.now
        model.editActive { $0.insertText(text, now: now) }
        return true
    }

    public func handleMouse(_ event: MouseEvent, area: Rect) -> Bool {
        switch event.kind {
        case .scrollUp: scroll(by: -3)
        case .scrollDown: scroll(by: 3)
        default: return false
        }
        revealPending = false
        return true
    }

    func environment(_ area: Rect) -> TextEditorEnvironment {
        TextEditorEnvironment(now: now, viewportHeight: max(1, area.height - 1), clipboard: app?.systemClipboard)
    }

    /// Puts the text of the cells on the cell clipboard on the system clipboard too (sources
    /// separated by a blank line), when that is enabled.
    func copyClipboardCellsToSystem() {
        app?.copyToSystemClipboard(model.clipboard.map(\.source).joined(separator: "\n\n"))
    }

    /// Commands while a cell is edited: text commands go to the editing style; nil when the command
    /// is a notebook command that edit mode shares with command mode.
    private func performInEditMode(_ command: CommandID, area: Rect) -> Bool? {
        switch command.rawValue {
        case "notebook:enter-command-mode":
            model.enterCommandMode()
            return true
        case "notebook:split-cell-at-cursor":
            model.splitActiveCell()
            return true
        case "notebook:move-cursor-into-previous-cell", "notebook:move-cursor-into-next-cell":
            model.moveEditing(toNext: command.rawValue.hasSuffix("next-cell"), displayColumn: 0)
            return true
        case "notebook:edit-in-external-editor":
            return nil
        default:
            break
        }
        guard command.rawValue.hasPrefix("editor:") else { return nil }
        let env = environment(area)
        let outcome = model.editActive { state in style.run(command, on: &state, env: env) }
        if case let .command(next) = outcome { return next != command && perform(next, area: area) }
        return apply(outcome, area: area)
    }

    /// What an editing outcome means for the notebook: move into the neighbouring cell, leave edit mode.
    private func apply(_ outcome: TextEditorOutcome, area: Rect) -> Bool {
        switch outcome {
        case .handled: return true
        case .ignored: return false
        case .leaveCell: model.enterCommandMode()
        case let .moveToPreviousCell(column): model.moveEditing(toNext: false, displayColumn: column)
        case let .moveToNextCell(column): model.moveEditing(toNext: true, displayColumn: column)
        case let .command(id):
            if id.rawValue.hasPrefix("notebook:") || id.rawValue.hasPrefix("documentsearch:") { return perform(id, area: area) }
            app?.run(id)
        }
        return true
    }

    typealias Action = @Sendable (NotebookView) -> Void

    /// Command-mode actions by command id.
    static let commandActions: [String: Action] = {
        var a: [String: Action] = [:]
        a["notebook:enter-edit-mode"] = { $0.model.enterEditMode() }
        a["notebook:enter-command-mode"] = { $0.model.enterCommandMode() }
        a["notebook:deselect-all"] = { $0.model.collapseSelection() }
        a["notebook:move-cursor-up"] = { $0.model.moveActive(by: -1) }
        a["notebook:move-cursor-down"] = { $0.model.moveActive(by: 1) }
        a["notebook:move-cursor-to-top"] = { $0.model.select(0) }
        a["notebook:move-cursor-to-bottom"] = { $0.model.select($0.model.cells.count - 1) }
        a["notebook:move-cursor-page-up"] = { $0.model.moveActive(by: -$0.cellsPerPage) }
        a["notebook:move-cursor-page-down"] = { $0.model.moveActive(by: $0.cellsPerPage) }
        a["notebook:extend-marked-cells-above"] = { $0.model.moveActive(by: -1, extend: true) }
        a["notebook:extend-marked-cells-below"] = { $0.model.moveActive(by: 1, extend: true) }
        a["notebook:extend-marked-cells-top"] = { $0.model.select(0, extend: true) }
        a["notebook:extend-marked-cells-bottom"] = { $0.model.select($0.model.cells.count - 1, extend: true) }
        a["notebook:select-all"] = { $0.model.selectAll() }
        a["notebook:insert-cell-above"] = { $0.model.insertCell(below: false) }
        a["notebook:insert-cell-below"] = { $0.model.insertCell(below: true) }
        a["notebook:insert-heading-above"] = { $0.model.insertCell(below: false, type: .markdown, source: "# ") }
        a["notebook:insert-heading-below"] = { $0.model.insertCell(below: true, type: .markdown, source: "# ") }
        a["notebook:cut-cell"] = { v in
            v.model.cutSelected()
            v.copyClipboardCellsToSystem()
        }
        a["notebook:copy-cell"] = { v in
            v.model.copySelected()
            v.copyClipboardCellsToSystem()
            v.show("copied \(v.model.clipboard.count) cell\(v.model.clipboard.count == 1 ? "" : "s")")
        }
        a["notebook:paste-cell-below"] = { v in if !v.model.paste(below: true) { v.show("no cells copied") } }
        a["notebook:paste-cell-above"] = { v in if !v.model.paste(below: false) { v.show("no cells copied") } }
        a["notebook:delete-cell"] = { $0.model.deleteSelected() }
        a["notebook:undo-cell-action"] = { v in if !v.model.undo() { v.show("no cell action to undo") } }
        a["notebook:redo-cell-action"] = { v in if !v.model.redo() { v.show("no cell action to redo") } }
        a["notebook:change-cell-to-code"] = { $0.model.changeType(to: .code) }
        a["notebook:change-cell-to-markdown"] = { $0.model.changeType(to: .markdown) }
        a["notebook:change-cell-to-raw"] = { $0.model.changeType(to: .raw) }
        for level in 1...6 {
            a["notebook:change-cell-to-heading-\(level)"] = { $0.model.makeHeading(level: level) }
        }
        a["notebook:merge-cells"] = { v in if !v.model.mergeSelected() { v.show("no cell below to merge with") } }
        a["notebook:merge-cell-above"] = { v in if !v.model.mergeActive(above: true) { v.show("no cell above to merge with") } }
        a["notebook:merge-cell-below"] = { v in if !v.model.mergeActive(above: false) { v.show("no cell below to merge with") } }
        a["notebook:move-cell-up"] = { $0.model.moveSelected(by: -1) }
        a["notebook:move-cell-down"] = { $0.model.moveSelected(by: 1) }
        a["notebook:split-cell-at-cursor"] = { v in
            v.model.enterEditMode()
            v.model.splitActiveCell()
        }
        a["notebook:clear-cell-output"] = { $0.model.clearOutputs() }
        a["notebook:clear-all-cell-outputs"] = { $0.model.clearOutputs(all: true) }
        a["notebook:toggle-cell-outputs"] = { $0.model.toggleCollapsed(input: false) }
        a["notebook:toggle-cell-code"] = { $0.model.toggleCollapsed(input: true) }
        a["notebook:hide-all-cell-outputs"] = { $0.model.setAllOutputsCollapsed(true) }
        a["notebook:show-all-cell-outputs"] = { $0.model.setAllOutputsCollapsed(false) }
        a["notebook:toggle-all-cell-line-numbers"] = { v in
            v.lineNumbers.toggle()
            v.editorView.options.lineNumbers = v.lineNumbers
            v.show("line numbers \(v.lineNumbers ? "on" : "off")")
        }
        a["notebook:scroll-up"] = { v in v.scroll(by: -max(1, v.lastArea.height / 2)); v.revealPending = false }
        a["notebook:scroll-down"] = { v in v.scroll(by: max(1, v.lastArea.height / 2)); v.revealPending = false }
        a["notebook:go-to-cell"] = { $0.promptGoToCell() }
        a["notebook:edit-in-external-editor"] = { $0.editExternally() }
        a["notebook:render-all-markdown"] = { $0.model.enterCommandMode() }
        a["notebook:move-cursor-heading-above-or-collapse"] = { $0.model.moveActive(by: -1) }
        a["notebook:move-cursor-heading-below-or-expand"] = { $0.model.moveActive(by: 1) }
        return a
    }()

    /// About how many cells a page holds (for page up/down in command mode).
    var cellsPerPage: Int {
        var rows = 0, n = 0, i = model.active
        while i < model.cells.count && rows < lastArea.height {
            rows += blockHeight(i)
            n += 1
            i += 1
        }
        return max(1, n - 1)
    }
}
