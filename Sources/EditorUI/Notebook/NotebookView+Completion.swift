import EditorCore
import JupyterProtocol
import TermCore

/// Completion (Tab), inspection (Shift+Tab) and kernel history (Alt+Up/Down) in a cell being
/// edited, as JupyterLab offers them: requests go to the document's kernel, replies open a list or
/// a help box at the cursor. Both follow the text: typing filters the list, a cursor move or
/// another cell closes them.
extension NotebookView {
    /// The kernel completion, inspection, history and input prompts talk to.
    var kernelRequests: NotebookKernelRequests? { assist.standIn ?? kernel }

    /// The key context of an open list or help box, or of a focused input prompt.
    var assistContext: KeyContext? {
        if inputPromptFocused { return .stdin }
        guard model.mode == .edit else { return nil }
        if assist.completion != nil { return .completer }
        if assist.inspection != nil { return .tooltip }
        return nil
    }

    /// Whether an open list or help box binds `key` itself (vim-style editing then leaves it to the
    /// keymap).
    func assistBinds(_ key: Key) -> Bool {
        guard let context = assistContext, let keymap = app?.settings.keymap else { return false }
        if case .matched = keymap.trie(chain: [context]).lookup([key]) { return true }
        return false
    }

    /// Performs completion, inspection, history and input commands; nil for other commands.
    func performAssistCommand(_ command: CommandID) -> Bool? {
        let id = command.rawValue
        if id.hasPrefix("stdin:") { return performInputCommand(command) }
        switch id {
        case "completer:invoke-notebook": invokeCompletion()
        case "completer:complete-or-next":
            guard let s = assist.completion else { return false }
            if s.entries.count == 1 { acceptCompletion() } else { assist.completion?.move(by: 1) }
        case "completer:next-item", "completer:previous-item", "completer:next-page", "completer:previous-page":
            guard assist.completion != nil else { return false }
            switch id {
            case "completer:next-item": assist.completion?.move(by: 1)
            case "completer:previous-item": assist.completion?.move(by: -1)
            case "completer:next-page": assist.completion?.page(1)
            default: assist.completion?.page(-1)
            }
        case "completer:select-notebook":
            guard assist.completion != nil else { return false }
            acceptCompletion()
        case "completer:dismiss":
            guard assist.completion != nil else { return false }
            closeCompletion()
        case "tooltip:launch-notebook": invokeInspection()
        case "tooltip:dismiss", "tooltip:scroll-down", "tooltip:scroll-up", "tooltip:page-down", "tooltip:page-up", "tooltip:open-in-pager":
            guard let popup = assist.inspection else { return false }
            switch id {
            case "tooltip:dismiss": assist.inspection = nil
            case "tooltip:scroll-down": assist.inspection?.scroll(by: 1)
            case "tooltip:scroll-up": assist.inspection?.scroll(by: -1)
            case "tooltip:page-down": assist.inspection?.scroll(by: popup.page)
            case "tooltip:page-up": assist.inspection?.scroll(by: -popup.page)
            default:
                assist.inspection = nil
                app?.open(PagerView(title: "Help: \(popup.title)", lines: popup.lines))
            }
        case "notebook:access-previous-history-entry": stepHistory(back: true)
        case "notebook:access-next-history-entry": stepHistory(back: false)
        case "notebook:enter-edit-mode":
            guard let p = assist.prompt, model.mode == .command, model.activeCell.uid == p.cellUID else { return nil }
            focusPrompt()
        default: return nil
        }
        return true
    }

    /// After every key or command: the list follows the text (or closes), the help box closes when
    /// the text or the cursor moved.
    func syncAssist() {
        dropStalePrompt()
        guard model.mode == .edit, let editor = model.activeCell.editor else {
            assist.completion = nil
            assist.inspection = nil
            return
        }
        let uid = model.activeCell.uid
        if var session = assist.completion {
            let state = (version: editor.buffer.version, cursor: editor.cursor)
            if session.cellUID != uid || !editor.selection.isEmpty {
                closeCompletion()
            } else if let last = assist.completionState, last.version == state.version {
                if last.cursor != state.cursor { closeCompletion() }
            } else if session.update(buffer: editor.buffer, cursor: editor.cursor) {
                assist.completion = session
                assist.completionState = state
            } else {
                closeCompletion()
            }
        }
        if let popup = assist.inspection, popup.cellUID != uid || popup.version != editor.buffer.version || popup.cursor != editor.cursor {
            assist.inspection = nil
        }
    }

