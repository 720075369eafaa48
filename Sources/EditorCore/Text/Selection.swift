/// The selected text: from `anchor` (where it started) to `head` (where the cursor is). An empty
/// selection is a plain cursor.
public struct Selection: Hashable, Sendable, CustomStringConvertible {
    public var anchor: TextPosition
    public var head: TextPosition
    /// The display column vertical moves aim for, kept across short lines; nil when the next
    /// vertical move should start from the head's own column.
    public var preferredColumn: Int?

    public init(anchor: TextPosition, head: TextPosition, preferredColumn: Int? = nil) {
        self.anchor = anchor
        self.head = head
        self.preferredColumn = preferredColumn
    }

    /// A cursor at `p`.
    public init(cursor p: TextPosition) { self.init(anchor: p, head: p) }

    /// A cursor at the start of the text.
    public static let zero = Selection(cursor: .zero)

    public var isEmpty: Bool { anchor == head }
    /// The selected range, start before end.
    public var range: TextRange { TextRange(anchor, head) }
    public var start: TextPosition { min(anchor, head) }
    public var end: TextPosition { max(anchor, head) }

    /// The lines the selection touches; a selection ending at column 0 of a later line leaves that
    /// line out (as editors do for Tab, comment and move line).
    public var lineRange: ClosedRange<Int> {
        let s = start, e = end
        let last = (e.line > s.line && e.column == 0) ? e.line - 1 : e.line
        return s.line...last
    }

    /// The selection moved to `p`: extended (anchor kept) or collapsed to a cursor.
    public func moved(to p: TextPosition, extend: Bool, preferredColumn: Int? = nil) -> Selection {
        Selection(anchor: extend ? anchor : p, head: p, preferredColumn: preferredColumn)
    }

    public var description: String { isEmpty ? "\(head)" : "\(anchor)->\(head)" }
}
