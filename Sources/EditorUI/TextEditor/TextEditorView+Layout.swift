import EditorCore
import TermCore

/// Rows, scrolling and hit testing.
extension TextEditorView {
    /// The pieces of a line `width` columns wide: `(start, end, startX)` in grapheme columns and the
    /// display column of the start. A line filling its last row exactly gets an empty piece after it,
    /// where the cursor at its end is drawn.
    public static func pieces(of line: String, width: Int, tabWidth: Int, wrap: Bool) -> [(start: Int, end: Int, x: Int)] {
        guard wrap, width > 0 else { return [(0, line.count, 0)] }
        var result: [(start: Int, end: Int, x: Int)] = []
        var start = 0, startX = 0, x = 0, i = 0
        for c in line {
            let w = TextLayout.width(of: c, at: x, tabWidth: tabWidth)
            if x - startX + w > width && i > start {
                result.append((start, i, startX))
                start = i
                startX = x
            }
            x += w
            i += 1
        }
        result.append((start, i, startX))
        if x - startX >= width && i > start { result.append((i, i, x)) }
        return result
    }

    /// The rows from the scroll position down, at most `height`.
    public func rows(_ state: TextEditorState, height: Int, textWidth: Int) -> [Row] {
        var out: [Row] = []
        let b = state.buffer
        var line = min(topLine, b.lineCount - 1)
        var skip = topRow
        while out.count < height && line < b.lineCount {
            let pieces = Self.pieces(of: b.line(line), width: textWidth, tabWidth: state.options.tabWidth, wrap: options.softWrap)
            for (k, p) in pieces.enumerated() where k >= min(skip, pieces.count - 1) {
                if out.count == height { break }
                out.append(Row(line: line, startColumn: p.start, endColumn: p.end, startX: p.x, index: k, isLast: k == pieces.count - 1))
            }
            skip = 0
            line += 1
        }
        return out
    }

    /// The piece of its line that `p` is drawn in.
    func pieceIndex(of p: TextPosition, in state: TextEditorState, textWidth: Int) -> Int {
        let pieces = Self.pieces(of: state.buffer.line(p.line), width: textWidth, tabWidth: state.options.tabWidth, wrap: options.softWrap)
        for (k, piece) in pieces.enumerated() where p.column < piece.end || (p.column == piece.end && k == pieces.count - 1) {
            return k
        }
        return pieces.count - 1
    }

    /// Scrolls the least needed to show `cursor` (the state's cursor by default) in a view of `size`.
    public mutating func scrollToCursor(_ state: TextEditorState, cursor: TextPosition? = nil, size: Size) {
        let b = state.buffer
        let p = b.clamp(cursor ?? state.cursor)
        let height = max(1, size.height)
        let textWidth = max(1, size.width - gutterWidth(lineCount: b.lineCount))
        topLine = min(topLine, b.lineCount - 1)
        guard options.softWrap else {
            topRow = 0
            if p.line < topLine { topLine = p.line }
            if p.line >= topLine + height { topLine = p.line - height + 1 }
            let x = TextLayout.displayColumn(of: p.column, in: b.line(p.line), tabWidth: state.options.tabWidth)
            if x < leftColumn { leftColumn = x }
            if x >= leftColumn + textWidth { leftColumn = x - textWidth + 1 }
            return
        }
        leftColumn = 0
        let row = pieceIndex(of: p, in: state, textWidth: textWidth)
        if (p.line, row) < (topLine, topRow) {
            (topLine, topRow) = (p.line, row)
            return
        }
        // The highest top that still shows the cursor's row at the bottom.
        var line = p.line, r = row, remaining = height - 1
        while remaining > 0 {
            if r > 0 { r -= 1; remaining -= 1; continue }
            guard line > 0 else { break }
            line -= 1
            r = Self.pieces(of: b.line(line), width: textWidth, tabWidth: state.options.tabWidth, wrap: true).count - 1
            remaining -= 1
        }
        if (line, r) > (topLine, topRow) { (topLine, topRow) = (line, r) }
    }

    /// The text position drawn at `point` of `rect` (for a mouse click); nil outside the rect.
    public func position(at point: Point, in rect: Rect, state: TextEditorState) -> TextPosition? {
        guard rect.contains(point) else { return nil }
        let area = textRect(rect, lineCount: state.buffer.lineCount)
        let rows = self.rows(state, height: rect.height, textWidth: area.width)
        guard let row = rows.indices.contains(point.y - rect.y) ? rows[point.y - rect.y] : rows.last else { return nil }
        if point.y - rect.y >= rows.count { return TextPosition(line: row.line, column: state.buffer.lineLength(row.line)) }
        let x = max(0, point.x - area.x) + (options.softWrap ? row.startX : leftColumn)
        let line = state.buffer.line(row.line)
        var column = TextLayout.column(atDisplayColumn: x, in: line, tabWidth: state.options.tabWidth)
        column = max(row.startColumn, min(column, row.isLast ? row.endColumn : max(row.startColumn, row.endColumn - 1)))
        return TextPosition(line: row.line, column: column)
    }

    /// The rows the whole text needs at `width` columns, counting no further than `limit` (a cell's
    /// height in a notebook).
    public func height(of state: TextEditorState, width: Int, limit: Int = .max) -> Int {
        let b = state.buffer
        guard options.softWrap else { return min(b.lineCount, limit) }
        let textWidth = max(1, width - gutterWidth(lineCount: b.lineCount))
        var total = 0
        for l in 0..<b.lineCount {
            total += Self.pieces(of: b.line(l), width: textWidth, tabWidth: state.options.tabWidth, wrap: true).count
            if total >= limit { return limit }
        }
        return total
    }
}