    /// Before a frame: a prompt whose cell stopped running goes away.
    func prepareAssist() { dropStalePrompt() }

    /// Draws the open completion list or help box at the cursor (after the cells, over them).
    func renderAssistPopups(into buffer: inout CellBuffer, area: Rect, styles: StyleSheet) {
        guard model.mode == .edit, let cursor = lastCursor else { return }
        if var session = assist.completion {
            CompletionPopup.render(&session, into: &buffer, x: cursor.x - session.query.displayWidth, row: cursor.y, area: area, styles: styles)
            assist.completion = session
        } else if var popup = assist.inspection {
            popup.render(into: &buffer, x: max(area.x, cursor.x - 2), row: cursor.y, area: area, styles: styles, hint: tooltipHint)
            assist.inspection = popup
        }
    }

    /// The keys that close the help box and open it in a tab, for its bottom border.
    var tooltipHint: String {
        guard let keymap = app?.settings.keymap else { return "" }
        let trie = keymap.trie(chain: [.tooltip])
        let parts = [("tooltip:dismiss", "close"), ("tooltip:open-in-pager", "open in tab")].compactMap { id, what in
            trie.displayBindings(for: CommandID(id)).first.map { "\($0.notation) \(what)" }
        }
        return parts.joined(separator: " · ")
    }

    func closeCompletion() {
        assist.completion = nil
        assist.completionState = nil
    }

    /// The active cell's text as the kernel gets it (lines joined with `\n`) and the cursor in
    /// code points.
    private func codeAtCursor(_ editor: TextEditorState) -> (code: String, cursor: Int) {
        (editor.buffer.lines.joined(separator: "\n"), editor.buffer.scalarOffset(of: editor.cursor))
    }

    // MARK: Completion

    /// Asks the kernel for completions at the cursor (a markdown or raw cell gets a Tab instead).
    func invokeCompletion() {
        guard model.mode == .edit, let editor = model.activeCell.editor else { return }
        guard model.activeCell.cellType == .code else {
            let now = self.now
            model.editActive { $0.insertTab(now: now) }
            return
        }
        guard let kernel = kernelRequests else { show("completion needs a kernel: run a cell to start one"); return }
        let (code, cursor) = codeAtCursor(editor)
        let serial = assist.nextSerial(), uid = model.activeCell.uid
        assist.pendingCompletion = serial
        kernel.request("complete_request", content: ["code": .string(code), "cursor_pos": .int(cursor)]) { [weak self] reply in
            self?.completionArrived(reply, serial: serial, uid: uid, requestCursor: cursor)
        }
    }

    /// A `complete_reply`: one match is inserted at once; several open the list, with their common
    /// beginning typed; none says so.
    func completionArrived(_ reply: Message?, serial: Int, uid: Int, requestCursor: Int) {
        guard assist.pendingCompletion == serial else { return }
        assist.pendingCompletion = nil
        app?.needsRender = true
        guard let reply else { show("no completions: the kernel is not running (run a cell to start it)"); return }
        guard model.mode == .edit, model.activeCell.uid == uid, let editor = model.activeCell.editor else { return }
        guard let parsed = CompletionReply(content: reply.content, cursor: requestCursor) else {
            show("the kernel could not complete here", error: true)
            return
        }
        var session = CompletionSession(reply: parsed, cellUID: uid, requestCursor: requestCursor)
        guard session.update(buffer: editor.buffer, cursor: editor.cursor) else { show("no completions"); return }
        if parsed.items.count == 1 {
            applyEdit(session.acceptEdit(parsed.items[0], buffer: editor.buffer, cursor: editor.cursor))
            return
        }
        if let edit = session.commonPrefixEdit(buffer: editor.buffer, cursor: editor.cursor) {
            applyEdit(edit)
            guard let after = model.activeCell.editor, session.update(buffer: after.buffer, cursor: after.cursor) else { return }
        }
        guard let now = model.activeCell.editor else { return }
        assist.completion = session
        assist.completionState = (now.buffer.version, now.cursor)
        revealPending = true
    }

    /// Inserts the highlighted match.
    func acceptCompletion() {
        guard let session = assist.completion, let editor = model.activeCell.editor,
              let edit = session.acceptEdit(buffer: editor.buffer, cursor: editor.cursor) else { return }
        closeCompletion()
        applyEdit(edit)
    }

