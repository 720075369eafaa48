/// Vim's word and character-search motions over a `TextBuffer`.
///
/// Vim's words are runs of one `CharacterClass` (`bigWord`: runs of non-blanks); an empty line is a
/// word of its own for `w` and `b`.
public enum VimMotions {
    private static func cls(_ c: Character?, _ bigWord: Bool) -> CharacterClass? {
        guard let c else { return nil } // a line break
        let k = CharacterClass.of(c)
        return bigWord && k == .punctuation ? .word : k
    }

    /// Walks through the text one grapheme at a time: (position, class or nil at a line end).
    private static func next(_ b: TextBuffer, _ p: TextPosition) -> TextPosition? {
        let q = TextMotion.right(b, p)
        return q == p ? nil : q
    }

    private static func previous(_ b: TextBuffer, _ p: TextPosition) -> TextPosition? {
        let q = TextMotion.left(b, p)
        return q == p ? nil : q
    }

    /// `w`: the start of the next word.
    public static func wordForward(_ b: TextBuffer, _ p: TextPosition, bigWord: Bool = false) -> TextPosition {
        let start = cls(b.character(at: p), bigWord)
        var q = p
        // Leave the current word.
        if let s = start, s != .whitespace {
            while let n = next(b, q) {
                q = n
                if cls(b.character(at: q), bigWord) != s { break }
            }
            if cls(b.character(at: q), bigWord) == s { return b.endPosition }
        }
        // Skip blanks and line breaks, stopping at an empty line.
        while true {
            let c = b.character(at: q)
            if let k = cls(c, bigWord), k != .whitespace { return q }
            if c == nil && q.column == 0 && q != p { return q }
            guard let n = next(b, q) else { return b.endPosition }
            q = n
        }
    }

    /// `e`: the last character of the current or next word.
    public static func wordEnd(_ b: TextBuffer, _ p: TextPosition, bigWord: Bool = false) -> TextPosition {
        guard var q = next(b, p) else { return p }
        while cls(b.character(at: q), bigWord) == nil || cls(b.character(at: q), bigWord) == .whitespace {
            guard let n = next(b, q) else { return q }
            q = n
        }
        let k = cls(b.character(at: q), bigWord)
        while let n = next(b, q), cls(b.character(at: n), bigWord) == k { q = n }
        return q
    }

    /// `b`: the start of the current or previous word.
    public static func wordBackward(_ b: TextBuffer, _ p: TextPosition, bigWord: Bool = false) -> TextPosition {
        guard var q = previous(b, p) else { return p }
        while true {
            let c = b.character(at: q)
            if c == nil && q.column == 0 { return q } // empty line
            if let k = cls(c, bigWord), k != .whitespace { break }
            guard let n = previous(b, q) else { return q }
            q = n
        }
        let k = cls(b.character(at: q), bigWord)
        while q.column > 0 {
            let n = TextPosition(line: q.line, column: q.column - 1)
            if cls(b.character(at: n), bigWord) != k { break }
            q = n
        }
        return q
    }

    /// `f` (`till`: `t`) forward on the line: the `count`-th `c` after `p`; nil when missing.
    public static func find(_ b: TextBuffer, _ p: TextPosition, _ c: Character, forward: Bool, till: Bool, count: Int,
                            repeating: Bool = false) -> TextPosition? {
        let chars = Array(b.line(p.line))
        var i = p.column
        var found = 0
        // A repeated `t` must not find the character right next to the cursor again.
        if till && repeating { i += forward ? 1 : -1 }
        while true {
            i += forward ? 1 : -1
            guard i >= 0, i < chars.count else { return nil }
            if chars[i] == c {
                found += 1
                if found == count { break }
            }
        }
        if till { i += forward ? -1 : 1 }
        return TextPosition(line: p.line, column: i)
    }
}
