/// Identifies one tab of the workspace.
public struct TabID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public var description: String { "t\(rawValue)" }
}

/// The tabs of one pane: their order, the shown one, and how far the tab bar is scrolled.
public struct TabGroup: Hashable, Sendable {
    public var tabs: [TabID] = []
    /// Index of the shown tab; 0 when there are none.
    public var active: Int = 0
    /// The index of the first tab drawn in the tab bar.
    public var scroll: Int = 0
    /// Tabs shown in this group before, most recent last (for "previously used tab").
    public var history: [TabID] = []

    public init(tabs: [TabID] = [], active: Int = 0) {
        self.tabs = tabs
        self.active = tabs.isEmpty ? 0 : min(max(active, 0), tabs.count - 1)
    }

    /// The shown tab.
    public var activeTab: TabID? { tabs.indices.contains(active) ? tabs[active] : nil }
    public var isEmpty: Bool { tabs.isEmpty }

    /// Shows the tab at `index` (clamped), remembering the one shown before.
    public mutating func activate(_ index: Int) {
        guard !tabs.isEmpty else { active = 0; return }
        let next = min(max(index, 0), tabs.count - 1)
        if next != active, let current = activeTab {
            history.removeAll { $0 == current }
            history.append(current)
        }
        active = next
    }

    /// Shows `tab` if it is in this group.
    public mutating func activate(_ tab: TabID) {
        if let i = tabs.firstIndex(of: tab) { activate(i) }
    }

    /// Shows the next tab (`step` 1) or the previous one (-1), wrapping around.
    public mutating func cycle(_ step: Int) {
        guard !tabs.isEmpty else { return }
        activate(((active + step) % tabs.count + tabs.count) % tabs.count)
    }

    /// Shows the tab shown before the current one, if it is still here.
    public mutating func activatePreviouslyUsed() {
        while let previous = history.popLast() {
            if let i = tabs.firstIndex(of: previous), i != active { activate(i); return }
        }
    }

    /// Inserts `tab` after the shown one (or at `index`) and shows it.
    public mutating func insert(_ tab: TabID, at index: Int? = nil) {
        let at = min(max(index ?? (tabs.isEmpty ? 0 : active + 1), 0), tabs.count)
        tabs.insert(tab, at: at)
        if tabs.count == 1 { active = 0 } else {
            if at <= active && activeTab != tab { active += 1 }
            activate(at)
        }
    }

    /// Removes `tab`; the tab to its right is shown next (or the one to its left at the end).
    @discardableResult
    public mutating func remove(_ tab: TabID) -> Int? {
        guard let i = tabs.firstIndex(of: tab) else { return nil }
        tabs.remove(at: i)
        history.removeAll { $0 == tab }
        if i < active || active >= tabs.count { active = max(0, active - (i < active ? 1 : 0)) }
        active = tabs.isEmpty ? 0 : min(active, tabs.count - 1)
        scroll = min(scroll, max(0, tabs.count - 1))
        return i
    }

    /// Moves the shown tab `step` places left (-1) or right (1).
    public mutating func moveActive(by step: Int) {
        guard let tab = activeTab else { return }
        let to = min(max(active + step, 0), tabs.count - 1)
        guard to != active else { return }
        tabs.remove(at: active)
        tabs.insert(tab, at: to)
        active = to
    }

    /// Adjusts `scroll` so the shown tab is drawn whole: `widths` are the tabs' widths in columns,
    /// `available` the tab bar's width. Markers for hidden tabs take one column on each side that
    /// has any.
    public mutating func scrollToActive(widths: [Int], available: Int) {
        guard !tabs.isEmpty, widths.count == tabs.count else { scroll = 0; return }
        scroll = min(max(scroll, 0), tabs.count - 1)
        if active < scroll { scroll = active }
        while scroll < active, !Self.fits(widths, from: scroll, through: active, available: available) { scroll += 1 }
        // Use room on the right to show more tabs on the left.
        while scroll > 0, Self.fits(widths, from: scroll - 1, through: max(active, Self.lastVisible(widths, from: scroll, available: available)), available: available) {
            scroll -= 1
        }
    }

    /// The index of the last tab drawn whole from `from`.
    public static func lastVisible(_ widths: [Int], from: Int, available: Int) -> Int {
        var used = from > 0 ? 1 : 0
        var last = from
        for i in from..<widths.count {
            let marker = i < widths.count - 1 ? 1 : 0
            if used + widths[i] + marker > available && i > from { break }
            used += widths[i]
            last = i
        }
        return last
    }

    static func fits(_ widths: [Int], from: Int, through: Int, available: Int) -> Bool {
        let leftMarker = from > 0 ? 1 : 0
        let rightMarker = through < widths.count - 1 ? 1 : 0
        return leftMarker + widths[from...through].reduce(0, +) + rightMarker <= available
    }
}
