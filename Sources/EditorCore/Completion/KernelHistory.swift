import JupyterProtocol

/// Stepping through the kernel's input history in a cell, as JupyterLab's notebook history does.
///
/// A navigation starts on the first step: the cell's text becomes the placeholder at the newest
/// end, the kernel's inputs (contiguous duplicates and copies of the placeholder dropped) come
/// before it. Each step moves one entry and stops at either end. Typing in the cell (any text the
/// history did not put there) or going to another cell starts a new navigation.
public struct KernelHistory: Sendable {
    /// The kernel's inputs, oldest first.
    public private(set) var entries: [String]
    private var navigation: (cellUID: Int, list: [String], cursor: Int, shown: String)?

    public init(entries: [String] = []) { self.entries = entries }

    /// The inputs of a `history_reply` (`history` holds `[session, line, input]` triples, or
    /// `[session, line, [input, output]]` when outputs were asked for); nil unless its status is `ok`.
    public static func inputs(content: MessageJSON) -> [String]? {
        guard content["status"]?.stringValue == "ok" else { return nil }
        return (content["history"]?.arrayValue ?? []).compactMap { entry in
            guard let triple = entry.arrayValue, triple.count >= 3 else { return nil }
            return triple[2].stringValue ?? triple[2].arrayValue?.first?.stringValue
        }
    }

    /// Whether a step in cell `cellUID` showing `source` continues the current navigation (else the
    /// caller fetches fresh entries first).
    public func isNavigating(cellUID: Int, source: String) -> Bool {
        navigation.map { $0.cellUID == cellUID && $0.shown == source } ?? false
    }

    /// Starts a navigation over `entries` from the cell's current text.
    public mutating func start(entries: [String], cellUID: Int, source: String) {
        self.entries = entries
        var list: [String] = []
        for entry in entries where entry != list.last && entry != source { list.append(entry) }
        list.append(source)
        navigation = (cellUID, list, list.count - 1, source)
    }

    /// One step back (older) or forward (newer): the text to show, or nil at the end of the history.
    public mutating func step(back: Bool, cellUID: Int, source: String) -> String? {
        if !isNavigating(cellUID: cellUID, source: source) { start(entries: entries, cellUID: cellUID, source: source) }
        guard var nav = navigation else { return nil }
        let next = min(max(0, nav.cursor + (back ? -1 : 1)), nav.list.count - 1)
        guard next != nav.cursor else { return nil }
        nav.cursor = next
        nav.shown = nav.list[next]
        navigation = nav
        return nav.shown
    }

    /// Forgets the current navigation.
    public mutating func reset() { navigation = nil }
}
