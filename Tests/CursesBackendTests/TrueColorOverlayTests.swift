import Testing
import TermCore
@testable import CursesBackend

@Suite struct TrueColorOverlayTests {
    let orange = Style(foreground: .rgb(255, 135, 0), background: .rgb(1, 2, 3), attributes: .bold)

    @Test func writesRGBCellsAtTheirPlaceAndPutsTheCursorBack() {
        var o = TrueColorOverlay()
        o.drew(Cell("a"), style: orange, at: Point(x: 3, y: 1))
        o.drew(Cell("b"), style: orange, at: Point(x: 4, y: 1))
        o.drew(Cell("c"), style: Style(foreground: .indexed(196)), at: Point(x: 5, y: 1))
        let out = o.takeOutput(cursor: Point(x: 0, y: 5))
        #expect(out == "\u{1b}[2;4H\u{1b}[0;1;38;2;255;135;0;48;2;1;2;3mab\u{1b}[0m\u{1b}[6;1H")
        #expect(o.takeOutput(cursor: .zero) == "", "nothing new")
    }

    @Test func aCellThatLosesItsRGBIsLeftToNcursesAndARepaintWritesAllAgain() {
        var o = TrueColorOverlay()
        o.drew(Cell("a"), style: orange, at: Point(x: 0, y: 0))
        o.drew(Cell("b"), style: orange, at: Point(x: 2, y: 0))
        _ = o.takeOutput(cursor: .zero)
        o.drew(Cell("a"), style: Style(), at: Point(x: 0, y: 0))
        #expect(o.takeOutput(cursor: .zero) == "")
        o.willRepaintAll()
        #expect(o.takeOutput(cursor: .zero) == "\u{1b}[1;3H\u{1b}[0;1;38;2;255;135;0;48;2;1;2;3mb\u{1b}[0m\u{1b}[1;1H")
    }

    @Test func wideCharactersArePositionedOneByOne() {
        var o = TrueColorOverlay()
        o.drew(Cell("日", width: 2), style: orange, at: Point(x: 0, y: 0))
        o.drew(Cell("x"), style: orange, at: Point(x: 2, y: 0))
        #expect(o.takeOutput(cursor: .zero).contains("日\u{1b}[1;3Hx"))
    }

    @Test func sgrCoversIndexedAndDefaultColours() {
        #expect(TrueColorOverlay.sgr(Style(foreground: .indexed(3), background: .indexed(12))) == "\u{1b}[0;33;104m")
        #expect(TrueColorOverlay.sgr(Style(foreground: .indexed(200), background: .default, attributes: [.italic, .underline, .reverse])) == "\u{1b}[0;3;4;7;38;5;200m")
    }
}
