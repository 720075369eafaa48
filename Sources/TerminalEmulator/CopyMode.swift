import TermCore

/// A position in a terminal's lines: `line` counts from the oldest scrollback line ever kept (so it
/// stays valid when old lines are evicted), `column` from the left.
public struct TextPosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    public static func < (a: TextPosition, b: TextPosition) -> Bool {
        a.line != b.line ? a.line < b.line : a.column < b.column
    }
    public var description: String { "\(line):\(column)" }
}

/// Copy mode: a cursor that walks the scrollback and the screen, and a selection from an anchor to
/// the cursor. A state machine over positions; the session supplies the lines.
public struct CopyMode: Hashable, Sendable {
    /// Cursor motions.
    public enum Motion: Hashable, Sendable {
        case up(Int), down(Int), left(Int), right(Int)
        case lineStart, lineEnd, top, bottom
    }

    public enum State: Hashable, Sendable {
        /// Moving the cursor, nothing selected.
        case browsing
        /// Selecting from `anchor` to the cursor.
        case selecting(anchor: TextPosition)
    }

    public private(set) var cursor: TextPosition
    public private(set) var state = State.browsing

    /// Copy mode with the cursor at `cursor`.
    public init(cursor: TextPosition) { self.cursor = cursor }

    /// The selected range (inclusive at both ends, in text order), or nil.
    public var selection: ClosedRange<TextPosition>? {
        guard case let .selecting(anchor) = state else { return nil }
        return min(anchor, cursor)...max(anchor, cursor)
    }

    /// Moves the cursor within lines `lines` and columns `0..<width`.
    public mutating func move(_ motion: Motion, lines: ClosedRange<Int>, width: Int) {
        var c = cursor
        switch motion {
        case let .up(n): c.line -= n
        case let .down(n): c.line += n
        case let .left(n): c.column -= n
        case let .right(n): c.column += n
        case .lineStart: c.column = 0
        case .lineEnd: c.column = width - 1
        case .top: c = TextPosition(line: lines.lowerBound, column: 0)
        case .bottom: c = TextPosition(line: lines.upperBound, column: 0)
        }
        cursor = CopyMode.clamped(c, lines: lines, width: width)
    }

    /// Starts a selection at the cursor, or drops the current one.
    public mutating func toggleSelection() {
        if case .selecting = state { state = .browsing } else { state = .selecting(anchor: cursor) }
    }

    /// Keeps cursor and anchor inside `lines` after old lines were evicted or the screen changed.
    public mutating func clamp(lines: ClosedRange<Int>, width: Int) {
        cursor = CopyMode.clamped(cursor, lines: lines, width: width)
        if case let .selecting(anchor) = state {
            state = .selecting(anchor: CopyMode.clamped(anchor, lines: lines, width: width))
        }
    }

    static func clamped(_ p: TextPosition, lines: ClosedRange<Int>, width: Int) -> TextPosition {
        TextPosition(line: min(max(p.line, lines.lowerBound), lines.upperBound), column: min(max(p.column, 0), max(0, width - 1)))
    }

    /// The selected text: whole cells from the first position to the last, lines joined with `\n`,
    /// trailing spaces of each line trimmed, wide characters once. `cells` gives the cells of a line.
    public func selectedText(cells: (Int) -> [Cell]) -> String? {
        guard let range = selection else { return nil }
        var lines: [String] = []
        for line in range.lowerBound.line...range.upperBound.line {
            let row = cells(line)
            let from = line == range.lowerBound.line ? range.lowerBound.column : 0
            let to = line == range.upperBound.line ? range.upperBound.column + 1 : row.count
            lines.append(CopyMode.text(of: row, from: from, to: to))
        }
        return lines.joined(separator: "\n")
    }

    /// The text of `cells[from..<to]`: continuation cells skipped (a wide character whose right half
    /// starts the range is included), trailing spaces trimmed.
    public static func text(of cells: [Cell], from: Int = 0, to: Int = Int.max) -> String {
        var start = max(0, from)
        if start < cells.count, start > 0, cells[start].isContinuation { start -= 1 }
        let end = min(to, cells.count)
        var s = ""
        if start < end {
            for cell in cells[start..<end] where !cell.isContinuation { s += cell.grapheme }
        }
        while s.last == " " { s.removeLast() }
        return s
    }
}
