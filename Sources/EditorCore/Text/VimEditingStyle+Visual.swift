import TermCore

/// Visual mode: the selection grows with motions and operators take it.
extension VimEditingStyle {
    /// The visual head: the selection's end on the cursor's side (inclusive in vim terms).
    func visualHead(_ state: TextEditorState) -> TextPosition {
        let s = state.selection
        if mode == .visualLine { return visualCursor }
        return s.head > s.anchor ? TextMotion.left(state.buffer, s.head) : s.head
    }

    /// Sets the editor's selection for visual mode from the anchor and `head` (characters under both
    /// included; whole lines in linewise mode).
    mutating func updateVisual(_ state: inout TextEditorState, head: TextPosition) {
        let b = state.buffer
        visualCursor = head
        let a = visualAnchor
        if mode == .visualLine {
            let first = min(a.line, head.line), last = max(a.line, head.line)
            let s = TextPosition(line: first, column: 0), e = TextPosition(line: last, column: b.lineLength(last))
            state.selection = head.line >= a.line ? Selection(anchor: s, head: e) : Selection(anchor: e, head: s)
            return
        }
        func after(_ p: TextPosition) -> TextPosition { TextPosition(line: p.line, column: min(p.column + 1, b.lineLength(p.line))) }
        state.selection = head >= a ? Selection(anchor: a, head: after(head)) : Selection(anchor: after(a), head: head)
    }

    /// The selected range as operators take it.
    private func visualRange(_ state: TextEditorState) -> TextRange { state.selection.range }

    mutating func exitVisual(_ state: inout TextEditorState) {
        let head = visualCursor
        mode = .normal
        state.setCursor(Self.clampNormal(head, state.buffer))
    }

    /// `i`/`a` and an object in visual mode select the object; nil when the keys are something else.
    mutating func visualTextObject(_ tokens: [VimGrammar.Token], state: inout TextEditorState) -> TextEditorOutcome? {
        guard let first = tokens.first, first == .char("i") || first == .char("a") else { return nil }
        if tokens.count == 1 { return .handled }
        pending.removeAll()
        guard tokens.count == 2, let o = VimGrammar.textObject(tokens[1]),
              let r = Self.objectRange(o, around: first == .char("a"), at: visualCursor, in: state.buffer), !r.isEmpty else { return .handled }
        if mode == .visualLine { mode = .visual }
        visualAnchor = r.start
        updateVisual(&state, head: TextMotion.left(state.buffer, r.end))
        return .handled
    }

    mutating func executeVisual(_ cmd: VimGrammar.Command, state: inout TextEditorState, env: TextEditorEnvironment) -> TextEditorOutcome {
        let n = cmd.count ?? 1
        let linewise = mode == .visualLine
        let range = visualRange(state)
        func finish(_ op: VimGrammar.Operator, linewise lw: Bool = linewise) -> TextEditorOutcome {
            let head = visualCursor
            mode = .normal
            let outcome = apply(op, range: range, linewise: lw, register: cmd.register, state: &state, env: env)
            if op == .yank { state.setCursor(Self.clampNormal(min(range.start, head), state.buffer)) }
            return outcome
        }
        switch cmd.action {
        case let .move(m):
            if let r = reach(m, count: n, hasCount: cmd.count != nil, from: visualCursor, state: state, operator: nil) {
                updateVisual(&state, head: Self.clampNormal(r.position, state.buffer))
            }
        case let .operate(op, _): return finish(op)
        case .deleteChar: return finish(.delete)
        case .deleteCharBefore, .deleteToEnd: return finish(.delete, linewise: true)
        case .substituteChar: return finish(.change)
        case .substituteLine, .changeToEnd: return finish(.change, linewise: true)
        case .toggleCaseChar: return finish(.toggleCase)
        case .join:
            mode = .normal
            state.selection = Selection(anchor: range.start, head: range.end)
            state.joinLines(count: 1, now: env.now)
            state.closeUndoGroup()
        case let .paste(before):
            guard let clip = fetch(cmd.register, state: state, env: env) else { return .handled }
            mode = .normal
            state.closeUndoGroup()
            state.selection = Selection(anchor: range.start, head: range.end)
            state.replaceSelection(with: clip.isLinewise && !linewise ? "\n" + clip.text : clip.text, now: env.now)
            state.setCursor(Self.clampNormal(TextMotion.left(state.buffer, state.cursor), state.buffer))
            state.closeUndoGroup()
            _ = before
        case let .replaceChar(c):
            mode = .normal
            let text = state.buffer.text(in: range)
            let replaced = String(text.map { $0 == "\n" ? "\n" : c })
            state.closeUndoGroup()
            state.edit(.other, now: env.now) { buf in
                buf.replace(range, with: replaced)
                return Selection(cursor: range.start)
            }
            state.closeUndoGroup()
        case .openLine:
            swap(&visualAnchor, &visualCursor)
            updateVisual(&state, head: visualCursor)
        case .visual, .visualLine:
            let wanted: Mode = cmd.action == .visual ? .visual : .visualLine
            if mode == wanted { exitVisual(&state) } else {
                mode = wanted
                updateVisual(&state, head: visualCursor)
            }
        case .escape:
            exitVisual(&state)
        case .palette:
            return .command("apputils:activate-command-palette")
        case .undo:
            exitVisual(&state)
            state.undo()
        default:
            break
        }
        return .handled
    }
}
