import Testing
import TermCore
@testable import CursesBackend

/// When pictures are written, and which rows ncurses must repaint under sixels that went away.
@Suite struct GraphicsOverlayTests {
    let screen = Size(width: 80, height: 24)
    let source = GraphicsSource(columns: 10, rows: 4, imageID: 42) { r in
        GraphicsDrawing(transmit: r.graphics == .kitty ? "<data>" : "",
                        place: "<\(r.graphics.rawValue) \(r.cellPixels.width)x\(r.cellPixels.height) \(r.rows)>")
    }

    func place(_ y: Int) -> [GraphicsPlacement] { [GraphicsPlacement(source: source, rect: Rect(x: 5, y: y, width: 10, height: 4))] }

    @Test func sixelIsWrittenOnceThenAgainWhenMovedOrDamaged() {
        var o = GraphicsOverlay(graphics: .sixel, cellPixels: Size(width: 9, height: 18))
        o.show(place(2), screen: screen)
        #expect(o.rowsToRepaint().isEmpty)
        #expect(o.takeOutput(cursor: Point(x: 0, y: 0)) == "\u{1b}[3;6H<sixel 9x18 0..<4>\u{1b}[1;1H")
        o.show(place(2), screen: screen)
        #expect(o.takeOutput(cursor: .zero) == "", "unchanged: nothing to write")
        // Scrolled: the old rows are repainted by ncurses, the picture drawn at its new place.
        o.show(place(5), screen: screen)
        #expect(o.rowsToRepaint() == [2..<6])
        #expect(o.takeOutput(cursor: .zero).hasPrefix("\u{1b}[6;6H<sixel"))
        // Text drawn over its cells (ncurses erased those pixels): written again.
        o.show(place(5), screen: screen)
        o.damaged(row: 6, columns: 0..<8)
        #expect(o.takeOutput(cursor: .zero).contains("<sixel"))
        // Gone: its rows repainted, nothing written.
        o.show([], screen: screen)
        #expect(o.rowsToRepaint() == [5..<9])
        #expect(o.takeOutput(cursor: .zero) == "")
    }

    @Test func kittyDataGoesOnceAndPicturesAreDeletedByIDAndNotHurtByText() {
        var o = GraphicsOverlay(graphics: .kitty, cellPixels: Size(width: 9, height: 18))
        o.show(place(2), screen: screen)
        #expect(o.takeOutput(cursor: .zero).hasPrefix("<data>\u{1b}[3;6H<kitty 9x18 0..<4>"))
        o.show(place(2), screen: screen)
        o.damaged(row: 3, columns: 0..<80)
        #expect(o.takeOutput(cursor: .zero) == "")
        // Scrolled partly out of view: placed again with the rows in view, the data not sent again.
        o.show([GraphicsPlacement(source: source, rect: Rect(x: 5, y: 0, width: 10, height: 3), rows: 1..<4)], screen: screen)
        #expect(o.takeOutput(cursor: .zero) == "\u{1b}[1;6H<kitty 9x18 1..<4>\u{1b}[1;1H")
        o.show([], screen: screen)
        #expect(o.rowsToRepaint().isEmpty)
        #expect(o.takeOutput(cursor: .zero).contains("\u{1b}_Ga=d,d=I,i=42"))
        o.show(place(2), screen: screen)
        #expect(o.takeOutput(cursor: .zero).hasPrefix("<data>"), "deleted with its data: sent again")
        #expect(o.takeClearing() == "\u{1b}_Ga=d,d=A,q=2\u{1b}\\")
    }

    @Test func theSameImageShownTwiceIsPlacedTwiceAndRemovedOneAtATime() {
        let twin = GraphicsSource(columns: 10, rows: 4, imageID: 42) { r in GraphicsDrawing(transmit: "<data>", place: "<p\(r.placementID)>") }
        let first = GraphicsSource(columns: 10, rows: 4, imageID: 42) { r in GraphicsDrawing(transmit: "<data>", place: "<p\(r.placementID)>") }
        #expect(twin.placementID != first.placementID)
        var o = GraphicsOverlay(graphics: .kitty, cellPixels: Size(width: 9, height: 18))
        let a = GraphicsPlacement(source: first, rect: Rect(x: 0, y: 1, width: 10, height: 4))
        let b = GraphicsPlacement(source: twin, rect: Rect(x: 0, y: 8, width: 10, height: 4))
        o.show([a, b], screen: screen)
        let out = o.takeOutput(cursor: .zero)
        #expect(out.components(separatedBy: "<data>").count == 2, "one transmission for both")
        #expect(out.contains("<p\(first.placementID)>") && out.contains("<p\(twin.placementID)>"))
        o.show([b], screen: screen)
        #expect(o.takeOutput(cursor: .zero) == KittyDelete.placement(first.placementID, of: 42) + "\u{1b}[1;1H", "only that placement goes")
        o.show([], screen: screen)
        #expect(o.takeOutput(cursor: .zero) == KittyDelete.image(42) + "\u{1b}[1;1H")
    }

    @Test func aFullRepaintWritesEverythingAgainAndTheLastRowIsAvoided() {
        var o = GraphicsOverlay(graphics: .sixel, cellPixels: Size(width: 9, height: 18))
        o.show(place(2), screen: screen)
        _ = o.takeOutput(cursor: .zero)
        o.show(place(2), screen: screen)
        o.willRepaintAll()
        #expect(o.takeOutput(cursor: .zero).contains("<sixel"))
        o.show(place(20), screen: screen)
        #expect(o.takeOutput(cursor: .zero) == "", "a picture on the last row could scroll the screen")
    }
}
