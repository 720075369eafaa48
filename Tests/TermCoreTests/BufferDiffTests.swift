import Testing
@testable import TermCore

@Suite struct BufferDiffTests {
    @Test func noPreviousIsFull() {
        let b = CellBuffer(size: Size(width: 3, height: 2))
        let d = b.diff(from: nil)
        #expect(d.isFull && d.runs.count == 2 && d.cellCount == 6)
        #expect(b.diff(from: CellBuffer(size: Size(width: 2, height: 2))).isFull)
    }

    @Test func identicalIsEmpty() {
        var b = CellBuffer(size: Size(width: 10, height: 3))
        b.draw("same", at: Point(x: 1, y: 1))
        #expect(b.diff(from: b).isEmpty)
    }

    @Test func changedRunsOnly() {
        let old = CellBuffer(size: Size(width: 10, height: 2))
        var new = old
        new.draw("ab", at: Point(x: 2, y: 0))
        new.draw("z", at: Point(x: 7, y: 0))
        new.draw("q", at: Point(x: 0, y: 1), style: Style(attributes: .bold))
        let d = new.diff(from: old)
        #expect(d.runs.map { [$0.row, $0.column, $0.cells.count] } == [[0, 2, 2], [0, 7, 1], [1, 0, 1]])
        #expect(d.runs[0].cells.map(\.grapheme) == ["a", "b"])
    }

    @Test func styleOnlyChangeIsAChange() {
        var old = CellBuffer(size: Size(width: 4, height: 1))
        old.draw("abcd", at: .zero)
        var new = old
        new.setStyle(Rect(x: 1, y: 0, width: 2, height: 1), Style(foreground: .indexed(2)))
        #expect(new.diff(from: old).runs.map { [$0.column, $0.cells.count] } == [[1, 2]])
    }

    @Test func wideCharacterRunStartsAtItsHead() {
        var old = CellBuffer(size: Size(width: 6, height: 1))
        old.draw("日本", at: .zero)
        var new = old
        new.draw("日語", at: .zero)
        let d = new.diff(from: old)
        #expect(d.runs.map { [$0.column, $0.cells.count] } == [[2, 2]])
        #expect(d.runs[0].cells[0].grapheme == "語" && d.runs[0].cells[1].isContinuation)
        // Style change only on the continuation half still redraws from the head.
        var styled = old
        styled[3, 0] = Cell.continuation(Style(attributes: .bold))
        #expect(styled.diff(from: old).runs.first?.column == 2)
    }

    @Test func applyingTheDiffReproducesTheFrame() {
        var old = CellBuffer(size: Size(width: 12, height: 3))
        old.draw("hello 世界", at: .zero)
        old.draw("🇫🇷 flag", at: Point(x: 2, y: 2))
        var new = CellBuffer(size: old.size)
        new.draw("help 世界!", at: .zero, style: Style(foreground: .rgb(1, 2, 3)))
        new.draw("x😀y", at: Point(x: 5, y: 1))
        var screen = old
        screen.apply(new.diff(from: old))
        #expect(screen == new)
    }

    @Test func screenPresentsOnlyChangesThroughTheBackend() {
        let backend = MemoryBackend(size: Size(width: 20, height: 4))
        let screen = Screen(backend: backend)
        var frame = screen.makeFrame()
        frame.draw("status", at: Point(x: 0, y: 3), style: Style(foreground: .rgb(250, 0, 0)))
        #expect(screen.present(frame, cursor: Point(x: 1, y: 1)).isFull)
        #expect(backend.screen == frame && backend.cursor == Point(x: 1, y: 1))
        frame.draw("S", at: Point(x: 0, y: 3))
        let second = screen.present(frame)
        #expect(second.cellCount == 1 && backend.screen == frame && backend.cursor == nil && backend.flushCount == 2)
        backend.capabilities.colorDepth = .ansi16
        screen.invalidate()
        screen.present(frame)
        #expect(backend.screen[1, 3].style.foreground == .indexed(9))
    }
}
