/// One replacement made to a `TextBuffer`: what was there, what replaced it, and where.
///
/// Changes are what undo inverts and what a highlighter reads to start again from the first changed
/// line (`firstLine`).
public struct TextChange: Hashable, Sendable {
    /// The range the old text occupied.
    public var range: TextRange
    /// The text that was removed.
    public var oldText: String
    /// The text that was inserted at `range.start`.
    public var newText: String
    /// The buffer's version after this change.
    public var version: Int

    public init(range: TextRange, oldText: String, newText: String, version: Int) {
        self.range = range
        self.oldText = oldText
        self.newText = newText
        self.version = version
    }

    /// The first line whose text changed.
    public var firstLine: Int { range.start.line }

    /// Where the inserted text ends.
    public var newEnd: TextPosition { TextBuffer.end(of: newText, from: range.start) }

    /// How many lines the buffer gained (negative: lost).
    public var lineDelta: Int { newText.lineBreakCount - oldText.lineBreakCount }

    /// The change that undoes this one.
    public var inverted: TextChange {
        TextChange(range: TextRange(range.start, newEnd), oldText: newText, newText: oldText, version: version)
    }
}

extension StringProtocol {
    /// The number of `\n` in the text.
    var lineBreakCount: Int {
        var n = 0
        for b in utf8 where b == 0x0A { n += 1 }
        return n
    }
}
