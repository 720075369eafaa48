/// Turning a live `Workspace` into a snapshot and a snapshot's layout back into a workspace frame.
extension WorkspaceSnapshot {
    /// Captures `workspace`: groups in reading order, the split tree with its ratios, the shown tab
    /// of each group and the focused group. `describe` says what a tab shows; a tab it returns nil
    /// for is not kept (a group left without tabs goes, its room given to its neighbour).
    public init(workspace: Workspace, directory: String, sidePanel: SidePanel,
                describe: (any TabContent) -> Tab?) {
        let order = workspace.groupOrder
        var index: [GroupID: Int] = [:]
        for (i, g) in order.enumerated() { index[g] = i }
        var groups: [Group] = []
        for g in order {
            let tabGroup = workspace.groups[g] ?? TabGroup()
            var tabs: [Tab] = []
            var active = 0
            for (i, id) in tabGroup.tabs.enumerated() {
                guard let content = workspace.contents[id], let tab = describe(content) else { continue }
                // The shown tab, or the nearest kept one before it.
                if i <= tabGroup.active { active = tabs.count }
                tabs.append(tab)
            }
            groups.append(Group(tabs: tabs, active: active))
        }
        self.init(directory: directory, layout: Self.node(workspace.layout, index: index), groups: groups,
                  focusedGroup: index[workspace.focused] ?? 0, maximized: workspace.maximized != nil,
                  sidePanel: sidePanel)
        self = withoutEmptyGroups()
    }

    private static func node(_ layout: LayoutNode, index: [GroupID: Int]) -> Node {
        switch layout {
        case let .group(g): return .group(index[g] ?? 0)
        case let .split(axis, ratio, a, b): return .split(axis, ratio: ratio, first: node(a, index: index), second: node(b, index: index))
        }
    }

    /// The layout as a workspace split tree: group `i` becomes `GroupID(i)`.
    public var layoutNode: LayoutNode { Self.layoutNode(layout) }

    private static func layoutNode(_ node: Node) -> LayoutNode {
        switch node {
        case let .group(i): return .group(GroupID(i))
        case let .split(axis, ratio, a, b): return .split(axis, ratio: ratio, first: layoutNode(a), second: layoutNode(b))
        }
    }

    /// An empty workspace with this snapshot's layout and focus; the tabs are opened into it by the
    /// caller (`GroupID(i)` for group `i`).
    public func makeWorkspaceFrame() -> Workspace {
        Workspace(layout: layoutNode, focused: GroupID(focusedGroup), maximized: maximized)
    }
}
