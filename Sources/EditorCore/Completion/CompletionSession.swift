/// A text edit a completion makes: replace `range` of the cell with `text`.
public struct CompletionEdit: Hashable, Sendable {
    public var range: TextRange
    public var text: String

    public init(range: TextRange, text: String) {
        self.range = range
        self.text = text
    }
}

/// An open completion list, as JupyterLab's completer behaves: the kernel's matches for the range
/// `[start, end)` of one cell's text, filtered by what has been typed since `start` (prefix matches
/// first, in the kernel's order, then fuzzy matches by score), one entry selected.
///
/// Offsets are Unicode code points, as the protocol counts them; the cell's `TextBuffer` converts
/// them to positions. Text typed after the request moves the end of the replaced range with it:
/// accepting replaces `[start, end + typed)`.
public struct CompletionSession: Sendable {
    /// A match shown in the list and the code points of its label that matched the query.
    public struct Entry: Hashable, Sendable {
        public var item: CompletionItem
        public var positions: [Int]
        /// The item's place in the kernel's list.
        var order = 0
    }

    /// The cell the completion belongs to.
    public let cellUID: Int
    /// Every match of the reply.
    public let items: [CompletionItem]
    /// Where the replaced range starts (code points into the cell's text).
    public let start: Int
    /// How far the kernel's range reaches past the cursor the request was made at.
    let endPastCursor: Int
    /// The text between `start` and the cursor.
    public private(set) var query = ""
    /// The matches of `query`, best first.
    public private(set) var entries: [Entry] = []
    /// The highlighted entry.
    public private(set) var selected = 0
    /// The first entry shown.
    public private(set) var scroll = 0
    /// Entries shown at once (set by whoever draws the list).
    public var visibleRows = 10 {
        didSet { keepSelectionVisible() }
    }

    /// A completion of `reply`, asked for at code point `requestCursor` of cell `cellUID`.
    public init(reply: CompletionReply, cellUID: Int, requestCursor: Int) {
        self.cellUID = cellUID
        items = reply.items
        start = reply.start
        endPastCursor = max(0, reply.end - requestCursor)
    }

    /// The highlighted match.
    public var selection: CompletionItem? { entries.indices.contains(selected) ? entries[selected].item : nil }

    /// Follows the text: the query becomes the text from `start` to `cursor`. False when the list
    /// should close: the cursor went before `start`, the query holds white space, or nothing matches.
    public mutating func update(buffer: TextBuffer, cursor: TextPosition) -> Bool {
        let offset = buffer.scalarOffset(of: cursor)
        guard offset >= start else { return false }
        let text = buffer.text(in: TextRange(buffer.position(scalarOffset: start), cursor))
        guard !text.contains(where: \.isWhitespace) else { return false }
        if text != query || entries.isEmpty && !items.isEmpty {
            // What matches a longer query matched the shorter one: refilter only those.
            let narrowing = !query.isEmpty && text.hasPrefix(query)
            query = text
            refilter(among: narrowing ? entries.map(\.order).sorted() : nil)
        }
        return !entries.isEmpty
    }

    /// The edit that accepts `item` with the cursor at `cursor`: the kernel's range, stretched by
    /// what was typed since the request.
    public func acceptEdit(_ item: CompletionItem, buffer: TextBuffer, cursor: TextPosition) -> CompletionEdit {
        let offset = buffer.scalarOffset(of: cursor)
        let from = buffer.position(scalarOffset: min(start, offset))
        let to = buffer.position(scalarOffset: offset + endPastCursor)
        return CompletionEdit(range: TextRange(from, max(to, cursor)), text: item.text)
    }

    /// The edit accepting the highlighted match, if any.
    public func acceptEdit(buffer: TextBuffer, cursor: TextPosition) -> CompletionEdit? {
        selection.map { acceptEdit($0, buffer: buffer, cursor: cursor) }
    }

    /// When every match starts with the same text, longer than the query: the edit that types it
    /// (JupyterLab fills in the common part when the list opens).
    public func commonPrefixEdit(buffer: TextBuffer, cursor: TextPosition) -> CompletionEdit? {
        guard let first = entries.first?.item.text else { return nil }
        var prefix = Substring(first)
        for entry in entries.dropFirst() {
            prefix = prefix.commonPrefix(with: entry.item.text)
            if prefix.isEmpty { return nil }
        }
        guard prefix.count > query.count, prefix.hasPrefix(query) else { return nil }
        let from = buffer.position(scalarOffset: start)
        return CompletionEdit(range: TextRange(from, cursor), text: String(prefix))
    }

    /// Moves the highlight by `step`, wrapping around at either end.
    public mutating func move(by step: Int) {
        guard !entries.isEmpty else { return }
        selected = ((selected + step) % entries.count + entries.count) % entries.count
        keepSelectionVisible()
    }

    /// Moves the highlight by a page, stopping at either end.
    public mutating func page(_ direction: Int) {
        guard !entries.isEmpty else { return }
        selected = min(max(0, selected + direction * max(1, visibleRows - 1)), entries.count - 1)
        keepSelectionVisible()
    }

    private mutating func keepSelectionVisible() {
        let rows = max(1, visibleRows)
        if selected < scroll { scroll = selected }
        if selected >= scroll + rows { scroll = selected - rows + 1 }
        scroll = max(0, min(scroll, max(0, entries.count - rows)))
    }

    /// Prefix matches (exact case, then any case) in the kernel's order, then fuzzy matches by
    /// score; among the items at `candidates` (indices in kernel order) when given.
    private mutating func refilter(among candidates: [Int]? = nil) {
        selected = 0
        scroll = 0
        guard !query.isEmpty else {
            entries = items.enumerated().map { Entry(item: $1, positions: [], order: $0) }
            return
        }
        let count = query.unicodeScalars.count
        let lowered = query.lowercased()
        var exact: [Entry] = [], folded: [Entry] = [], fuzzy: [(entry: Entry, score: Int)] = []
        let matcher = FuzzyMatcher(query)
        for i in candidates ?? Array(items.indices) {
            let item = items[i]
            if item.label.hasPrefix(query) {
                exact.append(Entry(item: item, positions: Array(0..<count), order: i))
            } else if item.label.lowercased().hasPrefix(lowered) {
                folded.append(Entry(item: item, positions: Array(0..<count), order: i))
            } else if let m = matcher.match(item.label) {
                fuzzy.append((Entry(item: item, positions: m.positions, order: i), m.score))
            }
        }
        fuzzy.sort { $0.score != $1.score ? $0.score > $1.score : $0.entry.order < $1.entry.order }
        entries = exact + folded + fuzzy.map(\.entry)
    }
}

extension Substring {
    /// The longest common prefix with `other`, by characters.
    fileprivate func commonPrefix(with other: String) -> Substring {
        var end = startIndex
        var j = other.startIndex
        while end < endIndex, j < other.endIndex, self[end] == other[j] {
            end = index(after: end)
            j = other.index(after: j)
        }
        return self[startIndex..<end]
    }
}
