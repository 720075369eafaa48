import TermCore

/// Pure geometry of a `LayoutNode`: rectangles for groups and borders, and ratio changes in cells.
public struct LayoutGeometry: Sendable {
    /// The smallest pane: room for a tab bar and a few columns and rows of content.
    public var minimumPane: Size

    public init(minimumPane: Size = Size(width: 8, height: 3)) { self.minimumPane = minimumPane }

    /// The rectangles of every group and border of `node` laid out in `rect`.
    public func frames(_ node: LayoutNode, in rect: Rect) -> LayoutFrames {
        var frames = LayoutFrames()
        place(node, in: rect, path: [], into: &frames)
        return frames
    }

    private func place(_ node: LayoutNode, in rect: Rect, path: [Int], into frames: inout LayoutFrames) {
        switch node {
        case let .group(g):
            frames.groups[g] = rect
        case let .split(axis, ratio, a, b):
            frames.splits[path] = rect
            let (firstLength, room) = firstLength(axis: axis, ratio: ratio, first: a, second: b, in: rect)
            if axis == .horizontal {
                let border = Rect(x: rect.x + firstLength, y: rect.y, width: room > 0 ? 1 : 0, height: rect.height)
                frames.borders.append(SplitBorder(path: path, axis: axis, rect: border, splitRect: rect))
                place(a, in: Rect(x: rect.x, y: rect.y, width: firstLength, height: rect.height), path: path + [0], into: &frames)
                place(b, in: Rect(x: border.maxX, y: rect.y, width: room - firstLength, height: rect.height), path: path + [1], into: &frames)
            } else {
                let border = Rect(x: rect.x, y: rect.y + firstLength, width: rect.width, height: room > 0 ? 1 : 0)
                frames.borders.append(SplitBorder(path: path, axis: axis, rect: border, splitRect: rect))
                place(a, in: Rect(x: rect.x, y: rect.y, width: rect.width, height: firstLength), path: path + [0], into: &frames)
                place(b, in: Rect(x: rect.x, y: border.maxY, width: rect.width, height: room - firstLength), path: path + [1], into: &frames)
            }
        }
    }

    /// The first child's length along the axis and the room shared by both children (the split's
    /// length minus the border). The ratio is honoured unless a child would go below its minimum;
    /// when even the minimums do not fit, the room is shared by the ratio alone.
    func firstLength(axis: SplitAxis, ratio: Double, first: LayoutNode, second: LayoutNode, in rect: Rect) -> (Int, Int) {
        let total = axis == .horizontal ? rect.width : rect.height
        let room = max(0, total - 1)
        let minA = first.minimumSize(minimumPane), minB = second.minimumSize(minimumPane)
        let lowA = axis == .horizontal ? minA.width : minA.height
        let lowB = axis == .horizontal ? minB.width : minB.height
        var length = Int((Double(room) * min(max(ratio, 0), 1)).rounded())
        if lowA + lowB <= room {
            length = min(max(length, lowA), room - lowB)
        }
        return (min(max(length, 0), room), room)
    }

    /// The ratio that gives the first child of the split at `path` a length of `length` cells,
    /// clamped so neither child goes below its minimum.
    public func ratio(_ node: LayoutNode, splitAt path: [Int], firstLength length: Int, in rect: Rect) -> Double? {
        guard case let .split(axis, _, a, b)? = node.node(at: path),
              let splitRect = frames(node, in: rect).splits[path] else { return nil }
        let room = max(1, (axis == .horizontal ? splitRect.width : splitRect.height) - 1)
        let minA = a.minimumSize(minimumPane), minB = b.minimumSize(minimumPane)
        let lowA = axis == .horizontal ? minA.width : minA.height
        let lowB = axis == .horizontal ? minB.width : minB.height
        var clamped = length
        if lowA + lowB <= room { clamped = min(max(length, lowA), room - lowB) }
        clamped = min(max(clamped, 0), room)
        return Double(clamped) / Double(room)
    }

    /// `node` with the split at `path` set to `ratio`.
    public func setting(_ node: LayoutNode, ratio: Double, at path: [Int]) -> LayoutNode {
        node.replacing(at: path) { n in
            guard case let .split(axis, _, a, b) = n else { return n }
            return .split(axis, ratio: ratio, first: a, second: b)
        }
    }

    /// `node` with the border of the split at `path` moved to `point` (a mouse drag).
    public func dragging(_ node: LayoutNode, borderAt path: [Int], to point: Point, in rect: Rect) -> LayoutNode {
        guard case let .split(axis, _, _, _)? = node.node(at: path),
              let splitRect = frames(node, in: rect).splits[path] else { return node }
        let length = axis == .horizontal ? point.x - splitRect.x : point.y - splitRect.y
        guard let r = ratio(node, splitAt: path, firstLength: length, in: rect) else { return node }
        return setting(node, ratio: r, at: path)
    }

    /// `node` with `group` made `delta` cells larger (smaller when negative) along the axis of its
    /// nearest enclosing split (`axis` restricts to splits of that axis).
    public func resizing(_ node: LayoutNode, group: GroupID, by delta: Int, axis: SplitAxis? = nil, in rect: Rect) -> LayoutNode {
        guard var path = node.path(to: group) else { return node }
        while let last = path.popLast() {
            guard case let .split(splitAxis, _, _, _)? = node.node(at: path), axis == nil || axis == splitAxis else { continue }
            let f = frames(node, in: rect)
            guard let splitRect = f.splits[path], let border = f.borders.first(where: { $0.path == path }) else { return node }
            let current = splitAxis == .horizontal ? border.rect.x - splitRect.x : border.rect.y - splitRect.y
            let wanted = last == 0 ? current + delta : current - delta
            guard let r = ratio(node, splitAt: path, firstLength: wanted, in: rect) else { return node }
            return setting(node, ratio: r, at: path)
        }
        return node
    }

    /// The group next to `group` in `direction`, as tmux finds it: among the groups whose edge touches
    /// the far side of `group`'s border and which overlap it across the direction, the one
    /// overlapping most (the first from the top or left on ties).
    public func neighbour(of group: GroupID, _ direction: Direction, frames: LayoutFrames) -> GroupID? {
        guard let r = frames.groups[group] else { return nil }
        var best: (GroupID, Int)?
        for (g, c) in frames.groups.sorted(by: { ($0.value.y, $0.value.x) < ($1.value.y, $1.value.x) }) where g != group {
            let touches: Bool
            let overlap: Int
            switch direction {
            case .right: touches = c.x == r.maxX + 1 || c.x == r.maxX
            case .left: touches = c.maxX == r.x - 1 || c.maxX == r.x
            case .down: touches = c.y == r.maxY + 1 || c.y == r.maxY
            case .up: touches = c.maxY == r.y - 1 || c.maxY == r.y
            }
            if direction.axis == .horizontal {
                overlap = min(r.maxY, c.maxY) - max(r.y, c.y)
            } else {
                overlap = min(r.maxX, c.maxX) - max(r.x, c.x)
            }
            guard touches, overlap > 0 else { continue }
            if best == nil || overlap > best!.1 { best = (g, overlap) }
        }
        return best?.0
    }
}
