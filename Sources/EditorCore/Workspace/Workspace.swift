import TermCore

/// The workspace: a split tree of tab groups, the contents of every tab, which group has the focus,
/// and the tabs closed recently (to reopen them).
///
/// Every operation is a plain method on this value; geometry comes from `LayoutGeometry` with the
/// rectangle the panes are laid out in, so the same code serves the screen and the tests.
public struct Workspace {
    public private(set) var layout: LayoutNode
    public private(set) var groups: [GroupID: TabGroup]
    public private(set) var contents: [TabID: any TabContent] = [:]
    /// The group with the keyboard focus.
    public private(set) var focused: GroupID
    /// When set, only this group is shown.
    public private(set) var maximized: GroupID?
    /// Closed tabs, most recent last, with where they were.
    public private(set) var closed: [ClosedTab] = []
    public var geometry = LayoutGeometry()
    /// How many closed tabs are remembered.
    public static let closedLimit = 20

    private var nextGroup = 1
    private var nextTab = 1

    /// A tab that was closed and where it was.
    public struct ClosedTab {
        public var content: any TabContent
        public var group: GroupID
        public var index: Int
    }

    /// One empty group.
    public init() {
        layout = .group(GroupID(0))
        groups = [GroupID(0): TabGroup()]
        focused = GroupID(0)
    }

    /// Empty groups laid out as `layout`, `focused` having the focus (shown alone when `maximized`):
    /// the frame a saved workspace is rebuilt in.
    public init(layout: LayoutNode, focused: GroupID, maximized: Bool = false) {
        self.layout = layout
        groups = Dictionary(layout.groups.map { ($0, TabGroup()) }, uniquingKeysWith: { a, _ in a })
        self.focused = groups[focused] != nil ? focused : layout.groups[0]
        self.maximized = maximized && groups.count > 1 ? self.focused : nil
        nextGroup = (layout.groups.map(\.rawValue).max() ?? 0) + 1
    }

    // MARK: Queries

    /// The focused group's value.
    public var focusedGroup: TabGroup { groups[focused] ?? TabGroup() }
    /// The focused group's shown tab.
    public var focusedTab: TabID? { focusedGroup.activeTab }
    /// The content of the focused group's shown tab.
    public var focusedContent: (any TabContent)? { focusedTab.flatMap { contents[$0] } }
    /// Groups from left to right, top to bottom.
    public var groupOrder: [GroupID] { layout.groups }
    /// Every tab's content.
    public var allContents: [any TabContent] { groupOrder.flatMap { groups[$0]?.tabs ?? [] }.compactMap { contents[$0] } }

    /// The group holding `tab`.
    public func group(of tab: TabID) -> GroupID? { groups.first { $0.value.tabs.contains(tab) }?.key }

    /// The rectangles of the shown groups and borders in `rect`.
    public func frames(in rect: Rect) -> LayoutFrames {
        if let m = maximized { var f = LayoutFrames(); f.groups[m] = rect; return f }
        return geometry.frames(layout, in: rect)
    }

    // MARK: Tabs

    /// Opens `content` in a new tab of `group` (the focused one by default), after its shown tab.
    @discardableResult
    public mutating func open(_ content: any TabContent, in group: GroupID? = nil, at index: Int? = nil) -> TabID {
        let g = group.flatMap { groups[$0] != nil ? $0 : nil } ?? focused
        let tab = TabID(nextTab)
        nextTab += 1
        contents[tab] = content
        groups[g, default: TabGroup()].insert(tab, at: index)
        return tab
    }

    /// Shows `tab` and focuses its group.
    public mutating func activate(_ tab: TabID) {
        guard let g = group(of: tab) else { return }
        groups[g]?.activate(tab)
        focus(g)
    }

    /// Shows the next (1) or previous (-1) tab of the focused group.
    public mutating func cycleTab(_ step: Int) { groups[focused]?.cycle(step) }

    /// Shows the tab used before the current one in the focused group.
    public mutating func activatePreviouslyUsedTab() { groups[focused]?.activatePreviouslyUsed() }

    /// Moves the focused tab one place left (-1) or right (1) in its group.
    public mutating func moveTab(by step: Int) { groups[focused]?.moveActive(by: step) }

    /// Closes `tab` (the focused one by default), remembering it for `reopenClosed`. An empty group
    /// that is not the last one closes with it.
    public mutating func close(_ tab: TabID? = nil) {
        guard let tab = tab ?? focusedTab, let g = group(of: tab), let content = contents[tab] else { return }
        let index = groups[g]?.remove(tab) ?? 0
        contents[tab] = nil
        closed.append(ClosedTab(content: content, group: g, index: index))
        if closed.count > Self.closedLimit { closed.removeFirst(closed.count - Self.closedLimit) }
        if groups[g]?.isEmpty == true, groups.count > 1 { closeGroup(g) }
    }

    /// Opens the most recently closed tab again where it was (or in the focused group).
    @discardableResult
    public mutating func reopenClosed() -> TabID? {
        guard let last = closed.popLast() else { return nil }
        let g = groups[last.group] != nil ? last.group : focused
        let tab = open(last.content, in: g, at: last.index)
        focus(g)
        return tab
    }

    // MARK: Groups

