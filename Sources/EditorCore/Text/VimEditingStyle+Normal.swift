import TermCore

/// Normal-mode commands: motions, operators, simple changes, registers and `.`.
extension VimEditingStyle {
    mutating func execute(_ cmd: VimGrammar.Command, keys: [Key], state: inout TextEditorState,
                          env: TextEditorEnvironment) -> TextEditorOutcome {
        let n = cmd.count ?? 1
        var countless = keys
        countless.removeSubrange(cmd.countTokens)
        let change = VimChange(count: cmd.count, keys: countless, countAt: cmd.countTokens.lowerBound)
        let b = state.buffer
        let p = state.cursor
        let now = env.now
        switch cmd.action {
        case let .move(m):
            if cmd.count == nil, m == .up || m == .down {
                let goal = state.selection.preferredColumn ?? state.cursorDisplayColumn
                if m == .up, p.line == 0 { return .moveToPreviousCell(displayColumn: goal) }
                if m == .down, p.line == b.lineCount - 1 { return .moveToNextCell(displayColumn: goal) }
            }
            guard let r = reach(m, count: n, hasCount: cmd.count != nil, from: p, state: state, operator: nil) else { return .handled }
            let goal: Int? = (m == .up || m == .down) ? (state.selection.preferredColumn ?? state.cursorDisplayColumn) : nil
            state.selection = Selection(anchor: Self.clampNormal(r.position, b), head: Self.clampNormal(r.position, b), preferredColumn: goal)
            if m == .lineEnd { state.selection.preferredColumn = Int.max / 2 }
            return .handled
        case let .operate(op, target):
            var range: TextRange
            var linewise = false
            switch target {
            case .lines:
                let last = min(b.lineCount - 1, p.line + n - 1)
                range = TextRange(TextPosition(line: p.line, column: 0), TextPosition(line: last, column: b.lineLength(last)))
                linewise = true
            case let .object(o, around):
                guard let r = Self.objectRange(o, around: around, at: p, in: b) else { return .handled }
                range = r
            case let .motion(m):
                guard let r = reach(m, count: n, hasCount: cmd.count != nil, from: p, state: state, operator: op) else { return .handled }
                range = TextRange(p, r.position)
                if r.inclusive { range.end = TextPosition(line: range.end.line, column: min(range.end.column + 1, b.lineLength(range.end.line))) }
                linewise = r.linewise
            }
            if op != .yank { remember(change, entersInsert: op == .change) }
            return apply(op, range: range, linewise: linewise, register: cmd.register, state: &state, env: env)
        case .deleteChar, .deleteCharBefore, .substituteChar:
            let len = b.lineLength(p.line)
            guard len > 0 else {
                if cmd.action == .substituteChar { remember(change, entersInsert: true); return startInsert(&state) }
                return .handled
            }
            let range = cmd.action == .deleteCharBefore
                ? TextRange(TextPosition(line: p.line, column: max(0, p.column - n)), p)
                : TextRange(p, TextPosition(line: p.line, column: min(len, p.column + n)))
            guard !range.isEmpty else { return .handled }
            let op: VimGrammar.Operator = cmd.action == .substituteChar ? .change : .delete
            remember(change, entersInsert: op == .change)
            return apply(op, range: range, linewise: false, register: cmd.register, state: &state, env: env)
        case .deleteToEnd, .changeToEnd:
            let op: VimGrammar.Operator = cmd.action == .changeToEnd ? .change : .delete
            let last = min(b.lineCount - 1, p.line + n - 1)
            remember(change, entersInsert: op == .change)
            return apply(op, range: TextRange(p, TextPosition(line: last, column: b.lineLength(last))), linewise: false,
                         register: cmd.register, state: &state, env: env)
        case .substituteLine:
            let last = min(b.lineCount - 1, p.line + n - 1)
            remember(change, entersInsert: true)
            return apply(.change, range: TextRange(TextPosition(line: p.line, column: 0), TextPosition(line: last, column: b.lineLength(last))),
                         linewise: true, register: cmd.register, state: &state, env: env)
        case let .paste(before):
            remember(change, entersInsert: false)
            paste(before: before, count: n, register: cmd.register, state: &state, env: env)
        case let .openLine(above):
            remember(change, entersInsert: true)
            state.beginUndoGroup()
            if above {
                let indent = String(b.line(p.line).prefix { $0 == " " || $0 == "\t" })
                state.edit(.other, now: now) { buf in
                    buf.insert(indent + "\n", at: TextPosition(line: p.line, column: 0))
                    return Selection(cursor: TextPosition(line: p.line, column: indent.count))
                }
            } else {
                state.setCursor(TextPosition(line: p.line, column: b.lineLength(p.line)))
                state.newline(now: now)
            }
            mode = .insert
        case .insert, .append, .insertAtLineStart, .appendAtLineEnd:
            remember(change, entersInsert: true)
            switch cmd.action {
            case .append: state.setCursor(TextPosition(line: p.line, column: min(p.column + 1, b.lineLength(p.line))))
            case .insertAtLineStart: state.setCursor(TextPosition(line: p.line, column: TextMotion.firstNonBlank(b, line: p.line)))
            case .appendAtLineEnd: state.setCursor(TextPosition(line: p.line, column: b.lineLength(p.line)))
            default: break
            }
            return startInsert(&state)
        case .join:
            remember(change, entersInsert: false)
            state.setCursor(p)
            state.joinLines(count: max(1, n - 1), now: now)
            state.closeUndoGroup()
        case let .replaceChar(c):
            let len = b.lineLength(p.line)
            guard p.column + n <= len else { return .handled }
            remember(change, entersInsert: false)
            state.edit(.other, now: now) { buf in
                buf.replace(TextRange(p, TextPosition(line: p.line, column: p.column + n)), with: String(repeating: String(c), count: n))
                return Selection(cursor: TextPosition(line: p.line, column: p.column + n - 1))
            }
        case .toggleCaseChar:
            let len = b.lineLength(p.line)
            guard len > 0 else { return .handled }
            remember(change, entersInsert: false)
            let end = TextPosition(line: p.line, column: min(len, p.column + n))
            let swapped = Self.swapCase(b.text(in: TextRange(p, end)))
            state.edit(.other, now: now) { buf in
                buf.replace(TextRange(p, end), with: swapped)
                return Selection(cursor: Self.clampNormal(end, buf))
            }
        case .undo:
            for _ in 0..<n { state.undo() }
            state.setCursor(Self.clampNormal(state.selection.start, state.buffer))
        case .redo:
            for _ in 0..<n { state.redo() }
            state.setCursor(Self.clampNormal(state.selection.start, state.buffer))
        case .repeatLast:
            repeatLastChange(count: cmd.count, state: &state, env: env)
        case .visual, .visualLine:
            mode = cmd.action == .visual ? .visual : .visualLine
            visualAnchor = p
            updateVisual(&state, head: p)
        case .search:
            mode = .search("")
        case .palette:
            return .command("apputils:activate-command-palette")
        case .escape:
            return .leaveCell
        }
        return .handled
    }

    /// Notes the keys of a change for `.`; one entering insert mode keeps recording until Esc.
    mutating func remember(_ change: VimChange, entersInsert: Bool) {
        if entersInsert { recording = change } else { lastChange = change }
    }

    private mutating func repeatLastChange(count: Int?, state: inout TextEditorState, env: TextEditorEnvironment) {
        guard let last = lastChange, !replaying else { return }
        var keys = last.keys
        if let c = count ?? last.count {
            keys.insert(contentsOf: String(c).map { Key.char($0) }, at: min(last.countAt, keys.count))
        }
        replaying = true
        for k in keys { _ = handle(k, state: &state, env: env) }
        replaying = false
        if mode == .insert { finishInsert(&state) }
        if let c = count { lastChange?.count = c }
    }

    mutating func startInsert(_ state: inout TextEditorState) -> TextEditorOutcome {
        mode = .insert
        state.beginUndoGroup()
        return .handled
    }
}
