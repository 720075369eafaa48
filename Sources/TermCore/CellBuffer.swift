/// A grid of styled cells: what components draw into and what a backend puts on the screen.
///
/// Drawing clips to the buffer (and to an optional clip rectangle) and never leaves half a wide
/// character behind: overwriting either half of a wide character blanks the other half, and a wide
/// character cut by an edge becomes a space.
public struct CellBuffer: Hashable, Sendable {
    public private(set) var size: Size
    /// Cells row by row.
    public internal(set) var cells: [Cell]

    /// A buffer of `size` filled with `fill`.
    public init(size: Size, fill: Cell = .blank()) {
        self.size = size
        self.cells = [Cell](repeating: fill, count: size.area)
    }

    /// The whole buffer as a rectangle.
    public var bounds: Rect { Rect(size: size) }

    /// The cell at column `x`, row `y` (must be inside).
    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { put(newValue, x: x, y: y) }
    }

    /// Resizes, keeping the overlapping cells and filling new ones with blanks.
    public mutating func resize(to newSize: Size, fill: Cell = .blank()) {
        guard newSize != size else { return }
        var next = CellBuffer(size: newSize, fill: fill)
        for y in 0..<min(size.height, newSize.height) {
            for x in 0..<min(size.width, newSize.width) { next.cells[y * newSize.width + x] = cells[y * size.width + x] }
            if newSize.width < size.width, newSize.width > 0 {
                let last = next.cells[y * newSize.width + newSize.width - 1]
                if last.width == 2 { next.cells[y * newSize.width + newSize.width - 1] = .blank(last.style) }
            }
        }
        self = next
    }

    /// Every cell blank in `style`.
    public mutating func clear(_ style: Style = .plain) {
        for i in cells.indices { cells[i] = .blank(style) }
        pictureRows.removeAll()
    }

    /// Fills `rect` (clipped) with `cell`. A wide `cell` is laid every two columns.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank()) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        if cell.width == 1 {
            for y in r.y..<r.maxY { for x in r.x..<r.maxX { put(cell, x: x, y: y) } }
            return
        }
        for y in r.y..<r.maxY { _ = drawGrapheme(cell.grapheme, width: 2, style: cell.style, x: r.x, y: y, clip: r, repeatTo: r.maxX) }
    }

    /// Lays `style` over every cell of `rect` (colours where set, attributes added).
    public mutating func setStyle(_ rect: Rect, _ style: Style) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { cells[y * size.width + x].style = cells[y * size.width + x].style.patched(with: style) }
        }
    }

    /// Draws `text` starting at `at`, clipped to `clip` (and the buffer); returns the column after the
    /// last cell drawn. The span's colours are laid over the cells' colours (a nil colour keeps what is
    /// there); its attributes replace theirs. Control characters and lone combining marks are skipped.
    @discardableResult
    public mutating func draw(_ text: String, at: Point, style: Style = .plain, clip: Rect? = nil) -> Int {
        let limit = clip.map { $0.intersection(bounds) } ?? bounds
        guard at.y >= limit.y, at.y < limit.maxY else { return at.x + text.displayWidth }
        var x = at.x
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for b in text.utf8 {
                if x >= limit.maxX { break }
                if x >= limit.x { put(Cell(String(UnicodeScalar(b)), style: merged(style, x: x, y: at.y)), x: x, y: at.y) }
                x += 1
            }
            return x
        }
        for ch in text {
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            if x >= limit.maxX { break }
            x = drawGrapheme(String(ch), width: w, style: style, x: x, y: at.y, clip: limit, repeatTo: nil)
        }
        return x
    }

    /// Draws a span at `at`; returns the column after it.
    @discardableResult
    public mutating func draw(_ span: Span, at: Point, clip: Rect? = nil) -> Int {
        draw(span.text, at: at, style: span.style, clip: clip)
    }

    /// Draws a line of spans at `at`; returns the column after it.
    @discardableResult
    public mutating func draw(_ line: Line, at: Point, clip: Rect? = nil) -> Int {
        var x = at.x
        for span in line.spans { x = draw(span.text, at: Point(x: x, y: at.y), style: span.style, clip: clip) }
        if let picture = line.picture {
            let limit = clip.map { $0.intersection(bounds) } ?? bounds
            let row = Rect(x: at.x, y: at.y, width: picture.source.columns, height: 1)
            if row.intersection(limit) == row { pictureRows.append(DrawnPictureRow(picture, at: at, cellsHash: cellsHash(row))) }
        }
        return x
    }

    /// Rows of pictures drawn whole (not clipped), in drawing order.
    public internal(set) var pictureRows: [DrawnPictureRow] = []

    /// A picture row drawn at a position, with a digest of the cells it covered then.
    public struct DrawnPictureRow: Hashable, Sendable {
        public var picture: PictureRow
        public var at: Point
        var cellsHash: Int

        init(_ picture: PictureRow, at: Point, cellsHash: Int) {
            self.picture = picture
            self.at = at
            self.cellsHash = cellsHash
        }
    }

    private func cellsHash(_ rect: Rect) -> Int {
        var h = Hasher()
        for y in rect.y..<rect.maxY {
            for x in rect.x..<rect.maxX { h.combine(cells[y * size.width + x]) }
        }
        return h.finalize()
    }

    /// The pictures that can be drawn in pixels: the rows drawn of each (all, or a run at the top or
    /// bottom when it is partly scrolled out), one under the other at the same column, and nothing
    /// drawn over them since.
    public func graphicsPlacements() -> [GraphicsPlacement] {
        guard !pictureRows.isEmpty else { return [] }
        var bySource: [GraphicsSource: [DrawnPictureRow]] = [:]
        var order: [GraphicsSource] = []
        for r in pictureRows {
            if bySource[r.picture.source] == nil { order.append(r.picture.source) }
            bySource[r.picture.source, default: []].append(r)
        }
        var out: [GraphicsPlacement] = []
        for source in order {
            let rows = bySource[source]!.sorted { $0.picture.row < $1.picture.row }
            let first = rows[0]
            let run = first.picture.row..<(first.picture.row + rows.count)
            guard run.upperBound <= source.rows else { continue }
            let whole = rows.enumerated().allSatisfy { i, r in
                r.picture.row == run.lowerBound + i && r.at == Point(x: first.at.x, y: first.at.y + i)
                    && r.cellsHash == cellsHash(Rect(x: r.at.x, y: r.at.y, width: source.columns, height: 1))
            }
            if whole {
                out.append(GraphicsPlacement(source: source, rect: Rect(x: first.at.x, y: first.at.y, width: source.columns, height: rows.count),
                                             rows: run))
            }
        }
        return out
    }

    /// Draws text line by line inside `rect`, clipped to it.
    public mutating func draw(_ text: Text, in rect: Rect) {
        for (i, line) in text.lines.prefix(rect.height).enumerated() {
            draw(line, at: Point(x: rect.x, y: rect.y + i), clip: rect)
        }
    }

    // MARK: - Cell placement keeping wide characters whole

    private func merged(_ style: Style, x: Int, y: Int) -> Style {
        let old = cells[y * size.width + x].style
        return Style(foreground: style.foreground ?? old.foreground, background: style.background ?? old.background,
                     attributes: style.attributes)
    }

    /// Draws one grapheme of width 1 or 2 at `x` (possibly repeated up to `repeatTo`); returns the next x.
    private mutating func drawGrapheme(_ g: String, width: Int, style: Style, x start: Int, y: Int, clip: Rect, repeatTo: Int?) -> Int {
        var x = start
        repeat {
            if x >= clip.maxX { break }
            if x + width <= clip.x { x += width; continue }
            let s = merged(style, x: max(x, clip.x), y: y)
            if width == 2 && (x < clip.x || x + 1 >= clip.maxX) {
                // Cut by an edge: the visible half becomes a space.
                put(.blank(s), x: x < clip.x ? x + 1 : x, y: y)
            } else if width == 2 {
                put(Cell(g, style: s, width: 2), x: x, y: y)
            } else if x >= clip.x {
                put(Cell(g, style: s, width: 1), x: x, y: y)
            }
            x += width
        } while repeatTo.map { x + width <= $0 } ?? false
        if let end = repeatTo, x < end, x >= clip.x { put(.blank(style), x: x, y: y) }
        return x
    }

    /// Stores a cell, blanking the halves of any wide character it breaks.
    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        let row = y * size.width
        let old = cells[row + x]
        if old.width == 0, x > 0 { cells[row + x - 1] = .blank(cells[row + x - 1].style) }
        if old.width == 2, x + 1 < size.width { cells[row + x + 1] = .blank(cells[row + x + 1].style) }
        if cell.width == 2 {
            guard x + 1 < size.width else { cells[row + x] = .blank(cell.style); return }
            let next = cells[row + x + 1]
            if next.width == 2, x + 2 < size.width { cells[row + x + 2] = .blank(cells[row + x + 2].style) }
            cells[row + x] = cell
            cells[row + x + 1] = .continuation(cell.style)
        } else {
            cells[row + x] = cell.width == 0 ? .blank(cell.style) : cell
        }
    }
}
