import Testing
import TestSupport
@testable import TermCore

@Suite struct CellBufferTests {
    @Test func drawsAndClipsASCII() {
        var b = CellBuffer(size: Size(width: 8, height: 2))
        let end = b.draw("hello world", at: Point(x: 2, y: 0))
        #expect(end == 8)
        #expect(b.rowStrings == ["  hello ", "        "].map { String($0.prefix(8)) }.enumerated().map { $0.offset == 0 ? "  hello " : $0.element })
        b.draw("xyz", at: Point(x: -1, y: 1))
        #expect(b.rowStrings[1] == "yz      ")
        b.draw("zz", at: Point(x: 0, y: 5))
        #expect(b.rowStrings.count == 2)
    }

    @Test func wideCharactersUseContinuationCells() {
        var b = CellBuffer(size: Size(width: 6, height: 1))
        b.draw("日本", at: Point(x: 1, y: 0))
        #expect(b.rowStrings == [" 日本 "])
        #expect(b[1, 0].width == 2 && b[2, 0].isContinuation && b[3, 0].grapheme == "本")
    }

    @Test func wideCharacterCutAtEdgeBecomesSpace() {
        var b = CellBuffer(size: Size(width: 5, height: 1), fill: Cell("."))
        b.draw("日本語", at: Point(x: 0, y: 0))
        #expect(b.rowStrings == ["日本 "])
        var c = CellBuffer(size: Size(width: 5, height: 1), fill: Cell("."))
        c.draw("日本", at: Point(x: 0, y: 0), clip: Rect(x: 1, y: 0, width: 3, height: 1))
        #expect(c.rowStrings == [". 本."])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var b = CellBuffer(size: Size(width: 6, height: 1))
        b.draw("日本語", at: .zero)
        b.draw("x", at: Point(x: 1, y: 0))
        #expect(b.rowStrings == [" x本語"])
        b.draw("y", at: Point(x: 2, y: 0))
        #expect(b.rowStrings == [" xy 語"])
        b.draw("😀", at: Point(x: 3, y: 0))
        #expect(b.rowStrings == [" xy😀 "])
    }

    @Test func styleMergesColoursAndReplacesAttributes() {
        var b = CellBuffer(size: Size(width: 4, height: 1))
        b.fill(b.bounds, with: .blank(Style(background: .indexed(4))))
        b.draw("ab", at: .zero, style: Style(foreground: .indexed(1), attributes: .bold))
        #expect(b[0, 0].style == Style(foreground: .indexed(1), background: .indexed(4), attributes: .bold))
        #expect(b[3, 0].style == Style(background: .indexed(4)))
        b.setStyle(Rect(x: 0, y: 0, width: 1, height: 1), Style(attributes: .reverse))
        #expect(b[0, 0].style.attributes == [.bold, .reverse])
    }

    @Test func skipsControlsAndLoneCombiningMarks() {
        var b = CellBuffer(size: Size(width: 6, height: 1))
        b.draw("a\u{1b}[31mb\u{301}\u{7}", at: .zero)
        #expect(b.rowStrings == ["a[31mb\u{301}"])
    }

    @Test func fillWithWideCell() {
        var b = CellBuffer(size: Size(width: 5, height: 1))
        b.fill(b.bounds, with: Cell("字", width: 2))
        #expect(b.rowStrings == ["字字 "])
    }

    @Test func resizeKeepsOverlapAndNeverLeavesHalfAWideChar() {
        var b = CellBuffer(size: Size(width: 4, height: 2))
        b.draw("ab日", at: .zero)
        b.resize(to: Size(width: 3, height: 3))
        #expect(b.rowStrings == ["ab ", "   ", "   "])
    }

    @Test func boxWithTitleSnapshot() {
        var b = CellBuffer(size: Size(width: 16, height: 5))
        let inner = b.drawBox(b.bounds, border: .rounded, style: Style(foreground: .indexed(6)),
                              title: Line("Notebook 日本語 long title", style: Style(attributes: .bold)))
        #expect(inner == Rect(x: 1, y: 1, width: 14, height: 3))
        b.draw(Text("first line\nsecond line is long"), in: inner)
        Snapshot.assert(b, named: "box-with-title", styled: true)
    }
}
