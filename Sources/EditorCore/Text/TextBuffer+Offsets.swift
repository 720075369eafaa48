/// Conversions between grapheme positions and the offsets other parties count in: Unicode scalars
/// (Jupyter's `cursor_pos` in `complete_request` and `inspect_request` since protocol 5.2) and
/// UTF-16 code units. Offsets count one per line break (`\n`).
extension TextBuffer {
    /// The offset of `p` from the start of the text, in Unicode scalars.
    public func scalarOffset(of p: TextPosition) -> Int {
        let p = clamp(p)
        var total = 0
        for l in 0..<p.line { total += lines[l].unicodeScalars.count + 1 }
        let s = lines[p.line]
        return total + s.unicodeScalars.distance(from: s.startIndex, to: index(column: p.column, inLine: p.line))
    }

    /// The position at a scalar offset; an offset inside a grapheme cluster moves to the cluster's
    /// start, offsets past the end clamp to the end.
    public func position(scalarOffset offset: Int) -> TextPosition {
        var remaining = max(offset, 0)
        for (l, s) in lines.enumerated() {
            let count = s.unicodeScalars.count
            if remaining <= count {
                return TextPosition(line: l, column: Self.column(in: s, units: remaining) { $0.unicodeScalars.count })
            }
            remaining -= count + 1
        }
        return endPosition
    }

    /// The offset of `p` from the start of the text, in UTF-16 code units.
    public func utf16Offset(of p: TextPosition) -> Int {
        let p = clamp(p)
        var total = 0
        for l in 0..<p.line { total += lines[l].utf16.count + 1 }
        let s = lines[p.line]
        return total + s.utf16.distance(from: s.startIndex, to: index(column: p.column, inLine: p.line))
    }

    /// The position at a UTF-16 offset (clamped; inside a cluster moves to its start).
    public func position(utf16Offset offset: Int) -> TextPosition {
        var remaining = max(offset, 0)
        for (l, s) in lines.enumerated() {
            let count = s.utf16.count
            if remaining <= count {
                return TextPosition(line: l, column: Self.column(in: s, units: remaining) { $0.utf16.count })
            }
            remaining -= count + 1
        }
        return endPosition
    }

    /// The column of the cluster containing the `units`-th unit (counted by `size`) of `line`.
    private static func column(in line: String, units: Int, size: (Character) -> Int) -> Int {
        var used = 0, column = 0
        for c in line {
            let n = size(c)
            if used + n > units { break }
            used += n
            column += 1
        }
        return column
    }
}
