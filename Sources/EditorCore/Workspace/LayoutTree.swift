import TermCore

/// Identifies a tab group (one pane of the workspace).
public struct GroupID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public var description: String { "g\(rawValue)" }
    public static func < (lhs: GroupID, rhs: GroupID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How a split lays out its two children.
public enum SplitAxis: Hashable, Sendable {
    /// Side by side, a vertical border between them (split right).
    case horizontal
    /// One above the other, a horizontal border between them (split down).
    case vertical
}

/// A direction on the screen.
public enum Direction: Hashable, Sendable, CaseIterable {
    case left, right, up, down

    /// The axis along which this direction moves.
    public var axis: SplitAxis { self == .left || self == .right ? .horizontal : .vertical }
    /// Whether it moves toward the second child of a split (right or down).
    var towardSecond: Bool { self == .right || self == .down }
}

/// The split tree of the workspace, as in tmux's `layout.c`: every inner node splits its rectangle
/// in two along an axis at a ratio, every leaf is a tab group. Any depth is allowed.
///
/// Geometry is pure: `frames(in:)` turns the tree and a rectangle into the rectangle of every
/// group and every border, honouring minimum pane sizes where the room allows. Borders are one cell
/// wide and belong to the split they separate, so dragging one changes that split's ratio.
public indirect enum LayoutNode: Hashable, Sendable {
    case group(GroupID)
    /// `ratio` is the share of the room (without the border) given to `first`.
    case split(SplitAxis, ratio: Double, first: LayoutNode, second: LayoutNode)

    /// The groups from left to right, top to bottom.
    public var groups: [GroupID] {
        switch self {
        case let .group(g): return [g]
        case let .split(_, _, a, b): return a.groups + b.groups
        }
    }

    /// Whether `group` is a leaf of this tree.
    public func contains(_ group: GroupID) -> Bool {
        switch self {
        case let .group(g): return g == group
        case let .split(_, _, a, b): return a.contains(group) || b.contains(group)
        }
    }

    /// The smallest size this subtree can be laid out in without squeezing a pane below `minimum`.
    public func minimumSize(_ minimum: Size) -> Size {
        switch self {
        case .group: return minimum
        case let .split(axis, _, a, b):
            let ma = a.minimumSize(minimum), mb = b.minimumSize(minimum)
            return axis == .horizontal
                ? Size(width: ma.width + 1 + mb.width, height: max(ma.height, mb.height))
                : Size(width: max(ma.width, mb.width), height: ma.height + 1 + mb.height)
        }
    }

    /// The node at `path` (0 = first child, 1 = second), if any.
    public func node(at path: [Int]) -> LayoutNode? {
        guard let step = path.first else { return self }
        guard case let .split(_, _, a, b) = self else { return nil }
        return (step == 0 ? a : b).node(at: Array(path.dropFirst()))
    }

    /// The path to `group`'s leaf.
    public func path(to group: GroupID) -> [Int]? {
        switch self {
        case let .group(g): return g == group ? [] : nil
        case let .split(_, _, a, b):
            if let p = a.path(to: group) { return [0] + p }
            if let p = b.path(to: group) { return [1] + p }
            return nil
        }
    }

    /// This tree with the node at `path` replaced by `transform(node)`.
    public func replacing(at path: [Int], _ transform: (LayoutNode) -> LayoutNode) -> LayoutNode {
        guard let step = path.first else { return transform(self) }
        guard case let .split(axis, ratio, a, b) = self else { return self }
        let rest = Array(path.dropFirst())
        return step == 0
            ? .split(axis, ratio: ratio, first: a.replacing(at: rest, transform), second: b)
            : .split(axis, ratio: ratio, first: a, second: b.replacing(at: rest, transform))
    }

    /// The number of panes this subtree puts side by side along `axis` (for equal sizes).
    func weight(along axis: SplitAxis) -> Int {
        guard case let .split(a, _, first, second) = self, a == axis else { return 1 }
        return first.weight(along: axis) + second.weight(along: axis)
    }

    /// Every split's ratio set so that panes side by side along the same axis get equal room.
    public var equalized: LayoutNode {
        guard case let .split(axis, _, a, b) = self else { return self }
        let wa = Double(a.weight(along: axis)), wb = Double(b.weight(along: axis))
        return .split(axis, ratio: wa / (wa + wb), first: a.equalized, second: b.equalized)
    }
}

/// A border between the two children of a split: the cells of the line, the split it belongs to,
/// and the rectangle the split occupies (to turn a drag position into a ratio).
public struct SplitBorder: Hashable, Sendable {
    /// The path of the split node in the tree.
    public var path: [Int]
    public var axis: SplitAxis
    /// The border's cells: one column (horizontal axis) or one row (vertical axis).
    public var rect: Rect
    /// The whole rectangle of the split, border included.
    public var splitRect: Rect
}

/// Where everything of a layout goes in a rectangle.
public struct LayoutFrames: Hashable, Sendable {
    /// Each group's rectangle (tab bar and body).
    public var groups: [GroupID: Rect] = [:]
    /// Every border line.
    public var borders: [SplitBorder] = []
    /// Each split's rectangle by path.
    public var splits: [[Int]: Rect] = [:]

    /// The border whose cells contain `point`, if any.
    public func border(at point: Point) -> SplitBorder? {
        borders.first { $0.rect.contains(point) }
    }

    /// The group whose rectangle contains `point`, if any.
    public func group(at point: Point) -> GroupID? {
        groups.first { $0.value.contains(point) }?.key
    }
}
