/// Where vim motions and text objects lead.
extension VimEditingStyle {
    /// A motion's destination and how operators take it.
    struct Reach {
        var position: TextPosition
        var linewise = false
        var inclusive = false
    }

    /// In normal mode the cursor sits on a character, never past the line's last one.
    static func clampNormal(_ p: TextPosition, _ b: TextBuffer) -> TextPosition {
        let len = b.lineLength(p.line)
        return TextPosition(line: p.line, column: max(0, min(p.column, len - 1)))
    }

    /// Where motion `m` repeated `n` times leads from `p`; nil when it cannot move (a failed `f`).
    mutating func reach(_ m: VimGrammar.Motion, count n: Int, hasCount: Bool, from p: TextPosition, state: TextEditorState,
                        operator op: VimGrammar.Operator?) -> Reach? {
        let b = state.buffer
        let tab = state.options.tabWidth
        func line(_ l: Int) -> Int { min(max(l, 0), b.lineCount - 1) }
        func firstNonBlank(_ l: Int) -> TextPosition { TextPosition(line: l, column: TextMotion.firstNonBlank(b, line: l)) }
        switch m {
        case .left:
            return Reach(position: TextPosition(line: p.line, column: max(0, p.column - n)))
        case .right:
            let limit = op == nil ? max(0, b.lineLength(p.line) - 1) : b.lineLength(p.line)
            return Reach(position: TextPosition(line: p.line, column: min(limit, p.column + n)))
        case .up, .down:
            let goal = state.selection.preferredColumn ?? TextLayout.displayColumn(of: p.column, in: b.line(p.line), tabWidth: tab)
            let target = TextMotion.verticalClamped(b, p, lines: m == .up ? -n : n, goal: goal, tabWidth: tab)
            return Reach(position: target, linewise: true)
        case let .wordForward(big):
            if op == .change, let c = b.character(at: p), !c.isWhitespace {
                // `cw` on a word changes to its end, like `ce`.
                var q = p
                for i in 0..<n { q = (i == 0 && isLastOfWord(b, q, big)) ? q : VimMotions.wordEnd(b, q, bigWord: big) }
                return Reach(position: q, inclusive: true)
            }
            var q = p
            for i in 0..<n {
                let before = q
                q = VimMotions.wordForward(b, q, bigWord: big)
                if op != nil, i == n - 1, q.line > before.line {
                    // The last word moved over ends its line: the operator stops there.
                    q = TextPosition(line: before.line, column: b.lineLength(before.line))
                }
            }
            return Reach(position: q)
        case let .wordBackward(big):
            var q = p
            for _ in 0..<n { q = VimMotions.wordBackward(b, q, bigWord: big) }
            return Reach(position: q)
        case let .wordEnd(big):
            var q = p
            for _ in 0..<n { q = VimMotions.wordEnd(b, q, bigWord: big) }
            return Reach(position: q, inclusive: true)
        case .lineStart:
            return Reach(position: TextPosition(line: p.line, column: 0))
        case .firstNonBlank:
            return Reach(position: firstNonBlank(p.line))
        case .lineEnd:
            let l = line(p.line + n - 1)
            let len = b.lineLength(l)
            return Reach(position: TextPosition(line: l, column: max(0, len - 1)), inclusive: len > 0)
        case .nextLineStart:
            return Reach(position: firstNonBlank(line(p.line + n)), linewise: true)
        case .previousLineStart:
            return Reach(position: firstNonBlank(line(p.line - n)), linewise: true)
        case .documentStart:
            return Reach(position: firstNonBlank(hasCount ? line(n - 1) : 0), linewise: true)
        case .documentEnd:
            return Reach(position: firstNonBlank(hasCount ? line(n - 1) : b.lineCount - 1), linewise: true)
        case let .find(c, forward, till):
            lastFind = (c, forward, till)
            guard let q = VimMotions.find(b, p, c, forward: forward, till: till, count: n) else { return nil }
            return Reach(position: q, inclusive: forward)
        case let .repeatFind(reverse):
            guard let f = lastFind else { return nil }
            let forward = reverse ? !f.forward : f.forward
            guard let q = VimMotions.find(b, p, f.char, forward: forward, till: f.till, count: n, repeating: true) else { return nil }
            return Reach(position: q, inclusive: forward)
        case .matchingBracket:
            let chars = Array(b.line(p.line))
            guard let i = (p.column..<max(p.column, chars.count)).first(where: { "()[]{}".contains(chars[$0]) }),
                  let partner = BracketMatcher.partner(in: b, of: TextPosition(line: p.line, column: i)) else { return nil }
            return Reach(position: partner, inclusive: true)
        case .paragraphForward:
            var q = p
            for _ in 0..<n { q = TextMotion.paragraphForward(b, q) }
            return Reach(position: q)
        case .paragraphBackward:
            var q = p
            for _ in 0..<n { q = TextMotion.paragraphBackward(b, q) }
            return Reach(position: q)
        case let .searchNext(reverse):
            var q = p
            for _ in 0..<n {
                guard let next = search(b, from: q, reverse: reverse) else { return nil }
                q = next
            }
            return Reach(position: q)
        }
    }

    private func isLastOfWord(_ b: TextBuffer, _ p: TextPosition, _ big: Bool) -> Bool {
        guard let c = b.character(at: p) else { return true }
        let next = b.character(at: TextPosition(line: p.line, column: p.column + 1))
        guard let n = next else { return true }
        let k = CharacterClass.of(c), kn = CharacterClass.of(n)
        return big ? kn == .whitespace : k != kn
    }

    /// The range of a text object at `p`.
    static func objectRange(_ o: VimGrammar.TextObject, around: Bool, at p: TextPosition, in b: TextBuffer) -> TextRange? {
        switch o {
        case .word: return TextObjects.word(in: b, at: p, around: around)
        case let .brackets(open, close): return TextObjects.brackets(in: b, at: p, open: open, close: close, around: around)
        case let .quotes(q): return TextObjects.quoted(in: b, at: p, quote: q, around: around)
        }
    }
}
