/// A box-drawn table laid out in a width: columns sized to their content, shrunk fairly when the
/// table is too wide (cells then wrap), cells aligned per column, widths counted in terminal
/// columns (CJK and emoji take two). Markdown tables and HTML tables (pandas DataFrames) use it.
///
/// Scopes: `markup.table` for the frame and body cells, `markup.table.header` for header rows.
public struct TableLayout: Sendable {
    public var alignments: [ColumnAlignment]
    /// Header rows (several for multi-level column headers); may be empty.
    public var header: [[RenderedLine]]
    public var rows: [[RenderedLine]]
    /// Columns (from the left) drawn like headers: a DataFrame's index.
    public var headerColumns: Int

    public init(alignments: [ColumnAlignment], header: [[RenderedLine]], rows: [[RenderedLine]], headerColumns: Int = 0) {
        self.alignments = alignments
        self.header = header.filter { !$0.isEmpty }
        self.rows = rows
        self.headerColumns = headerColumns
    }

    /// The narrowest a shrunk column gets before cells are cut instead of wrapped further.
    static let minimumColumn = 3

    /// The table as lines no wider than `width` where that is possible at all.
    public func render(width: Int) -> [RenderedLine] {
        let columns = max(alignments.count, (header + rows).map(\.count).max() ?? 0)
        guard columns > 0 else { return [] }
        var natural = Array(repeating: 1, count: columns)
        for row in header + rows {
            for (c, cell) in row.enumerated() where c < columns { natural[c] = max(natural[c], cell.width) }
        }
        let widths = Self.fit(natural, into: width - (3 * columns + 1))
        var out: [RenderedLine] = []
        out.append(border("┌", "┬", "┐", widths))
        for row in header {
            out.append(contentsOf: lines(row, widths, header: true))
        }
        if !header.isEmpty { out.append(border(rows.isEmpty ? "└" : "├", rows.isEmpty ? "┴" : "┼", rows.isEmpty ? "┘" : "┤", widths)) }
        for row in rows {
            out.append(contentsOf: lines(row, widths, header: false))
        }
        if !rows.isEmpty || header.isEmpty { out.append(border("└", "┴", "┘", widths)) }
        return out.map { $0.width > width ? $0.truncated(to: width) : $0 }
    }

    /// Column widths: natural widths when they fit, else max-min fair shares of `available`.
    static func fit(_ natural: [Int], into available: Int) -> [Int] {
        if natural.reduce(0, +) <= available { return natural }
        var widths = natural
        var budget = max(available, natural.count * minimumColumn)
        var remaining = natural.count
        for c in natural.indices.sorted(by: { natural[$0] < natural[$1] }) {
            let share = budget / remaining
            widths[c] = max(min(natural[c], share), min(natural[c], minimumColumn))
            budget -= widths[c]
            remaining -= 1
        }
        return widths
    }

    private func border(_ l: String, _ m: String, _ r: String, _ widths: [Int]) -> RenderedLine {
        RenderedLine(l + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: m) + r, scope: "markup.table")
    }

    /// One table row, several lines tall when cells wrap.
    private func lines(_ row: [RenderedLine], _ widths: [Int], header: Bool) -> [RenderedLine] {
        var wrapped: [[RenderedLine]] = []
        for c in widths.indices {
            let cell = c < row.count ? row[c] : RenderedLine()
            let scope = header || c < headerColumns ? "markup.table.header" : "markup.table"
            var pieces = cell.wrapped(width: widths[c]).map { $0.width > widths[c] ? $0.truncated(to: widths[c]) : $0 }
            if pieces.isEmpty { pieces = [RenderedLine()] }
            wrapped.append(pieces.map { $0.inScope(scope) })
        }
        let height = wrapped.map(\.count).max() ?? 1
        var out: [RenderedLine] = []
        for y in 0..<height {
            var line = RenderedLine("│", scope: "markup.table")
            for c in widths.indices {
                let piece = y < wrapped[c].count ? wrapped[c][y] : RenderedLine()
                let align = c < alignments.count ? alignments[c] : .left
                let pad = max(0, widths[c] - piece.width)
                let (left, right): (Int, Int)
                switch align {
                case .left: (left, right) = (0, pad)
                case .right: (left, right) = (pad, 0)
                case .center: (left, right) = (pad / 2, pad - pad / 2)
                }
                line.append(RenderedSpan(String(repeating: " ", count: left + 1), scope: "markup.table"))
                line.append(contentsOf: piece)
                line.append(RenderedSpan(String(repeating: " ", count: right + 1), scope: "markup.table"))
                line.append(RenderedSpan("│", scope: "markup.table"))
            }
            out.append(line)
        }
        return out
    }
}
