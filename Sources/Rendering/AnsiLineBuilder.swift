import TermCore

/// Builds the lines of ANSI output: text appended in a style, tabs, and the in-line cursor moves a
/// progress bar uses (`\r`, `\b`, erase in line).
///
/// Text is kept as styled runs until the first cursor move on a line; from then on that line is a
/// row of cells with a cursor, so later text overwrites what is under it, as a terminal would show
/// it. Work stays linear in the input either way.
struct AnsiLineBuilder {
    private enum Mode {
        /// Runs of text appended at the end; `width` is the width of `spans`.
        case append
        /// Cells, one per column (a wide character's second column holds an empty string), and the
        /// cursor column.
        case cells
    }

    private var mode = Mode.append
    private var spans: [Span] = []
    private var spansWidth = 0
    private var cells: [(text: String, style: Style)] = []
    private var cursor = 0
    /// A `\r` not yet applied: `\r\n` then never leaves the fast append mode.
    private var pendingReturn = false
    private(set) var lines: [Line] = []

    /// Appends text in `style` at the cursor.
    mutating func write(_ text: String, style: Style) {
        guard !text.isEmpty else { return }
        applyReturn()
        switch mode {
        case .append:
            if let last = spans.last, last.style == style {
                spans[spans.count - 1].text += text
            } else {
                spans.append(Span(text, style: style))
            }
            spansWidth += DisplayWidth.of(text)
        case .cells:
            for ch in text { put(ch, style: style) }
        }
    }

    /// Moves to the next multiple of 8 columns, filling with spaces at the end of the line.
    mutating func tab(style: Style) {
        applyReturn()
        switch mode {
        case .append:
            write(String(repeating: " ", count: 8 - spansWidth % 8), style: style)
        case .cells:
            let target = (cursor / 8 + 1) * 8
            while cells.count < target { cells.append((" ", style)) }
            cursor = target
        }
    }

    /// Carriage return: the cursor goes to column 0.
    mutating func carriageReturn() {
        if case .cells = mode { cursor = 0 } else { pendingReturn = true }
    }

    private mutating func applyReturn() {
        guard pendingReturn else { return }
        pendingReturn = false
        enterCellMode()
        cursor = 0
    }

    /// Backspace: the cursor goes one column left.
    mutating func backspace() {
        applyReturn()
        enterCellMode()
        if cursor > 0 { cursor -= 1 }
    }

    /// Erase in line: 0 from the cursor to the end, 1 from the start to the cursor, 2 the whole line.
    mutating func eraseInLine(_ mode: Int) {
        applyReturn()
        enterCellMode()
        switch mode {
        case 0: if cursor < cells.count { cells.removeSubrange(cursor...) }
        case 1: for i in 0..<min(cursor + 1, cells.count) { cells[i] = (" ", .plain) }
        case 2: cells.removeAll(keepingCapacity: true)
        default: break
        }
    }

    /// Ends the current line.
    mutating func newline() {
        lines.append(currentLine())
        spans.removeAll(keepingCapacity: true)
        spansWidth = 0
        cells.removeAll(keepingCapacity: true)
        cursor = 0
        pendingReturn = false
        mode = .append
    }

    /// The lines so far plus the unfinished one (if it holds anything or `keepEmpty`).
    func finished(keepEmptyLast: Bool) -> [Line] {
        let last = currentLine()
        if last.spans.isEmpty && !keepEmptyLast { return lines }
        return lines + [last]
    }

    private func currentLine() -> Line {
        switch mode {
        case .append:
            return Line(spans)
        case .cells:
            var out: [Span] = []
            var text = ""
            var style = cells.first?.style ?? .plain
            for c in cells {
                if c.style != style && !c.text.isEmpty {
                    if !text.isEmpty { out.append(Span(text, style: style)) }
                    text = ""
                    style = c.style
                }
                text += c.text
            }
            if !text.isEmpty { out.append(Span(text, style: style)) }
            return Line(out)
        }
    }

    private mutating func enterCellMode() {
        guard case .append = mode else { return }
        mode = .cells
        cells.removeAll(keepingCapacity: true)
        for span in spans { for ch in span.text { appendCell(ch, style: span.style) } }
        spans.removeAll(keepingCapacity: true)
        spansWidth = 0
        cursor = cells.count
    }

    private mutating func appendCell(_ ch: Character, style: Style) {
        let w = DisplayWidth.of(ch)
        if w == 0 {
            if let i = cells.lastIndex(where: { !$0.text.isEmpty }) { cells[i].text.append(ch) } else { cells.append((String(ch), style)) }
            return
        }
        cells.append((String(ch), style))
        if w == 2 { cells.append(("", style)) }
    }

    /// Writes one character at the cursor, overwriting, and repairs wide characters it cuts in half.
    private mutating func put(_ ch: Character, style: Style) {
        let w = DisplayWidth.of(ch)
        if w == 0 {
            if cursor > 0 {
                var i = cursor - 1
                while i > 0 && cells[i].text.isEmpty { i -= 1 }
                cells[i].text.append(ch)
            } else if cells.isEmpty {
                cells.append((String(ch), style))
            } else {
                cells[0].text = String(ch) + cells[0].text
            }
            return
        }
        for col in cursor..<cursor + w where col < cells.count {
            // A wide character partly overwritten leaves a space behind in its other column.
            if cells[col].text.isEmpty && col > 0 && col == cursor { cells[col - 1] = (" ", cells[col - 1].style) }
            if col + 1 < cells.count && cells[col + 1].text.isEmpty && col == cursor + w - 1 {
                cells[col + 1] = (" ", cells[col + 1].style)
            }
        }
        while cells.count < cursor + w { cells.append((" ", style)) }
        cells[cursor] = (String(ch), style)
        if w == 2 { cells[cursor + 1] = ("", style) }
        cursor += w
    }
}
