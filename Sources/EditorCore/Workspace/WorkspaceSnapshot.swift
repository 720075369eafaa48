import Foundation

/// A saved workspace: the split tree with its ratios, every tab group's tabs in order with the shown
/// one, the focused group, the side panel, and for each tab what it shows (a document by path and
/// kind, a terminal by directory) and where its view stood (cursor, active cell, scroll).
///
/// It is a plain `Codable` value written as JSON by `WorkspaceStore`. Groups are numbered in reading
/// order (`Workspace.groupOrder`); the layout's leaves refer to those numbers. Decoding checks the
/// structure (every leaf names one group, indices in range), so a damaged file is an error, never a
/// workspace that cannot be shown.
public struct WorkspaceSnapshot: Codable, Hashable, Sendable {
    /// The format version written by this Callisto.
    public static let currentVersion = 1

    public var version = Self.currentVersion
    /// The absolute working directory the workspace belongs to.
    public var directory: String
    /// The split tree; leaves are indices into `groups`.
    public var layout: Node
    public var groups: [Group]
    /// The index of the focused group.
    public var focusedGroup: Int
    /// Whether the focused group was shown alone.
    public var maximized = false
    public var sidePanel: SidePanel

    /// A node of the split tree.
    public indirect enum Node: Hashable, Sendable {
        case group(Int)
        case split(SplitAxis, ratio: Double, first: Node, second: Node)

        /// The group indices from left to right, top to bottom.
        public var leaves: [Int] {
            switch self {
            case let .group(i): return [i]
            case let .split(_, _, a, b): return a.leaves + b.leaves
            }
        }
    }

    /// One tab group: its tabs in order and the shown one.
    public struct Group: Codable, Hashable, Sendable {
        public var tabs: [Tab]
        public var active: Int

        public init(tabs: [Tab], active: Int = 0) {
            self.tabs = tabs
            self.active = active
        }
    }

    /// What a tab shows.
    public struct Tab: Codable, Hashable, Sendable {
        public var kind: Kind
        /// The document's absolute path (documents).
        public var path: String?
        /// The directory (terminals).
        public var directory: String?
        /// Where the view stood.
        public var view: DocumentViewState?

        public init(kind: Kind, path: String? = nil, directory: String? = nil, view: DocumentViewState? = nil) {
            self.kind = kind
            self.path = path
            self.directory = directory
            self.view = view
        }
    }

    /// The kinds of tab a workspace brings back. Unknown kinds in a file decode as `.document`
    /// (opened by path as its type suggests).
    public enum Kind: String, Codable, Hashable, Sendable {
        /// A notebook editor.
        case notebook
        /// A file shown as text.
        case text
        /// Any other document, opened by its path.
        case document
        /// A shell, started afresh in `directory`.
        case terminal
        /// The welcome page.
        case welcome

        public init(from decoder: any Decoder) throws {
            self = Kind(rawValue: try decoder.singleValueContainer().decode(String.self)) ?? .document
        }

        /// Whether the tab is a document with a path.
        public var isDocument: Bool { self == .notebook || self == .text || self == .document }
    }

    /// The side panel (file browser).
    public struct SidePanel: Codable, Hashable, Sendable {
        public var visible: Bool
        public var focused: Bool
        /// The folder the file browser showed.
        public var folder: String?
        public var showHidden: Bool

        public init(visible: Bool, focused: Bool = false, folder: String? = nil, showHidden: Bool = false) {
            self.visible = visible
            self.focused = focused
            self.folder = folder
            self.showHidden = showHidden
        }
    }

    public init(directory: String, layout: Node, groups: [Group], focusedGroup: Int = 0, maximized: Bool = false,
                sidePanel: SidePanel = SidePanel(visible: false)) {
        self.directory = directory
        self.layout = layout
        self.groups = groups
        self.focusedGroup = focusedGroup
        self.maximized = maximized
        self.sidePanel = sidePanel
    }

    private enum CodingKeys: String, CodingKey { case version, directory, layout, groups, focusedGroup, maximized, sidePanel }

