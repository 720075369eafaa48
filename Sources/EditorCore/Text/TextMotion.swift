/// Where the cursor goes: pure functions from a buffer and a position to a new position.
///
/// Word motions follow CodeMirror: a line break is a step of its own, and otherwise the cursor
/// skips whitespace and then one run of a single `CharacterClass`. Vim's `w b e` are separate
/// (`vimWordForward` …) because vim stops at word starts and treats an empty line as a word.
public enum TextMotion {
    // MARK: - Characters and lines

    /// One grapheme left, onto the previous line's end from a line start.
    public static func left(_ b: TextBuffer, _ p: TextPosition) -> TextPosition {
        if p.column > 0 { return TextPosition(line: p.line, column: p.column - 1) }
        if p.line > 0 { return TextPosition(line: p.line - 1, column: b.lineLength(p.line - 1)) }
        return p
    }

    /// One grapheme right, onto the next line's start from a line end.
    public static func right(_ b: TextBuffer, _ p: TextPosition) -> TextPosition {
        if p.column < b.lineLength(p.line) { return TextPosition(line: p.line, column: p.column + 1) }
        if p.line < b.lineCount - 1 { return TextPosition(line: p.line + 1, column: 0) }
        return p
    }

    /// `lines` lines down (negative: up), aiming for display column `goal`; nil when the move would
    /// leave the text (the caller may move into the neighbouring cell instead).
    public static func vertical(_ b: TextBuffer, _ p: TextPosition, lines: Int, goal: Int, tabWidth: Int) -> TextPosition? {
        let target = p.line + lines
        guard target >= 0, target < b.lineCount else { return nil }
        return TextPosition(line: target, column: TextLayout.column(atDisplayColumn: goal, in: b.line(target), tabWidth: tabWidth))
    }

    /// Like `vertical` but stopping at the first or last line (pages).
    public static func verticalClamped(_ b: TextBuffer, _ p: TextPosition, lines: Int, goal: Int, tabWidth: Int) -> TextPosition {
        let target = min(max(p.line + lines, 0), b.lineCount - 1)
        return TextPosition(line: target, column: TextLayout.column(atDisplayColumn: goal, in: b.line(target), tabWidth: tabWidth))
    }

    /// The column of the first non-blank character of `line` (the line's length when all blank).
    public static func firstNonBlank(_ b: TextBuffer, line: Int) -> Int {
        var i = 0
        for c in b.line(line) {
            if c != " " && c != "\t" { return i }
            i += 1
        }
        return i
    }

    /// Smart home: to the first non-blank, or to column 0 when already there.
    public static func smartLineStart(_ b: TextBuffer, _ p: TextPosition) -> TextPosition {
        let first = firstNonBlank(b, line: p.line)
        return TextPosition(line: p.line, column: p.column == first ? 0 : first)
    }

    /// The end of the line.
    public static func lineEnd(_ b: TextBuffer, _ p: TextPosition) -> TextPosition {
        TextPosition(line: p.line, column: b.lineLength(p.line))
    }

    // MARK: - Words (CodeMirror groups)

    /// Past the end of the next word (Ctrl+Right).
    public static func wordRight(_ b: TextBuffer, _ p: TextPosition) -> TextPosition {
        let line = Array(b.line(p.line))
        var i = p.column
        if i >= line.count { return right(b, p) }
        while i < line.count, CharacterClass.of(line[i]) == .whitespace { i += 1 }
        guard i < line.count else { return TextPosition(line: p.line, column: i) }
        let cls = CharacterClass.of(line[i])
        while i < line.count, CharacterClass.of(line[i]) == cls { i += 1 }
        return TextPosition(line: p.line, column: i)
    }

    /// To the start of the previous word (Ctrl+Left).
    public static func wordLeft(_ b: TextBuffer, _ p: TextPosition) -> TextPosition {
        if p.column == 0 { return left(b, p) }
        let line = Array(b.line(p.line))
        var i = min(p.column, line.count)
        while i > 0, CharacterClass.of(line[i - 1]) == .whitespace { i -= 1 }
        guard i > 0 else { return TextPosition(line: p.line, column: 0) }
        let cls = CharacterClass.of(line[i - 1])
        while i > 0, CharacterClass.of(line[i - 1]) == cls { i -= 1 }
        return TextPosition(line: p.line, column: i)
    }

    // MARK: - Paragraphs and pages

    private static func isBlank(_ b: TextBuffer, _ line: Int) -> Bool {
        b.line(line).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// To the next blank line after a block of text (or the end).
    public static func paragraphForward(_ b: TextBuffer, _ p: TextPosition) -> TextPosition {
        var l = p.line
        while l < b.lineCount - 1, isBlank(b, l) { l += 1 }
        while l < b.lineCount - 1, !isBlank(b, l) { l += 1 }
        if l == b.lineCount - 1 && !isBlank(b, l) { return b.endPosition }
        return TextPosition(line: l, column: 0)
    }

    /// To the previous blank line before a block of text (or the start).
    public static func paragraphBackward(_ b: TextBuffer, _ p: TextPosition) -> TextPosition {
        var l = p.line
        while l > 0, isBlank(b, l) { l -= 1 }
        while l > 0, !isBlank(b, l) { l -= 1 }
        return TextPosition(line: l, column: 0)
    }
}
