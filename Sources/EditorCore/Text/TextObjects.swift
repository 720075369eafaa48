/// Vim text objects (`iw aw i( a( i" a"` …) as ranges of a buffer.
public enum TextObjects {
    /// The word (or run of punctuation, or of blanks) at `p`; `around` adds the blanks after it (or
    /// before it when there are none after).
    public static func word(in b: TextBuffer, at p: TextPosition, around: Bool) -> TextRange {
        let chars = Array(b.line(p.line))
        guard !chars.isEmpty else { return TextRange(at: TextPosition(line: p.line, column: 0)) }
        let i = min(p.column, chars.count - 1)
        let cls = CharacterClass.of(chars[i])
        var s = i, e = i + 1
        while s > 0, CharacterClass.of(chars[s - 1]) == cls { s -= 1 }
        while e < chars.count, CharacterClass.of(chars[e]) == cls { e += 1 }
        if around && cls != .whitespace {
            var e2 = e
            while e2 < chars.count, CharacterClass.of(chars[e2]) == .whitespace { e2 += 1 }
            if e2 > e { e = e2 } else {
                while s > 0, CharacterClass.of(chars[s - 1]) == .whitespace { s -= 1 }
            }
        }
        return TextRange(TextPosition(line: p.line, column: s), TextPosition(line: p.line, column: e))
    }

    /// The text inside the innermost `open`…`close` pair around `p` (`around`: the brackets too).
    public static func brackets(in b: TextBuffer, at p: TextPosition, open: Character, close: Character, around: Bool) -> TextRange? {
        guard let (o, c) = BracketMatcher.enclosing(in: b, at: p, open: open, close: close) else { return nil }
        if around { return TextRange(o, TextPosition(line: c.line, column: c.column + 1)) }
        return TextRange(TextPosition(line: o.line, column: o.column + 1), c)
    }

    /// The text inside the quotes around `p` on its line (`around`: the quotes too). The quote pair
    /// is the one containing the cursor, or the first one after it on the line, as in vim.
    public static func quoted(in b: TextBuffer, at p: TextPosition, quote: Character, around: Bool) -> TextRange? {
        let chars = Array(b.line(p.line))
        var positions: [Int] = []
        var i = 0
        while i < chars.count {
            if chars[i] == "\\" { i += 2; continue }
            if chars[i] == quote { positions.append(i) }
            i += 1
        }
        var pair: (Int, Int)?
        var k = 0
        while k + 1 < positions.count {
            let (a, z) = (positions[k], positions[k + 1])
            if p.column >= a && p.column <= z { pair = (a, z); break }
            if a > p.column { pair = (a, z); break }
            k += 2
        }
        guard let (a, z) = pair else { return nil }
        guard around else { return TextRange(TextPosition(line: p.line, column: a + 1), TextPosition(line: p.line, column: z)) }
        // Like `aw`, the blanks after the closing quote go too (or those before the opening one).
        var start = a, end = z + 1
        while end < chars.count, chars[end] == " " || chars[end] == "\t" { end += 1 }
        if end == z + 1 { while start > 0, chars[start - 1] == " " || chars[start - 1] == "\t" { start -= 1 } }
        return TextRange(TextPosition(line: p.line, column: start), TextPosition(line: p.line, column: end))
    }
}