    /// Reads a snapshot; `maximized` and `sidePanel` may be absent (not maximized, panel hidden).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        directory = try c.decode(String.self, forKey: .directory)
        layout = try c.decode(Node.self, forKey: .layout)
        groups = try c.decode([Group].self, forKey: .groups)
        focusedGroup = try c.decode(Int.self, forKey: .focusedGroup)
        maximized = try c.decodeIfPresent(Bool.self, forKey: .maximized) ?? false
        sidePanel = try c.decodeIfPresent(SidePanel.self, forKey: .sidePanel) ?? SidePanel(visible: false)
    }

    /// Every tab of every group, in reading order.
    public var tabs: [Tab] { groups.flatMap(\.tabs) }

    /// Why a decoded snapshot cannot be used, or nil when it is sound: each group is a leaf exactly
    /// once, indices are in range, ratios are between 0 and 1.
    public var problem: String? {
        let leaves = layout.leaves
        if groups.isEmpty { return "no tab groups" }
        if leaves.sorted() != Array(groups.indices) { return "the layout does not name each of the \(groups.count) groups once" }
        if !groups.indices.contains(focusedGroup) { return "focused group \(focusedGroup) does not exist" }
        for (i, g) in groups.enumerated() where !g.tabs.isEmpty && !g.tabs.indices.contains(g.active) {
            return "group \(i) shows tab \(g.active) of \(g.tabs.count)"
        }
        if !layout.ratiosAreValid { return "a split ratio is not between 0 and 1" }
        return nil
    }

    /// The snapshot without empty groups (their splits give the room to the sibling); one empty group
    /// stays when nothing is left.
    public func withoutEmptyGroups() -> WorkspaceSnapshot {
        var copy = self
        let keep = groups.indices.filter { !groups[$0].tabs.isEmpty }
        guard keep.count != groups.count else { return self }
        guard !keep.isEmpty else {
            copy.layout = .group(0)
            copy.groups = [Group(tabs: [])]
            copy.focusedGroup = 0
            copy.maximized = false
            return copy
        }
        var renumber: [Int: Int] = [:]
        for (new, old) in keep.enumerated() { renumber[old] = new }
        copy.layout = layout.pruned(keeping: Set(keep))!.renumbered(renumber)
        copy.groups = keep.map { groups[$0] }
        copy.focusedGroup = renumber[focusedGroup] ?? Self.nearest(to: focusedGroup, in: keep, renumber: renumber)
        if renumber[focusedGroup] == nil { copy.maximized = false }
        return copy
    }

    private static func nearest(to old: Int, in keep: [Int], renumber: [Int: Int]) -> Int {
        let best = keep.min { abs($0 - old) < abs($1 - old) } ?? keep[0]
        return renumber[best] ?? 0
    }
}

/// Where a view of a document stood, as much as the view keeps: all fields are optional, and a
/// view puts back what it understands (clamped to the document as it is now).
public struct DocumentViewState: Codable, Hashable, Sendable {
    /// The active cell (notebooks).
    public var cell: Int?
    /// Whether the active cell was being edited.
    public var editing: Bool?
    /// The cursor's line and column (0-based; in the cell being edited for notebooks).
    public var line: Int?
    public var column: Int?
    /// The first cell or line shown, and for notebooks the row of that cell's block at the top.
    public var top: Int?
    public var topRow: Int?

    public init(cell: Int? = nil, editing: Bool? = nil, line: Int? = nil, column: Int? = nil, top: Int? = nil, topRow: Int? = nil) {
        self.cell = cell
        self.editing = editing
        self.line = line
        self.column = column
        self.top = top
        self.topRow = topRow
    }
}

/// A tab content whose view position can be saved with the workspace and put back.
public protocol ViewStateRestorable: TabContent {
    /// Where the view stands now.
    var viewState: DocumentViewState { get }
    /// Puts the view back where `state` says, clamped to the document.
    func restore(_ state: DocumentViewState)
}

extension SplitAxis: Codable {
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        switch raw {
        case "horizontal": self = .horizontal
        case "vertical": self = .vertical
        default: throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown split axis \(raw)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(self == .horizontal ? "horizontal" : "vertical")
    }
}

extension WorkspaceSnapshot.Node: Codable {
    private enum Keys: String, CodingKey { case group, axis, ratio, first, second }

    /// A leaf is `{"group": 0}`, a split `{"axis": "horizontal", "ratio": 0.5, "first": …, "second": …}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        if let g = try c.decodeIfPresent(Int.self, forKey: .group) {
            self = .group(g)
            return
        }
        self = .split(try c.decode(SplitAxis.self, forKey: .axis), ratio: try c.decode(Double.self, forKey: .ratio),
                      first: try c.decode(Self.self, forKey: .first), second: try c.decode(Self.self, forKey: .second))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case let .group(g):
            try c.encode(g, forKey: .group)
        case let .split(axis, ratio, first, second):
            try c.encode(axis, forKey: .axis)
            try c.encode(ratio, forKey: .ratio)
            try c.encode(first, forKey: .first)
            try c.encode(second, forKey: .second)
        }
    }

    var ratiosAreValid: Bool {
        guard case let .split(_, ratio, a, b) = self else { return true }
        return ratio.isFinite && ratio > 0 && ratio < 1 && a.ratiosAreValid && b.ratiosAreValid
    }

    /// The tree with only the leaves in `keep`; nil when none is left.
    func pruned(keeping keep: Set<Int>) -> Self? {
        switch self {
        case let .group(g): return keep.contains(g) ? self : nil
        case let .split(axis, ratio, a, b):
            switch (a.pruned(keeping: keep), b.pruned(keeping: keep)) {
            case let (x?, y?): return .split(axis, ratio: ratio, first: x, second: y)
            case let (x?, nil): return x
            case let (nil, y?): return y
            case (nil, nil): return nil
            }
        }
    }

    func renumbered(_ map: [Int: Int]) -> Self {
        switch self {
        case let .group(g): return .group(map[g] ?? g)
        case let .split(axis, ratio, a, b): return .split(axis, ratio: ratio, first: a.renumbered(map), second: b.renumbered(map))
        }
    }
}
