/// The text of a cell or a text file: an array of lines without their line breaks.
///
/// A line array suits editing best here: typing touches one short `String`, line access is O(1), and
/// inserting a line moves pointers only (a 10,000-line cell shifts 80 KB at most). Every edit goes
/// through `replace(_:with:)`, which bumps `version` and appends a `TextChange` to a bounded log, so
/// a highlighter can ask `firstChangedLine(since:)` and re-highlight from there.
///
/// Line breaks are stored as `\n`. Text read with `\r\n` line breaks keeps that in `lineEnding` and
/// gets it back from `text`; `\r\n` and lone `\r` in inserted text become `\n`.
public struct TextBuffer: Hashable, Sendable {
    /// How lines end when the text is written out.
    public enum LineEnding: String, Hashable, Sendable {
        case lf = "\n"
        case crlf = "\r\n"
    }

    /// The lines, without line breaks; never empty (an empty text is one empty line).
    public private(set) var lines: [String]
    /// Bumped by every change.
    public private(set) var version: Int = 0
    /// How `text` joins the lines.
    public var lineEnding: LineEnding
    /// The most recent changes, oldest first (at most `changeLogLimit`).
    public private(set) var changeLog: [TextChange] = []
    /// How many changes the log keeps.
    public static let changeLogLimit = 1_024

    /// A buffer holding `text`. When every line break is `\r\n` the buffer remembers it.
    public init(_ text: String = "") {
        let crlf = text.utf8.contains(0x0D) && Self.allBreaksAreCRLF(text)
        lines = Self.splitLines(text)
        lineEnding = crlf ? .crlf : .lf
    }

    // MARK: - Reading

    /// The number of lines (at least 1).
    public var lineCount: Int { lines.count }

    /// Line `i` without its line break.
    public func line(_ i: Int) -> String { lines[i] }

    /// The number of grapheme clusters of line `i`.
    public func lineLength(_ i: Int) -> Int { lines[i].count }

    /// The whole text, lines joined by `lineEnding`.
    public var text: String { lines.joined(separator: lineEnding.rawValue) }

    /// The position after the last character.
    public var endPosition: TextPosition { TextPosition(line: lines.count - 1, column: lines[lines.count - 1].count) }

    /// The whole text as a range.
    public var fullRange: TextRange { TextRange(.zero, endPosition) }

    /// `p` moved inside the text: the line clamped to the lines, the column to the line's length.
    public func clamp(_ p: TextPosition) -> TextPosition {
        let line = min(max(p.line, 0), lines.count - 1)
        return TextPosition(line: line, column: min(max(p.column, 0), lines[line].count))
    }

    /// The string index of `column` in line `line` (the end index past the line's end).
    public func index(column: Int, inLine line: Int) -> String.Index {
        let s = lines[line]
        return s.index(s.startIndex, offsetBy: max(column, 0), limitedBy: s.endIndex) ?? s.endIndex
    }

    /// The character at `p`, nil at a line's end (where the line break is).
    public func character(at p: TextPosition) -> Character? {
        guard p.line >= 0, p.line < lines.count else { return nil }
        let i = index(column: p.column, inLine: p.line)
        return i < lines[p.line].endIndex ? lines[p.line][i] : nil
    }

    /// The text of `range`, line breaks as `\n`.
    public func text(in range: TextRange) -> String {
        let s = clamp(range.start), e = clamp(range.end)
        if s.line == e.line {
            return String(lines[s.line][index(column: s.column, inLine: s.line)..<index(column: e.column, inLine: e.line)])
        }
        var out = String(lines[s.line][index(column: s.column, inLine: s.line)...])
        for l in (s.line + 1)..<e.line { out += "\n"; out += lines[l] }
        out += "\n"
        out += lines[e.line][..<index(column: e.column, inLine: e.line)]
        return out
    }

    // MARK: - Changing

    /// Replaces `range` with `newText` and returns the change made (also appended to `changeLog`).
    @discardableResult
    public mutating func replace(_ range: TextRange, with newText: String) -> TextChange {
        let s = clamp(range.start), e = clamp(range.end)
        let old = text(in: TextRange(s, e))
        let pieces = Self.splitLines(newText)
        if s.line == e.line && pieces.count == 1 {
            // Within one line: edit the string in place.
            let from = index(column: s.column, inLine: s.line), to = index(column: e.column, inLine: e.line)
            lines[s.line].replaceSubrange(from..<to, with: pieces[0])
        } else {
            let prefix = lines[s.line][..<index(column: s.column, inLine: s.line)]
            let suffix = lines[e.line][index(column: e.column, inLine: e.line)...]
            var replacement = pieces
            replacement[0] = prefix + pieces[0]
            replacement[replacement.count - 1] += suffix
            lines.replaceSubrange(s.line...e.line, with: replacement)
        }
        version += 1
        let change = TextChange(range: TextRange(s, e), oldText: old, newText: pieces.joined(separator: "\n"), version: version)
        changeLog.append(change)
        if changeLog.count > Self.changeLogLimit { changeLog.removeFirst(changeLog.count - Self.changeLogLimit / 2) }
        return change
    }

    /// Inserts `text` at `p`.
    @discardableResult
    public mutating func insert(_ text: String, at p: TextPosition) -> TextChange {
        replace(TextRange(at: p), with: text)
    }

    /// Deletes `range`.
    @discardableResult
    public mutating func delete(_ range: TextRange) -> TextChange {
        replace(range, with: "")
    }

    /// Replaces the whole text (one change).
    public mutating func setText(_ text: String) {
        replace(fullRange, with: text)
    }

    // MARK: - Change tracking

    /// The changes made after `version`, oldest first; nil when the log no longer reaches back that far.
    public func changes(since version: Int) -> [TextChange]? {
        if version == self.version { return [] }
        guard version < self.version, let first = changeLog.first, first.version <= version + 1 else { return nil }
        return Array(changeLog.drop { $0.version <= version })
    }

    /// The first line that may differ from the text at `version`: nil when nothing changed, 0 when
    /// the log does not reach back that far.
    public func firstChangedLine(since version: Int) -> Int? {
        guard let changes = changes(since: version) else { return 0 }
        return changes.map(\.firstLine).min()
    }

    // MARK: - Helpers

    /// Where `text` ends when inserted at `start`.
    public static func end(of text: String, from start: TextPosition) -> TextPosition {
        let breaks = text.lineBreakCount
        guard breaks > 0 else { return TextPosition(line: start.line, column: start.column + text.count) }
        let lastLine = text[text.index(after: text.lastIndex(of: "\n")!)...]
        return TextPosition(line: start.line + breaks, column: lastLine.count)
    }

    /// `text` split at `\n`, `\r\n` and `\r` (scanned as bytes: Swift treats `\r\n` as one character).
    static func splitLines(_ text: String) -> [String] {
        var result: [String] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var i = start
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                result.append(String(text[start..<i]))
                var next = bytes.index(after: i)
                if b == 0x0D, next < bytes.endIndex, bytes[next] == 0x0A { next = bytes.index(after: next) }
                i = next
                start = next
            } else {
                i = bytes.index(after: i)
            }
        }
        result.append(String(text[start..<bytes.endIndex]))
        return result
    }

    private static func allBreaksAreCRLF(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var sawBreak = false
        for b in text.utf8 {
            if b == 0x0A {
                if previous != 0x0D { return false }
                sawBreak = true
            }
            previous = b
        }
        return sawBreak
    }
}
