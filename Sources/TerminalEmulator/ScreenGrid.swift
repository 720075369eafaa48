/// One row of the screen: a first code point and a packed style per column (see `PackedCell`),
/// combining marks for the few cells that have them.
struct GridRow: Hashable, Sendable {
    var chars: [UInt32]
    var styles: [UInt64]
    var combining: [Int32: String] = [:]
    /// No column at or after this one holds anything but default blanks (keeps trimming cheap).
    var used = 0

    init(width: Int, style: UInt64 = 0) {
        chars = [UInt32](repeating: 0, count: width)
        styles = [UInt64](repeating: style, count: width)
        used = style == 0 ? 0 : width
    }

    /// A row made from a scrollback line, `width` wide.
    init(_ line: ScrollbackLine, width: Int) {
        self.init(width: width)
        for col in 0..<min(width, line.chars.count) {
            chars[col] = line.chars[col]
            styles[col] = line.styleKey(at: col)
        }
        if width > 0, width < line.chars.count, line.chars[width] == PackedCell.continuation { chars[width - 1] = 0 }
        combining = line.combining.filter { Int($0.key) < width }
        used = min(width, line.chars.count)
    }

    /// The row without trailing blank default-styled cells, as a scrollback line.
    var scrollbackLine: ScrollbackLine {
        var used = min(self.used, chars.count)
        while used > 0, chars[used - 1] == 0 || chars[used - 1] == 0x20, styles[used - 1] == 0 { used -= 1 }
        var runs: [ScrollbackLine.StyleRun] = []
        var last: UInt64 = 0
        for i in 0..<used where styles[i] != last {
            runs.append(.init(column: Int32(i), style: styles[i]))
            last = styles[i]
        }
        return ScrollbackLine(chars: used == chars.count ? chars : Array(chars[0..<used]), runs: runs,
                              combining: combining.isEmpty ? combining : combining.filter { Int($0.key) < used })
    }

    /// Blanks columns `from..<to` in `style`.
    mutating func erase(from: Int, to: Int, style: UInt64) {
        guard from < to else { return }
        if style != 0 { used = max(used, to) } else if to >= used { used = min(used, from) }
        for c in from..<to {
            chars[c] = 0
            styles[c] = style
        }
        if !combining.isEmpty { combining = combining.filter { Int($0.key) < from || Int($0.key) >= to } }
    }

    mutating func resize(width: Int) {
        if width < chars.count {
            // A wide character cut in half by the new edge becomes a blank.
            if width > 0, chars[width] == PackedCell.continuation { chars[width - 1] = 0 }
            chars.removeLast(chars.count - width)
            styles.removeLast(styles.count - width)
            combining = combining.filter { Int($0.key) < width }
            used = min(used, width)
        } else if width > chars.count {
            chars += [UInt32](repeating: 0, count: width - chars.count)
            styles += [UInt64](repeating: 0, count: width - styles.count)
        }
    }
}

/// The cells of a screen, kept from libvterm's state-layer callbacks. Rows are separate arrays, so a
/// scroll moves row references instead of copying every cell (libvterm's own screen layer copies the
/// whole screen for each scrolled line, which dominates the cost of a flood).
struct ScreenGrid: Sendable {
    private(set) var rows: [GridRow]
    private(set) var width: Int

    init(width: Int, height: Int) {
        self.width = width
        rows = [GridRow](repeating: GridRow(width: width), count: height)
    }

    var height: Int { rows.count }

    subscript(row: Int) -> GridRow { rows[row] }

    /// Writes a glyph (first code point, the rest as combining marks) of `glyphWidth` at (row, col),
    /// keeping wide characters whole.
    mutating func put(_ scalars: UnsafeBufferPointer<UInt32>, glyphWidth: Int, row: Int, col: Int, style: UInt64) {
        guard row >= 0, row < height, col >= 0, col < width, let first = scalars.first else { return }
        breakWide(row: row, col: col)
        if glyphWidth == 2, col + 1 < width { breakWide(row: row, col: col + 1) }
        rows[row].chars[col] = first
        rows[row].styles[col] = style
        rows[row].used = max(rows[row].used, col + glyphWidth)
        if scalars.count > 1 {
            var s = ""
            for u in scalars.dropFirst() { if let scalar = Unicode.Scalar(u) { s.unicodeScalars.append(scalar) } }
            rows[row].combining[Int32(col)] = s
        } else if !rows[row].combining.isEmpty {
            rows[row].combining[Int32(col)] = nil
        }
        if glyphWidth == 2, col + 1 < width {
            rows[row].chars[col + 1] = PackedCell.continuation
            rows[row].styles[col + 1] = style
        }
    }

