import TermCore

/// One line that scrolled off the top of the screen, stored compactly: a code point per column and
/// runs of packed styles, trailing blanks dropped. `cells` turns it back into TermCore cells.
public struct ScrollbackLine: Hashable, Sendable {
    /// A style that starts at `column` and lasts until the next run.
    struct StyleRun: Hashable, Sendable {
        var column: Int32
        var style: UInt64
    }

    /// First code point per column; `PackedCell.continuation` marks the right half of a wide character.
    var chars: [UInt32]
    var runs: [StyleRun]
    /// Combining marks by column, for the rare cells that have them.
    var combining: [Int32: String]

    init(chars: [UInt32], runs: [StyleRun], combining: [Int32: String] = [:]) {
        self.chars = chars
        self.runs = runs
        self.combining = combining
    }

    /// A line of plain text (for tests and for lines built outside libvterm).
    public init(text: String) {
        var chars: [UInt32] = []
        for ch in text {
            guard let first = ch.unicodeScalars.first else { continue }
            chars.append(first.value)
            if DisplayWidth.of(ch) == 2 { chars.append(PackedCell.continuation) }
        }
        self.init(chars: chars, runs: [])
    }

    /// Number of columns stored (trailing blanks are not).
    public var columns: Int { chars.count }

    /// The packed style at `column`.
    func styleKey(at column: Int) -> UInt64 {
        var lo = 0, hi = runs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(runs[mid].column) <= column { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? 0 : runs[lo - 1].style
    }

    /// The cells of the line padded with blanks to `width` (wide characters as head plus continuation).
    public func cells(width: Int) -> [Cell] {
        var out: [Cell] = []
        out.reserveCapacity(width)
        var runIndex = 0
        var style = Style.plain
        for column in 0..<min(width, chars.count) {
            while runIndex < runs.count, Int(runs[runIndex].column) <= column {
                style = PackedCell.style(runs[runIndex].style)
                runIndex += 1
            }
            let ch = chars[column]
            if ch == PackedCell.continuation {
                out.append(Cell("", style: style, width: 0))
            } else {
                let wide = column + 1 < chars.count && chars[column + 1] == PackedCell.continuation
                out.append(Cell(PackedCell.grapheme(ch, combining: combining[Int32(column)]), style: style, width: wide ? 2 : 1))
            }
        }
        while out.count < width { out.append(.blank()) }
        return out
    }
}
