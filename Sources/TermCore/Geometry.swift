/// A cell position: `x` is the column, `y` the row, both from zero at the top left.
public struct Point: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }
    public static let zero = Point(x: 0, y: 0)
    public var description: String { "(\(x),\(y))" }
}

/// A size in cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = max(0, width); self.height = max(0, height) }
    public static let zero = Size(width: 0, height: 0)
    /// Number of cells.
    public var area: Int { width * height }
    public var description: String { "\(width)x\(height)" }
}

/// A rectangle of cells. Width and height are never negative.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var origin: Point
    public var size: Size

    public init(origin: Point, size: Size) { self.origin = origin; self.size = size }
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.init(origin: Point(x: x, y: y), size: Size(width: width, height: height))
    }
    /// A rectangle at the origin.
    public init(size: Size) { self.init(origin: .zero, size: size) }

    public var x: Int { origin.x }
    public var y: Int { origin.y }
    public var width: Int { size.width }
    public var height: Int { size.height }
    /// One past the last column.
    public var maxX: Int { origin.x + size.width }
    /// One past the last row.
    public var maxY: Int { origin.y + size.height }
    public var isEmpty: Bool { size.width == 0 || size.height == 0 }
    public var description: String { "\(origin)+\(size)" }

    /// Whether the cell at `p` lies inside.
    public func contains(_ p: Point) -> Bool { p.x >= x && p.x < maxX && p.y >= y && p.y < maxY }

    /// The overlap of two rectangles (empty, at the clamped origin, when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(maxX, other.maxX), y1 = min(maxY, other.maxY)
        return Rect(x: x0, y: y0, width: max(0, x1 - x0), height: max(0, y1 - y0))
    }

    /// The rectangle shrunk by `n` cells on every side.
    public func inset(by n: Int) -> Rect { inset(top: n, left: n, bottom: n, right: n) }

    /// The rectangle shrunk by the given amounts, never below zero size.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    /// The rows of the rectangle split top to bottom by `constraints`.
    public func rows(_ constraints: [Constraint]) -> [Rect] {
        Constraint.solve(constraints, total: height).map { Rect(x: x, y: y + $0.offset, width: width, height: $0.length) }
    }

    /// The columns of the rectangle split left to right by `constraints`.
    public func columns(_ constraints: [Constraint]) -> [Rect] {
        Constraint.solve(constraints, total: width).map { Rect(x: x + $0.offset, y: y, width: $0.length, height: height) }
    }
}

/// How much of a row or column split one part takes.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (less when there is not enough room).
    case fixed(Int)
    /// This percentage of the whole (rounded down).
    case percent(Int)
    /// A share of what is left after fixed and percent parts; weights divide the rest.
    case fill(Int)

    /// Lengths and offsets for `constraints` over `total` cells. Fixed and percent parts are served in
    /// order until space runs out; the remainder goes to fill parts by weight, the rounding remainder to
    /// the first ones. The lengths never add up to more than `total`.
    public static func solve(_ constraints: [Constraint], total: Int) -> [(offset: Int, length: Int)] {
        let total = max(0, total)
        var lengths = [Int](repeating: 0, count: constraints.count)
        var left = total
        for (i, c) in constraints.enumerated() {
            switch c {
            case let .fixed(n): lengths[i] = min(max(0, n), left)
            case let .percent(p): lengths[i] = min(total * min(max(0, p), 100) / 100, left)
            case .fill: continue
            }
            left -= lengths[i]
        }
        let weights = constraints.map { if case let .fill(w) = $0 { return max(0, w) } else { return 0 } }
        let weightSum = weights.reduce(0, +)
        if weightSum > 0 {
            var given = 0
            for i in constraints.indices where weights[i] > 0 {
                lengths[i] = left * weights[i] / weightSum
                given += lengths[i]
            }
            var extra = left - given
            for i in constraints.indices where weights[i] > 0 && extra > 0 {
                lengths[i] += 1
                extra -= 1
            }
        }
        var offset = 0
        return lengths.map { len in defer { offset += len }; return (offset, len) }
    }
}
