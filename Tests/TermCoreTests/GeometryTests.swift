import Testing
@testable import TermCore

@Suite struct GeometryTests {
    @Test func intersectionAndInset() {
        let a = Rect(x: 0, y: 0, width: 10, height: 5)
        #expect(a.intersection(Rect(x: 5, y: 3, width: 10, height: 10)) == Rect(x: 5, y: 3, width: 5, height: 2))
        #expect(a.intersection(Rect(x: 20, y: 20, width: 2, height: 2)).isEmpty)
        #expect(a.inset(by: 1) == Rect(x: 1, y: 1, width: 8, height: 3))
        #expect(a.inset(by: 4).size == Size(width: 2, height: 0))
        #expect(a.contains(Point(x: 9, y: 4)))
        #expect(!a.contains(Point(x: 10, y: 4)))
    }

    @Test func rowsSplitFixedPercentFill() {
        let r = Rect(x: 2, y: 1, width: 40, height: 20)
        let parts = r.rows([.fixed(1), .fill(1), .percent(25), .fixed(1)])
        #expect(parts.map(\.height) == [1, 13, 5, 1])
        #expect(parts.map(\.y) == [1, 2, 15, 20])
        #expect(parts.allSatisfy { $0.x == 2 && $0.width == 40 })
    }

    @Test func columnsFillWeightsShareRemainder() {
        let parts = Rect(x: 0, y: 0, width: 10, height: 3).columns([.fill(1), .fill(2)])
        #expect(parts.map(\.width) == [4, 6])
        #expect(parts.map(\.x) == [0, 4])
        let even = Rect(x: 0, y: 0, width: 11, height: 1).columns([.fill(1), .fill(1), .fill(1)])
        #expect(even.map(\.width) == [4, 4, 3])
    }

    @Test func constraintsNeverExceedTotal() {
        let parts = Rect(x: 0, y: 0, width: 5, height: 1).columns([.fixed(4), .fixed(4), .percent(50), .fill(1)])
        #expect(parts.map(\.width) == [4, 1, 0, 0])
        #expect(parts.map(\.width).reduce(0, +) <= 5)
        #expect(Constraint.solve([.fixed(-3), .percent(400)], total: 10).map(\.length) == [0, 10])
    }
}
