import TermCore

/// 24-bit colour on terminals whose terminfo entry has no direct colour (COLORTERM=truecolor with
/// TERM=xterm-256color, the usual case under tmux and over SSH).
///
/// ncurses still draws every cell, with the colour degraded to what its terminfo offers, so its idea
/// of the screen (text, attributes, cursor) stays right. After each `doupdate` the overlay writes the
/// cells whose colours are RGB again with `CSI 38;2;r;g;b m` / `48;2`, each at its position, then
/// resets the attributes (ncurses leaves the terminal in normal attributes after an update, so it
/// believes the same) and puts the cursor back where ncurses left it.
///
/// It remembers the RGB cells on screen, so a repaint ncurses does by itself (after a resize,
/// resume or `clearok`) gets them all again.
struct TrueColorOverlay {
    /// RGB cells on screen by position.
    private(set) var onScreen: [Point: Cell] = [:]
    /// Cells to write after the next update.
    private var pending: [Point: Cell] = [:]
    /// Whether the next update repaints everything.
    private var repaintAll = false

    /// Whether `style` needs the overlay (a foreground or background in RGB).
    static func needs(_ style: Style) -> Bool {
        if case .rgb? = style.foreground { return true }
        if case .rgb? = style.background { return true }
        return false
    }

    /// Records what was drawn at `point` (the style already at the terminal's depth).
    mutating func drew(_ cell: Cell, style: Style, at point: Point) {
        if Self.needs(style) {
            var c = cell
            c.style = style
            onScreen[point] = c
            pending[point] = c
        } else if onScreen.removeValue(forKey: point) != nil {
            pending.removeValue(forKey: point)
        }
    }

    /// The next update repaints the whole screen (ncurses was told `clearok`).
    mutating func willRepaintAll() { repaintAll = true }

    /// Forgets everything (the screen was resized and will be drawn in full).
    mutating func reset() {
        onScreen.removeAll(keepingCapacity: true)
        pending.removeAll(keepingCapacity: true)
        repaintAll = false
    }

    /// The bytes to write after an update, ending with the cursor at `cursor` (0-based); empty when
    /// nothing is due.
    mutating func takeOutput(cursor: Point) -> String {
        let cells = repaintAll ? onScreen : pending
        pending.removeAll(keepingCapacity: true)
        repaintAll = false
        guard !cells.isEmpty else { return "" }
        var out = ""
        var last: Style?
        var next: Point?
        for point in cells.keys.sorted(by: { ($0.y, $0.x) < ($1.y, $1.x) }) {
            let cell = cells[point]!
            if next != point { out += "\u{1b}[\(point.y + 1);\(point.x + 1)H" }
            if cell.style != last {
                out += Self.sgr(cell.style)
                last = cell.style
            }
            out += cell.grapheme.isEmpty ? " " : cell.grapheme
            // After anything but plain ASCII the terminal's idea of the width may differ: position again.
            let ascii = cell.grapheme.utf8.count == 1
            next = ascii ? Point(x: point.x + 1, y: point.y) : nil
        }
        out += "\u{1b}[0m\u{1b}[\(cursor.y + 1);\(cursor.x + 1)H"
        return out
    }

    /// The SGR sequence setting exactly `style` (from a reset).
    static func sgr(_ style: Style) -> String {
        var parts = ["0"]
        let a = style.attributes
        if a.contains(.bold) { parts.append("1") }
        if a.contains(.dim) { parts.append("2") }
        if a.contains(.italic) { parts.append("3") }
        if a.contains(.underline) { parts.append("4") }
        if a.contains(.blink) { parts.append("5") }
        if a.contains(.reverse) { parts.append("7") }
        if a.contains(.strikethrough) { parts.append("9") }
        if let fg = colour(style.foreground, base: 30) { parts.append(fg) }
        if let bg = colour(style.background, base: 40) { parts.append(bg) }
        return "\u{1b}[" + parts.joined(separator: ";") + "m"
    }

    private static func colour(_ c: Color?, base: Int) -> String? {
        switch c {
        case nil, .default?: return nil
        case let .indexed(i)? where i < 8: return String(base + Int(i))
        case let .indexed(i)? where i < 16: return String(base + 60 + Int(i) - 8)
        case let .indexed(i)?: return "\(base + 8);5;\(i)"
        case let .rgb(r, g, b)?: return "\(base + 8);2;\(r);\(g);\(b)"
        }
    }
}
