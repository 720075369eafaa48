import Testing
@testable import EditorCore

@Suite struct TextBufferTests {
    @Test func emptyTextIsOneEmptyLine() {
        let b = TextBuffer("")
        #expect(b.lineCount == 1)
        #expect(b.text == "")
        #expect(b.endPosition == .zero)
    }

    @Test func splitsAtEveryKindOfLineBreak() {
        #expect(TextBuffer("a\nb\r\nc\rd").lines == ["a", "b", "c", "d"])
        #expect(TextBuffer("a\n").lines == ["a", ""])
    }

    @Test func keepsCRLFWhenEveryBreakIsCRLF() {
        let b = TextBuffer("a\r\nb\r\n")
        #expect(b.lineEnding == .crlf)
        #expect(b.text == "a\r\nb\r\n")
        #expect(TextBuffer("a\r\nb\nc").lineEnding == .lf)
    }

    @Test func insertWithinALineAndAcrossLines() {
        var b = TextBuffer("hello world")
        b.insert(",", at: TextPosition(line: 0, column: 5))
        #expect(b.text == "hello, world")
        let change = b.insert("\nnew\nlines ", at: TextPosition(line: 0, column: 7))
        #expect(b.lines == ["hello, ", "new", "lines world"])
        #expect(change.newEnd == TextPosition(line: 2, column: 6))
        #expect(change.lineDelta == 2)
    }

    @Test func deleteAcrossLinesJoinsThem() {
        var b = TextBuffer("one\ntwo\nthree")
        let change = b.delete(TextRange(TextPosition(line: 0, column: 2), TextPosition(line: 2, column: 1)))
        #expect(b.text == "onhree")
        #expect(change.oldText == "e\ntwo\nt")
    }

    @Test func replaceNormalisesInsertedLineBreaks() {
        var b = TextBuffer("x")
        b.replace(b.fullRange, with: "a\r\nb\rc")
        #expect(b.lines == ["a", "b", "c"])
    }

    @Test func columnsCountGraphemeClusters() {
        let b = TextBuffer("e\u{301}🇫🇷👩‍👩‍👧中x")
        #expect(b.lineLength(0) == 5)
        #expect(b.character(at: TextPosition(line: 0, column: 1)) == "🇫🇷")
        #expect(b.character(at: TextPosition(line: 0, column: 4)) == "x")
        #expect(b.character(at: TextPosition(line: 0, column: 5)) == nil)
    }

    @Test func scalarOffsetsRoundTripForKernelPositions() {
        let b = TextBuffer("é = 1\n🇫🇷x = e\u{301}")
        let p = TextPosition(line: 1, column: 1)
        // "é = 1" is 5 scalars, the line break 1, the flag 2.
        #expect(b.scalarOffset(of: p) == 8)
        #expect(b.position(scalarOffset: 8) == p)
        // An offset inside the flag moves to its start.
        #expect(b.position(scalarOffset: 7) == TextPosition(line: 1, column: 0))
        #expect(b.position(scalarOffset: 10_000) == b.endPosition)
        #expect(b.scalarOffset(of: b.endPosition) == b.text.unicodeScalars.count)
    }

    @Test func utf16OffsetsRoundTrip() {
        let b = TextBuffer("a😀b\nc")
        #expect(b.utf16Offset(of: TextPosition(line: 0, column: 2)) == 3)
        #expect(b.position(utf16Offset: 3) == TextPosition(line: 0, column: 2))
        #expect(b.utf16Offset(of: TextPosition(line: 1, column: 1)) == 6)
    }

    @Test func versionsAndChangeRecordsTellWhereToReHighlight() {
        var b = TextBuffer((0..<100).map { "line \($0)" }.joined(separator: "\n"))
        let v0 = b.version
        b.insert("x", at: TextPosition(line: 40, column: 0))
        b.insert("y", at: TextPosition(line: 12, column: 3))
        #expect(b.version == v0 + 2)
        #expect(b.firstChangedLine(since: v0) == 12)
        #expect(b.firstChangedLine(since: b.version) == nil)
        #expect(b.changes(since: v0)?.map(\.newText) == ["x", "y"])
    }

    @Test func changeLogIsBoundedAndReportsWhenTooOld() {
        var b = TextBuffer("")
        for _ in 0..<(TextBuffer.changeLogLimit + 10) { b.insert("a", at: .zero) }
        #expect(b.changes(since: 0) == nil)
        #expect(b.firstChangedLine(since: 0) == 0)
        #expect(b.changes(since: b.version - 3)?.count == 3)
    }

    @Test func invertedChangeRestoresText() {
        var b = TextBuffer("abc\ndef")
        let change = b.replace(TextRange(TextPosition(line: 0, column: 1), TextPosition(line: 1, column: 2)), with: "XY\nZ")
        let inverse = change.inverted
        b.replace(inverse.range, with: inverse.newText)
        #expect(b.text == "abc\ndef")
    }

    @Test func clampsPositionsOutsideTheText() {
        let b = TextBuffer("ab\nc")
        #expect(b.clamp(TextPosition(line: 9, column: 9)) == TextPosition(line: 1, column: 1))
        #expect(b.clamp(TextPosition(line: -1, column: -4)) == .zero)
        #expect(b.text(in: TextRange(TextPosition(line: 0, column: 1), TextPosition(line: 5, column: 0))) == "b\n")
    }

    @Test func largeTextLoadsAndEditsInPlace() {
        let text = String(repeating: "0123456789 abcdefghij\n", count: 50_000)
        var b = TextBuffer(text)
        #expect(b.lineCount == 50_001)
        b.insert("X", at: TextPosition(line: 25_000, column: 5))
        #expect(b.line(25_000) == "01234X56789 abcdefghij")
        #expect(b.text.utf8.count == text.utf8.count + 1)
    }
}
