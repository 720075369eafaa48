import Testing
@testable import TermCore

/// Which pictures a frame can show in pixels: whole, in place, and not drawn over.
@Suite struct GraphicsPlacementTests {
    func picture(columns: Int = 4, rows: Int = 3) -> (GraphicsSource, [Line]) {
        let source = GraphicsSource(columns: columns, rows: rows, imageID: 7) { _ in GraphicsDrawing(place: "img") }
        let lines = (0..<rows).map { r -> Line in
            var line = Line(String(repeating: "▀", count: columns))
            line.picture = PictureRow(source: source, row: r)
            return line
        }
        return (source, lines)
    }

    @Test func aWholePictureIsPlaced() {
        var buffer = CellBuffer(size: Size(width: 20, height: 10))
        let (source, lines) = picture()
        for (i, l) in lines.enumerated() { buffer.draw(l, at: Point(x: 2, y: 3 + i)) }
        #expect(buffer.graphicsPlacements() == [GraphicsPlacement(source: source, rect: Rect(x: 2, y: 3, width: 4, height: 3))])
    }

    @Test func aPictureScrolledPartlyOutShowsTheRowsInView() {
        let (source, lines) = picture()
        var clipped = CellBuffer(size: Size(width: 20, height: 10))
        let clip = Rect(x: 0, y: 0, width: 20, height: 4)
        for (i, l) in lines.enumerated() { clipped.draw(l, at: Point(x: 2, y: 2 + i), clip: clip) }
        #expect(clipped.graphicsPlacements() == [GraphicsPlacement(source: source, rect: Rect(x: 2, y: 2, width: 4, height: 2), rows: 0..<2)])
        var top = CellBuffer(size: Size(width: 20, height: 10))
        for (i, l) in lines.enumerated().dropFirst() { top.draw(l, at: Point(x: 2, y: i - 1)) }
        #expect(top.graphicsPlacements() == [GraphicsPlacement(source: source, rect: Rect(x: 2, y: 0, width: 4, height: 2), rows: 1..<3)])
    }

    @Test func aPictureCutSidewaysOrOutOfOrderIsNot() {
        let (_, lines) = picture()
        var narrow = CellBuffer(size: Size(width: 20, height: 10))
        for (i, l) in lines.enumerated() { narrow.draw(l, at: Point(x: 2, y: 2 + i), clip: Rect(x: 0, y: 0, width: 5, height: 10)) }
        #expect(narrow.graphicsPlacements().isEmpty)
        var gap = CellBuffer(size: Size(width: 20, height: 10))
        for (i, l) in lines.enumerated() { gap.draw(l, at: Point(x: 2, y: 2 + i * 2)) }
        #expect(gap.graphicsPlacements().isEmpty)
    }

    @Test func somethingDrawnOverItHidesThePixels() {
        var buffer = CellBuffer(size: Size(width: 20, height: 10))
        let (_, lines) = picture()
        for (i, l) in lines.enumerated() { buffer.draw(l, at: Point(x: 2, y: 3 + i)) }
        buffer.draw("popup", at: Point(x: 4, y: 4))
        #expect(buffer.graphicsPlacements().isEmpty)
        buffer.clear()
        #expect(buffer.pictureRows.isEmpty)
    }
}