    /// Before (row, col) is overwritten: blanks the other half of a wide character it belongs to.
    private mutating func breakWide(row: Int, col: Int) {
        if rows[row].chars[col] == PackedCell.continuation, col > 0 {
            rows[row].chars[col - 1] = 0
        } else if col + 1 < width, rows[row].chars[col + 1] == PackedCell.continuation {
            rows[row].chars[col + 1] = 0
        }
    }

    /// Blanks rows `rowRange` × columns `colRange` (clamped) in `style`.
    mutating func erase(rows rowRange: Range<Int>, cols colRange: Range<Int>, style: UInt64) {
        let r = rowRange.clamped(to: 0..<height), c = colRange.clamped(to: 0..<width)
        for row in r {
            if c.lowerBound > 0, rows[row].chars[c.lowerBound] == PackedCell.continuation { rows[row].chars[c.lowerBound - 1] = 0 }
            if c.upperBound < width, rows[row].chars[c.upperBound] == PackedCell.continuation { rows[row].chars[c.upperBound] = 0 }
            rows[row].erase(from: c.lowerBound, to: c.upperBound, style: style)
        }
    }

    /// Copies the cells of a rectangle to another place (ranges as libvterm gives them).
    mutating func move(destRows: Range<Int>, destCols: Range<Int>, srcRows: Range<Int>, srcCols: Range<Int>) {
        let n = min(destRows.count, srcRows.count), m = min(destCols.count, srcCols.count)
        guard n > 0, m > 0 else { return }
        let copy = (0..<n).map { i -> (ArraySlice<UInt32>, ArraySlice<UInt64>) in
            let row = rows[srcRows.lowerBound + i]
            return (row.chars[srcCols.lowerBound..<srcCols.lowerBound + m], row.styles[srcCols.lowerBound..<srcCols.lowerBound + m])
        }
        for i in 0..<n {
            let row = destRows.lowerBound + i
            guard row >= 0, row < height else { continue }
            rows[row].chars.replaceSubrange(destCols.lowerBound..<destCols.lowerBound + m, with: copy[i].0)
            rows[row].styles.replaceSubrange(destCols.lowerBound..<destCols.lowerBound + m, with: copy[i].1)
            rows[row].used = max(rows[row].used, destCols.lowerBound + m)
        }
    }

    /// Scrolls full-width rows `region` up by `count` (down when negative). Each row that leaves at the
    /// top is handed to `leaving` first; new rows are blank in `style`. Rows are moved, not copied.
    mutating func scroll(_ region: Range<Int>, by count: Int, style: UInt64, leaving: (GridRow) -> Void) {
        let region = region.clamped(to: 0..<height)
        let d = min(abs(count), region.count)
        guard d > 0 else { return }
        for _ in 0..<d {
            var row = rows.remove(at: count > 0 ? region.lowerBound : region.upperBound - 1)
            if count > 0 { leaving(row) }
            row.erase(from: 0, to: width, style: style)
            rows.insert(row, at: count > 0 ? region.upperBound - 1 : region.lowerBound)
        }
    }

    /// Removes `count` rows at the top (returned) or adds `rows` there.
    mutating func removeTop(_ count: Int) -> ArraySlice<GridRow> {
        let n = min(count, height)
        let gone = rows[0..<n]
        rows.removeFirst(n)
        return gone
    }

    mutating func insertTop(_ new: [GridRow]) { rows.insert(contentsOf: new, at: 0) }

    /// Changes the size: rows cut or padded at the bottom, columns at the right.
    mutating func resize(width newWidth: Int, height newHeight: Int) {
        if newWidth != width {
            for i in rows.indices { rows[i].resize(width: newWidth) }
            width = newWidth
        }
        if newHeight < height { rows.removeLast(height - newHeight) }
        if newHeight > height { rows += [GridRow](repeating: GridRow(width: width), count: newHeight - height) }
    }

    /// Every cell blank.
    mutating func clear() { rows = [GridRow](repeating: GridRow(width: width), count: height) }
}