    /// Replaces a range of the active cell (one undo step), cursor after the new text.
    func applyEdit(_ edit: CompletionEdit) {
        let now = self.now
        model.editActive { state in
            state.edit(.other, now: now) { b in Selection(cursor: b.replace(edit.range, with: edit.text).newEnd) }
        }
        revealPending = true
    }

    // MARK: Inspection

    /// Asks the kernel about the name at the cursor.
    func invokeInspection() {
        guard model.mode == .edit, let editor = model.activeCell.editor else { return }
        guard model.activeCell.cellType == .code else { show("inspection works in code cells"); return }
        guard let kernel = kernelRequests else { show("inspection needs a kernel: run a cell to start one"); return }
        let (code, cursor) = codeAtCursor(editor)
        let serial = assist.nextSerial(), uid = model.activeCell.uid
        let state = (version: editor.buffer.version, cursor: editor.cursor)
        let title = Self.name(before: editor.cursor, in: editor.buffer)
        assist.pendingInspection = serial
        let content: MessageJSON = ["code": .string(code), "cursor_pos": .int(cursor), "detail_level": 0]
        kernel.request("inspect_request", content: content) { [weak self] reply in
            guard let self, self.assist.pendingInspection == serial else { return }
            self.assist.pendingInspection = nil
            self.app?.needsRender = true
            guard let reply else { self.show("no help: the kernel is not running (run a cell to start it)"); return }
            guard self.model.mode == .edit, self.model.activeCell.uid == uid, let now = self.model.activeCell.editor,
                  now.buffer.version == state.version, now.cursor == state.cursor else { return }
            guard let parsed = InspectionReply(content: reply.content) else { self.show("the kernel could not inspect here", error: true); return }
            guard parsed.found else { self.show("No documentation found"); return }
            self.assist.inspection = InspectionPopup(cellUID: uid, version: state.version, cursor: state.cursor,
                                                     title: title.isEmpty ? "Help" : title, text: parsed.text)
        }
    }

    /// The dotted name ending at `p` (or before the call parenthesis just before it), for the
    /// help box's title.
    static func name(before p: TextPosition, in buffer: TextBuffer) -> String {
        var chars = Array(buffer.line(p.line).prefix(p.column))
        while let last = chars.last, last == "(" || last == " " { chars.removeLast() }
        var start = chars.count
        while start > 0, chars[start - 1].isLetter || chars[start - 1].isNumber || chars[start - 1] == "_" || chars[start - 1] == "." { start -= 1 }
        return String(chars[start...])
    }

    // MARK: History

    /// Replaces the cell's text with an older or newer entry of the kernel's input history; the first
    /// step fetches the history (the newest 500 inputs, as JupyterLab asks).
    func stepHistory(back: Bool) {
        guard model.mode == .edit, let editor = model.activeCell.editor else { return }
        let uid = model.activeCell.uid, source = editor.buffer.lines.joined(separator: "\n")
        if assist.history.isNavigating(cellUID: uid, source: source) {
            showHistoryStep(back: back, uid: uid, source: source)
            return
        }
        guard let kernel = kernelRequests else { show("history needs a kernel: run a cell to start one"); return }
        let serial = assist.nextSerial()
        assist.pendingHistory = serial
        let content: MessageJSON = ["output": false, "raw": true, "hist_access_type": "tail", "n": 500]
        kernel.request("history_request", content: content) { [weak self] reply in
            guard let self, self.assist.pendingHistory == serial else { return }
            self.assist.pendingHistory = nil
            self.app?.needsRender = true
            guard let reply else { self.show("no history: the kernel is not running (run a cell to start it)"); return }
            guard self.model.mode == .edit, self.model.activeCell.uid == uid,
                  self.model.activeCell.editor?.buffer.lines.joined(separator: "\n") == source else { return }
            guard let entries = KernelHistory.inputs(content: reply.content) else { self.show("the kernel sent no history", error: true); return }
            self.assist.history.start(entries: entries, cellUID: uid, source: source)
            self.showHistoryStep(back: back, uid: uid, source: source)
        }
    }

    private func showHistoryStep(back: Bool, uid: Int, source: String) {
        guard let text = assist.history.step(back: back, cellUID: uid, source: source) else {
            show(back ? "no older history entry" : "no newer history entry")
            return
        }
        let now = self.now
        model.editActive { state in
            state.edit(.other, now: now) { b in
                b.setText(text)
                return Selection(cursor: TextPosition(line: 0, column: b.lineLength(0)))
            }
        }
        revealPending = true
    }
}
