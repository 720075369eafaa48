import EditorCore
import JupyterClient
import TermCore

/// Input prompts: when a running cell calls `input()` or `getpass()`, a prompt line appears after
/// the cell's outputs and takes the keyboard, as JupyterLab's stdin field does. Enter answers (the
/// output keeps `prompt answer`, a password as dots); Esc gives the keyboard back to the notebook
/// and the prompt waits (Enter on its cell in command mode returns to it); Ctrl+C in the prompt or
/// interrupting the kernel cancels it.
extension NotebookView {
    /// Earlier answers kept for Up/Down, at most.
    static let answerLimit = 1_000

    /// The kernel asks cell `cellUID` for a line of input: the prompt appears and takes the keyboard.
    public func showInputPrompt(cellUID: Int, requestID: String, prompt: String, password: Bool) {
        assist.prompt = StdinPrompt(cellUID: cellUID, requestID: requestID, prompt: prompt, password: password, history: assist.answers)
        closeCompletion()
        assist.inspection = nil
        focusPrompt()
        app?.needsRender = true
    }

    /// Whether an input prompt waits for an answer, and whether it has the keyboard.
    public var isAwaitingInput: Bool { assist.prompt != nil }
    public var inputPromptFocused: Bool { assist.prompt != nil && assist.promptFocused }

    /// Gives the keyboard to the prompt and scrolls it into view; the active cell and the mode stay
    /// as they were, so after answering the user goes on where they were (the next cell after
    /// Shift+Enter).
    func focusPrompt() {
        guard assist.prompt != nil else { return }
        assist.promptFocused = true
        revealPending = true
    }

    /// The cell to scroll into view: the prompt's while it has the keyboard, else the active one.
    var revealTarget: Int? {
        guard inputPromptFocused, let p = assist.prompt else { return nil }
        return model.cells.firstIndex { $0.uid == p.cellUID }
    }

    /// Performs the `stdin:` commands (and Enter on a cell whose prompt waits).
    func performInputCommand(_ command: CommandID) -> Bool {
        guard assist.prompt != nil else { return false }
        switch command.rawValue {
        case "stdin:submit": submitInput()
        case "stdin:leave":
            assist.promptFocused = false
            show("the cell waits for input: Enter on it answers, i i interrupts the kernel")
        case "stdin:focus": focusPrompt()
        case "stdin:previous-entry": assist.prompt?.stepHistory(back: true)
        case "stdin:next-entry": assist.prompt?.stepHistory(back: false)
        default: return false
        }
        return true
    }

    /// Answers the prompt with what was typed.
    func submitInput() {
        guard let p = assist.prompt else { return }
        assist.prompt = nil
        assist.promptFocused = false
        assist.promptCursor = nil
        if !p.password && !p.value.isEmpty {
            assist.answers.append(p.value)
            if assist.answers.count > Self.answerLimit { assist.answers.removeFirst() }
        }
        guard let kernel = kernelRequests else { show("the kernel is gone: the answer was not sent", error: true); return }
        kernel.sendInput(p.value, requestID: p.requestID, echo: p.echo)
    }

    /// A key for the focused prompt: text is typed; Backspace, Delete, Left, Right, Home and End
    /// edit; anything else is swallowed so it cannot change the notebook behind the prompt.
    func handlePromptKey(_ key: Key) {
        guard assist.prompt != nil else { return }
        if key.modifiers.isEmpty || key.modifiers == .shift {
            switch key.code {
            case let .char(s): assist.prompt?.insert(String(s)); return
            case .space: assist.prompt?.insert(" "); return
            default: break
            }
        }
        switch key.code {
        case .backspace: assist.prompt?.deleteBackward()
        case .delete: assist.prompt?.deleteForward()
        case .left: assist.prompt?.moveCursor(by: -1)
        case .right: assist.prompt?.moveCursor(by: 1)
        case .home: assist.prompt?.moveToStart()
        case .end: assist.prompt?.moveToEnd()
        default: break
        }
    }

    /// Drops a prompt whose cell no longer runs (interrupted, restarted, kernel gone).
    func dropStalePrompt() {
        guard let p = assist.prompt else { return }
        if let kernel = kernelRequests, kernel.isRunning(cellUID: p.cellUID) { return }
        assist.prompt = nil
        assist.promptFocused = false
        assist.promptCursor = nil
    }

    /// Rows the prompt adds after the outputs of cell `uid`.
    func promptRows(for uid: Int) -> Int {
        guard let p = assist.prompt, p.cellUID == uid else { return 0 }
        return p.prompt.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }

    /// Draws the prompt of cell `uid` from row `y`: the prompt text, then what was typed (bullets
    /// for a password), scrolled sideways to keep the cursor in view; remembers the cursor.
    func drawPrompt(into buffer: inout CellBuffer, uid: Int, x: Int, y: Int, clip: Rect, styles: StyleSheet) {
        guard let p = assist.prompt, p.cellUID == uid else { return }
        let lines = p.prompt.split(separator: "\n", omittingEmptySubsequences: false).map { ReadOnlyText.sanitize(String($0)) }
        let promptStyle = styles.style("ui.window").patched(with: styles.style("output.stdout"))
        for (r, line) in lines.dropLast().enumerated() {
            buffer.draw(line, at: Point(x: x, y: y + r), style: promptStyle, clip: clip)
        }
        let row = y + lines.count - 1
        let last = lines.last ?? ""
        let shown = p.shownValue
        let typed = styles.focus(assist.promptFocused ? "ui.palette.input" : "ui.window")
        let beforeCursor = last.displayWidth + String(shown.prefix(p.cursor)).displayWidth
        let shift = max(0, beforeCursor - (clip.width - 1))
        let end = buffer.draw(last, at: Point(x: x - shift, y: row), style: promptStyle, clip: clip)
        let fieldWidth = max(1, clip.maxX - max(end, clip.x))
        buffer.fill(Rect(x: max(end, clip.x), y: row, width: fieldWidth, height: 1).intersection(clip), with: .blank(typed))
        buffer.draw(shown, at: Point(x: end, y: row), style: typed, clip: clip)
        let cursor = Point(x: x - shift + beforeCursor, y: row)
        assist.promptCursor = clip.contains(cursor) && assist.promptFocused ? cursor : nil
    }
}

extension WorkspaceApp {
    /// A kernel asks a cell of `document` for input: the prompt goes to the focused view of the
    /// document (or its first view).
    func deliverInputRequest(document: NotebookDocument, cellUID: Int, requestID: String, prompt: String, password: Bool) {
        let views = notebookViews.filter { $0.document === document }
        let target = views.first { $0 === workspace.focusedContent } ?? views.first
        target?.showInputPrompt(cellUID: cellUID, requestID: requestID, prompt: prompt, password: password)
        if let target, target !== workspace.focusedContent { show("\(target.title): a cell waits for input") }
        needsRender = true
    }
}

extension NotebookKernel: NotebookKernelRequests {
    /// Answers the input request and keeps the echo in the cell's output (a `stdin` stream, as
    /// JupyterLab stores it).
    public func sendInput(_ value: String, requestID: String, echo: String) {
        sendInput(value, requestID: requestID)
        client?.appendOutput(.stream("stdin", echo + "\n"), to: requestID)
    }

    public func isRunning(cellUID: Int) -> Bool {
        if case .running = run(of: cellUID) { return true }
        return false
    }
}
