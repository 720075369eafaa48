/// Vim operators over a range, registers and put.
extension VimEditingStyle {
    /// Applies `op` to `range` (whole lines when `linewise`) as one undo step.
    mutating func apply(_ op: VimGrammar.Operator, range: TextRange, linewise: Bool, register: Character?,
                        state: inout TextEditorState, env: TextEditorEnvironment) -> TextEditorOutcome {
        let b = state.buffer
        let now = env.now
        let lines = range.start.line...range.end.line
        let text = linewise ? lines.map { b.line($0) }.joined(separator: "\n") + "\n" : b.text(in: range)
        switch op {
        case .yank:
            store(text, linewise: linewise, register: register, yank: true, state: &state, env: env)
            if !linewise { state.setCursor(range.start) } else if state.cursor.line > lines.lowerBound {
                state.setCursor(TextPosition(line: lines.lowerBound, column: state.cursor.column))
            }
        case .delete:
            store(text, linewise: linewise, register: register, yank: false, state: &state, env: env)
            state.closeUndoGroup()
            if linewise {
                state.deleteLines(lines, now: now)
                let l = state.cursor.line
                state.setCursor(TextPosition(line: l, column: TextMotion.firstNonBlank(state.buffer, line: l)))
            } else {
                state.edit(.other, now: now) { buf in
                    buf.delete(range)
                    return Selection(cursor: Self.clampNormal(range.start, buf))
                }
            }
            state.closeUndoGroup()
        case .change:
            store(text, linewise: linewise, register: register, yank: false, state: &state, env: env)
            state.beginUndoGroup()
            if linewise {
                let indent = String(b.line(lines.lowerBound).prefix { $0 == " " || $0 == "\t" })
                let full = TextRange(TextPosition(line: lines.lowerBound, column: 0),
                                     TextPosition(line: lines.upperBound, column: b.lineLength(lines.upperBound)))
                state.edit(.other, now: now) { buf in
                    buf.replace(full, with: indent)
                    return Selection(cursor: TextPosition(line: lines.lowerBound, column: indent.count))
                }
            } else {
                state.edit(.other, now: now) { buf in
                    buf.delete(range)
                    return Selection(cursor: range.start)
                }
            }
            mode = .insert
        case .indent, .dedent, .comment:
            state.closeUndoGroup()
            state.selection = Selection(anchor: TextPosition(line: lines.lowerBound, column: 0),
                                        head: TextPosition(line: lines.upperBound, column: b.lineLength(lines.upperBound)))
            switch op {
            case .indent: state.indentLines(now: now)
            case .dedent: state.dedentLines(now: now)
            default: state.toggleComment(now: now)
            }
            let l = lines.lowerBound
            state.setCursor(TextPosition(line: l, column: TextMotion.firstNonBlank(state.buffer, line: l)))
            state.closeUndoGroup()
        case .toggleCase:
            state.closeUndoGroup()
            let swapped = Self.swapCase(b.text(in: range))
            state.edit(.other, now: now) { buf in
                buf.replace(range, with: swapped)
                return Selection(cursor: range.start)
            }
            state.closeUndoGroup()
        }
        return .handled
    }

    /// Stores deleted or yanked text: in the unnamed register always (unless `_`), in the named or
    /// system register when one was given, in `0` for yanks.
    mutating func store(_ text: String, linewise: Bool, register: Character?, yank: Bool,
                        state: inout TextEditorState, env: TextEditorEnvironment) {
        guard register != "_" else { return }
        var clip = TextClipboard(text: text, isLinewise: linewise)
        if let r = register, r.isLetter, r.isASCII {
            let name = Character(r.lowercased())
            if r.isUppercase, let old = registers[name] {
                clip = TextClipboard(text: old.text + text, isLinewise: old.isLinewise || linewise)
            }
            registers[name] = clip
        }
        if register == "+" || register == "*" { env.clipboard?.copy(text) }
        if yank { registers["0"] = clip }
        state.clipboard = clip
    }

    /// The contents of `register` (unnamed when nil); `+` and `*` read the system clipboard.
    func fetch(_ register: Character?, state: TextEditorState, env: TextEditorEnvironment) -> TextClipboard? {
        switch register {
        case nil, "\"": return state.clipboard
        case "+", "*":
            guard let text = env.clipboard?.paste() else { return state.clipboard }
            return TextClipboard(text: text, isLinewise: text.hasSuffix("\n"))
        case let r?: return registers[Character(r.lowercased())]
        }
    }

    /// `p` / `P`: whole lines below/above the cursor's line, or text after/at the cursor.
    mutating func paste(before: Bool, count: Int, register: Character?, state: inout TextEditorState, env: TextEditorEnvironment) {
        guard let clip = fetch(register, state: state, env: env), !clip.text.isEmpty else { return }
        let p = state.cursor
        let b = state.buffer
        let now = env.now
        state.closeUndoGroup()
        if clip.isLinewise {
            var block = clip.text.hasSuffix("\n") ? String(clip.text.dropLast()) : clip.text
            block = Array(repeating: block, count: count).joined(separator: "\n")
            let target = before ? p.line : p.line + 1
            state.edit(.other, now: now) { buf in
                if before || p.line < b.lineCount - 1 {
                    buf.insert(block + "\n", at: TextPosition(line: target, column: 0))
                } else {
                    buf.insert("\n" + block, at: TextPosition(line: p.line, column: b.lineLength(p.line)))
                }
                return Selection(cursor: TextPosition(line: target, column: TextMotion.firstNonBlank(buf, line: target)))
            }
        } else {
            let text = String(repeating: clip.text, count: count)
            let at = before || b.lineLength(p.line) == 0 ? p : TextPosition(line: p.line, column: p.column + 1)
            state.edit(.other, now: now) { buf in
                let change = buf.insert(text, at: at)
                return Selection(cursor: TextMotion.left(buf, change.newEnd))
            }
        }
        state.closeUndoGroup()
    }

    static func swapCase(_ s: String) -> String {
        String(s.map { c -> String in
            let up = c.uppercased(), low = c.lowercased()
            return String(c) == up ? low : up
        }.joined())
    }
}
