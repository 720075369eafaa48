/// Text forms of a buffer for tests and debugging.
extension CellBuffer {
    /// Each row as a string (wide characters once, continuation cells skipped), so every row has the
    /// buffer's width in columns.
    public var rowStrings: [String] {
        (0..<size.height).map { y in
            var s = ""
            for x in 0..<size.width {
                let c = cells[y * size.width + x]
                if c.width != 0 { s += c.grapheme }
            }
            return s
        }
    }

    /// The style runs of row `y`: column ranges of one style each, covering the row.
    public func styleRuns(row y: Int) -> [(columns: Range<Int>, style: Style)] {
        var runs: [(columns: Range<Int>, style: Style)] = []
        var start = 0
        for x in 0..<size.width {
            let s = cells[y * size.width + x].style
            if x > 0, s != cells[y * size.width + x - 1].style {
                runs.append((start..<x, cells[y * size.width + x - 1].style))
                start = x
            }
        }
        if size.width > 0 { runs.append((start..<size.width, cells[y * size.width + size.width - 1].style)) }
        return runs
    }

    /// Rows between `|` delimiters, one per line.
    public var textSnapshot: String { rowStrings.map { "|\($0)|" }.joined(separator: "\n") }

    /// Rows between `|`, each followed by its non-plain style runs as `  0-4 fg=red bold` lines.
    public var styledSnapshot: String {
        var out: [String] = []
        for (y, row) in rowStrings.enumerated() {
            out.append("|\(row)|")
            for run in styleRuns(row: y) where run.style != .plain && run.style != Style(foreground: .default, background: .default) {
                out.append("  \(run.columns.lowerBound)-\(run.columns.upperBound - 1) \(run.style.notation)")
            }
        }
        return out.joined(separator: "\n")
    }
}

extension Style {
    /// A compact description: `fg=red bg=#102030 bold underline`, or `plain`.
    public var notation: String {
        var parts: [String] = []
        if let f = foreground { parts.append("fg=\(f.notation)") }
        if let b = background { parts.append("bg=\(b.notation)") }
        let names: [(TextAttributes, String)] = [(.bold, "bold"), (.dim, "dim"), (.italic, "italic"), (.underline, "underline"),
                                                 (.reverse, "reverse"), (.strikethrough, "strike"), (.blink, "blink")]
        for (a, n) in names where attributes.contains(a) { parts.append(n) }
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }
}

extension Color {
    /// The colour as `Color(parsing:)` reads it: `default`, an ANSI name, an index or `#rrggbb`.
    public var notation: String {
        switch self {
        case .default: return "default"
        case let .indexed(i): return i < 16 ? Color.ansiNames[Int(i)] : String(i)
        case let .rgb(r, g, b):
            let hex = [r, g, b].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
            return "#" + hex
        }
    }
}
