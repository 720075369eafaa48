import EditorCore
import TermCore
import Testing

@Suite struct LayoutTreeTests {
    let geometry = LayoutGeometry(minimumPane: Size(width: 8, height: 3))
    let g0 = GroupID(0), g1 = GroupID(1), g2 = GroupID(2)
    let screen = Rect(x: 0, y: 0, width: 81, height: 24)

    @Test func aSingleGroupTakesTheWholeRectangle() {
        let f = geometry.frames(.group(g0), in: screen)
        #expect(f.groups == [g0: screen])
        #expect(f.borders.isEmpty)
    }

    @Test func splitRightSharesTheWidthAroundAOneColumnBorder() {
        let tree = LayoutNode.split(.horizontal, ratio: 0.5, first: .group(g0), second: .group(g1))
        let f = geometry.frames(tree, in: screen)
        #expect(f.groups[g0] == Rect(x: 0, y: 0, width: 40, height: 24))
        #expect(f.groups[g1] == Rect(x: 41, y: 0, width: 40, height: 24))
        #expect(f.borders.map(\.rect) == [Rect(x: 40, y: 0, width: 1, height: 24)])
    }

    @Test func splitDownSharesTheHeight() {
        let tree = LayoutNode.split(.vertical, ratio: 0.25, first: .group(g0), second: .group(g1))
        let f = geometry.frames(tree, in: Rect(x: 2, y: 1, width: 30, height: 21))
        #expect(f.groups[g0] == Rect(x: 2, y: 1, width: 30, height: 5))
        #expect(f.borders.first?.rect == Rect(x: 2, y: 6, width: 30, height: 1))
        #expect(f.groups[g1] == Rect(x: 2, y: 7, width: 30, height: 15))
    }

    @Test func nestedSplitsTileWithoutOverlapOrGaps() {
        let tree = LayoutNode.split(.horizontal, ratio: 0.5, first: .group(g0),
                                    second: .split(.vertical, ratio: 0.5, first: .group(g1), second: .group(g2)))
        let f = geometry.frames(tree, in: screen)
        var covered = 0
        for r in f.groups.values { covered += r.size.area }
        for b in f.borders { covered += b.rect.size.area }
        #expect(covered == screen.size.area)
        #expect(f.groups[g1]!.maxX == screen.maxX && f.groups[g2]!.maxY == screen.maxY)
        #expect(f.groups[g1]!.maxY + 1 == f.groups[g2]!.y)
        #expect(tree.groups == [g0, g1, g2])
    }

    @Test func minimumSizesWinOverTheRatio() {
        let tree = LayoutNode.split(.horizontal, ratio: 0.01, first: .group(g0), second: .group(g1))
        let f = geometry.frames(tree, in: screen)
        #expect(f.groups[g0]!.width == 8)
        let squeezed = LayoutNode.split(.horizontal, ratio: 0.99, first: .group(g0), second: .group(g1))
        #expect(geometry.frames(squeezed, in: screen).groups[g1]!.width == 8)
    }

    @Test func tooLittleRoomFallsBackToTheRatioWithoutOverlap() {
        let tree = LayoutNode.split(.horizontal, ratio: 0.5, first: .group(g0), second: .group(g1))
        let f = geometry.frames(tree, in: Rect(x: 0, y: 0, width: 9, height: 5))
        #expect(f.groups[g0]!.width + 1 + f.groups[g1]!.width == 9)
    }

    @Test func borderHitTestAndDragChangeTheRatio() {
        let tree = LayoutNode.split(.horizontal, ratio: 0.5, first: .group(g0), second: .group(g1))
        let f = geometry.frames(tree, in: screen)
        #expect(f.border(at: Point(x: 40, y: 10))?.path == [])
        #expect(f.border(at: Point(x: 39, y: 10)) == nil)
        #expect(f.group(at: Point(x: 39, y: 10)) == g0)
        let dragged = geometry.dragging(tree, borderAt: [], to: Point(x: 20, y: 3), in: screen)
        #expect(geometry.frames(dragged, in: screen).groups[g0]!.width == 20)
        let tooFar = geometry.dragging(tree, borderAt: [], to: Point(x: 79, y: 3), in: screen)
        #expect(geometry.frames(tooFar, in: screen).groups[g1]!.width == 8)
    }

    @Test func resizingGrowsTheFocusedSideOfTheNearestSplit() {
        let tree = LayoutNode.split(.horizontal, ratio: 0.5, first: .group(g0),
                                    second: .split(.vertical, ratio: 0.5, first: .group(g1), second: .group(g2)))
        let grownRight = geometry.resizing(tree, group: g2, by: 2, in: screen)
        #expect(geometry.frames(grownRight, in: screen).groups[g2]!.height == 13)
        let wider = geometry.resizing(tree, group: g2, by: 5, axis: .horizontal, in: screen)
        #expect(geometry.frames(wider, in: screen).groups[g2]!.width == 45)
        let shrunkLeft = geometry.resizing(tree, group: g0, by: -10, in: screen)
        #expect(geometry.frames(shrunkLeft, in: screen).groups[g0]!.width == 30)
    }

    @Test func neighboursAreFoundGeometrically() {
        // g0 | (g1 over g2)
        let tree = LayoutNode.split(.horizontal, ratio: 0.5, first: .group(g0),
                                    second: .split(.vertical, ratio: 0.3, first: .group(g1), second: .group(g2)))
        let f = geometry.frames(tree, in: screen)
        #expect(geometry.neighbour(of: g0, .right, frames: f) == g2) // g2 overlaps g0 more
        #expect(geometry.neighbour(of: g1, .left, frames: f) == g0)
        #expect(geometry.neighbour(of: g1, .down, frames: f) == g2)
        #expect(geometry.neighbour(of: g2, .up, frames: f) == g1)
        #expect(geometry.neighbour(of: g0, .left, frames: f) == nil)
        #expect(geometry.neighbour(of: g0, .up, frames: f) == nil)
    }

    @Test func equalizeGivesPanesAlongAnAxisTheSameRoom() {
        let tree = LayoutNode.split(.horizontal, ratio: 0.9, first: .group(g0),
                                    second: .split(.horizontal, ratio: 0.1, first: .group(g1), second: .group(g2)))
        let f = geometry.frames(tree.equalized, in: Rect(x: 0, y: 0, width: 62, height: 10))
        #expect([f.groups[g0]!.width, f.groups[g1]!.width, f.groups[g2]!.width] == [20, 20, 20])
    }
}
