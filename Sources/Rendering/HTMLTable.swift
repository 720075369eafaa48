/// A `<table>` read from HTML tokens into a `TableLayout`: header rows from `<thead>` (or leading
/// rows of `<th>` only), `colspan` and `rowspan` placed on a grid (spanned cells left empty, as
/// pandas shows a multi-index), leading `<th>` cells of body rows drawn as index columns, and
/// columns whose body cells are all numbers aligned right.
struct HTMLTable {
    private struct Cell {
        var text: String
        var header: Bool
        var colspan: Int
        var rowspan: Int
    }

    private struct Row {
        var cells: [Cell] = []
        var inHead: Bool
    }

    static let maxColumns = 1000

    /// The table from the tokens between `<table>` and `</table>` (exclusive).
    static func layout(_ tokens: ArraySlice<HTMLTokenizer.Token>) -> TableLayout {
        var rows: [Row] = []
        var inHead = false
        var cell: Cell? = nil
        var current: Row? = nil
        func closeCell() {
            if let c = cell {
                var c2 = c
                c2.text = collapse(c.text)
                if current == nil { current = Row(inHead: inHead) }
                current!.cells.append(c2)
            }
            cell = nil
        }
        func closeRow() {
            closeCell()
            if let r = current, !r.cells.isEmpty { rows.append(r) }
            current = nil
        }
        var nested = 0
        for token in tokens {
            switch token {
            case let .start(name, attributes, _):
                if nested > 0 { if name == "table" { nested += 1 }; continue }
                switch name {
                case "table": nested += 1
                case "thead": inHead = true
                case "tbody", "tfoot": closeRow(); inHead = false
                case "tr": closeRow(); current = Row(inHead: inHead)
                case "th", "td":
                    closeCell()
                    cell = Cell(text: "", header: name == "th",
                                colspan: min(maxColumns, max(1, Int(attributes["colspan"] ?? "") ?? 1)),
                                rowspan: min(10_000, max(1, Int(attributes["rowspan"] ?? "") ?? 1)))
                case "br", "p", "div": cell?.text += " "
                default: break
                }
            case let .end(name):
                if nested > 0 { if name == "table" { nested -= 1 }; continue }
                switch name {
                case "th", "td": closeCell()
                case "tr": closeRow()
                case "thead": closeRow(); inHead = false
                default: break
                }
            case let .text(t):
                if nested == 0 { cell?.text += t }
            }
        }
        closeRow()
        return build(rows)
    }

    private static func build(_ rows: [Row]) -> TableLayout {
        // Place cells on a grid, honouring spans.
        var grid: [[String]] = []
        var heads: [Bool] = []
        var pending: [Int: Int] = [:]   // column → rows still covered by a rowspan above
        var headerColumns = Int.max
        let headerRowCount: Int = {
            let explicit = rows.prefix { $0.inHead }.count
            if explicit > 0 { return explicit }
            return rows.prefix { $0.cells.allSatisfy(\.header) }.count
        }()
        for (r, row) in rows.enumerated() {
            var line: [String] = []
            func fillPending() {
                while let left = pending[line.count], left > 0 {
                    pending[line.count] = left - 1
                    line.append("")
                }
            }
            var leadingTH = 0
            var stillLeading = true
            for cell in row.cells {
                fillPending()
                guard line.count < maxColumns else { break }
                if cell.rowspan > 1 { for k in 0..<cell.colspan { pending[line.count + k] = cell.rowspan - 1 } }
                let startColumn = line.count
                line.append(cell.text)
                for _ in 1..<cell.colspan { line.append("") }
                if stillLeading && cell.header { leadingTH = startColumn + cell.colspan } else { stillLeading = false }
            }
            fillPending()
            grid.append(line)
            heads.append(r < headerRowCount)
            if r >= headerRowCount { headerColumns = min(headerColumns, leadingTH) }
        }
        let columns = grid.map(\.count).max() ?? 0
        let header = zip(grid, heads).filter { $0.1 }.map { $0.0 }
        let body = zip(grid, heads).filter { !$0.1 }.map { $0.0 }
        if headerColumns == Int.max { headerColumns = 0 }
        var alignments: [ColumnAlignment] = []
        for c in 0..<columns {
            let values = body.compactMap { c < $0.count ? $0[c] : nil }.filter { !$0.isEmpty && $0 != "..." && $0 != "…" }
            let numeric = c >= headerColumns && !values.isEmpty && values.allSatisfy(isNumeric)
            alignments.append(numeric ? .right : .left)
        }
        func lines(_ row: [String], header: Bool) -> [RenderedLine] {
            (0..<columns).map { c in c < row.count ? RenderedLine(row[c]) : RenderedLine() }
        }
        return TableLayout(alignments: alignments, header: header.map { lines($0, header: true) },
                           rows: body.map { lines($0, header: false) }, headerColumns: headerColumns)
    }

    static func isNumeric(_ s: String) -> Bool {
        let t = s.trimmingCharacters(in: .whitespaces)
        if ["NaN", "nan", "inf", "-inf", "NaT", "None", "<NA>", "True", "False"].contains(t) { return true }
        let core = t.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "%", with: "")
        return Double(core) != nil
    }

    /// HTML whitespace collapsed to single spaces, trimmed; control characters made visible.
    static func collapse(_ text: String) -> String {
        var out = ""
        var space = false
        for ch in text {
            if ch == " " || ch == "\n" || ch == "\t" || ch == "\r" {
                space = true
                continue
            }
            if space && !out.isEmpty { out.append(" ") }
            space = false
            out.append(ch)
        }
        return AnsiText.sanitized(out)
    }
}