    /// Gives the focus to `group`.
    public mutating func focus(_ group: GroupID) {
        guard groups[group] != nil else { return }
        focused = group
        if maximized != nil { maximized = group }
    }

    /// Splits the focused group along `axis`; the new group (second, right or below) shows `content`
    /// and takes the focus.
    @discardableResult
    public mutating func split(_ axis: SplitAxis, showing content: (any TabContent)?) -> GroupID {
        let new = GroupID(nextGroup)
        nextGroup += 1
        groups[new] = TabGroup()
        let target = focused
        if let path = layout.path(to: target) {
            layout = layout.replacing(at: path) { .split(axis, ratio: 0.5, first: $0, second: .group(new)) }
        }
        maximized = nil
        focused = new
        if let content { open(content, in: new) }
        return new
    }

    /// Closes `group` (the focused one by default); its tabs move to the neighbouring group, which
    /// takes the focus. The last group cannot be closed.
    public mutating func closeGroup(_ group: GroupID? = nil) {
        let g = group ?? focused
        guard groups.count > 1, let path = layout.path(to: g), let last = path.last else { return }
        let parent = Array(path.dropLast())
        guard let sibling = layout.node(at: parent + [1 - last]) else { return }
        // The leaf of the sibling nearest to the closed group.
        let heir = last == 0 ? sibling.groups.first! : sibling.groups.last!
        let moving = groups[g]?.tabs ?? []
        let shown = groups[g]?.activeTab
        layout = layout.replacing(at: parent) { _ in sibling }
        groups[g] = nil
        for tab in moving { let end = groups[heir]?.tabs.count; groups[heir]?.insert(tab, at: end) }
        if let shown { groups[heir]?.activate(shown) }
        if maximized == g { maximized = nil }
        if focused == g || groups[focused] == nil { focused = heir }
    }

    /// Focuses the group next to the focused one in `direction`; false when there is none.
    @discardableResult
    public mutating func focusNeighbour(_ direction: Direction, in rect: Rect) -> Bool {
        guard let g = geometry.neighbour(of: focused, direction, frames: geometry.frames(layout, in: rect)) else { return false }
        focus(g)
        return true
    }

    /// Focuses the next (1) or previous (-1) group in reading order, wrapping around.
    public mutating func focusCycle(_ step: Int) {
        let order = groupOrder
        guard let i = order.firstIndex(of: focused), !order.isEmpty else { return }
        focus(order[((i + step) % order.count + order.count) % order.count])
    }

    /// Moves the focused tab into the group next to it in `direction` (splitting when there is none
    /// and the group has other tabs); false when nothing moved.
    @discardableResult
    public mutating func moveTab(_ direction: Direction, in rect: Rect) -> Bool {
        guard let tab = focusedTab else { return false }
        let from = focused
        if let to = geometry.neighbour(of: from, direction, frames: geometry.frames(layout, in: rect)) {
            groups[from]?.remove(tab)
            groups[to]?.insert(tab)
            focus(to)
            if groups[from]?.isEmpty == true { closeGroup(from) }
            return true
        }
        guard (groups[from]?.tabs.count ?? 0) > 1 else { return false }
        groups[from]?.remove(tab)
        let new = split(direction.axis, showing: nil)
        groups[new]?.insert(tab)
        if direction == .left || direction == .up, let path = layout.path(to: new) {
            // Put the new group first.
            layout = layout.replacing(at: Array(path.dropLast())) { node in
                guard case let .split(axis, ratio, a, b) = node else { return node }
                return .split(axis, ratio: 1 - ratio, first: b, second: a)
            }
        }
        return true
    }

    /// Moves the focused tab into the next group in reading order; false when there is one group.
    @discardableResult
    public mutating func moveTabToNextGroup() -> Bool {
        let order = groupOrder
        guard order.count > 1, let tab = focusedTab, let i = order.firstIndex(of: focused) else { return false }
        let to = order[(i + 1) % order.count]
        let from = focused
        groups[from]?.remove(tab)
        groups[to]?.insert(tab)
        focus(to)
        if groups[from]?.isEmpty == true { closeGroup(from) }
        return true
    }

    // MARK: Sizes

    /// Grows (positive) or shrinks the focused group by `delta` cells along its nearest split.
    public mutating func resizeFocused(by delta: Int, axis: SplitAxis? = nil, in rect: Rect) {
        layout = geometry.resizing(layout, group: focused, by: delta, axis: axis, in: rect)
    }

    /// Moves the border of the split at `path` to `point`.
    public mutating func dragBorder(_ path: [Int], to point: Point, in rect: Rect) {
        layout = geometry.dragging(layout, borderAt: path, to: point, in: rect)
    }

    /// Gives panes side by side equal room.
    public mutating func equalize() { layout = layout.equalized }

    /// Shows only the focused group, or the whole layout again.
    public mutating func toggleMaximize() { maximized = maximized == nil && groups.count > 1 ? focused : nil }

    /// Scrolls `group`'s tab bar so its shown tab is visible.
    public mutating func scrollTabs(_ group: GroupID, widths: [Int], available: Int) {
        groups[group]?.scrollToActive(widths: widths, available: available)
    }

    /// Shows the tab at `index` of `group` and focuses the group (a click on the tab bar).
    public mutating func activate(group: GroupID, index: Int) {
        groups[group]?.activate(index)
        focus(group)
    }
}
