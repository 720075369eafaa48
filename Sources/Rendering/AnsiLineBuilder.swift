import TermCore

/// Builds the lines of ANSI output: text appended in a style, tabs, and the in-line cursor moves a
/// progress bar uses (`\r`, `\b`, erase in line).
///
/// Text is kept as styled runs while it is only appended. After `\r`, new text is collected as an
/// overlay of the old line: when it ends up at least as wide as the old line (the usual progress bar
/// rewrite) or the rest is erased, the old line is simply dropped. Otherwise, and after `\b`, the
/// line becomes a row of cells with a cursor, so text overwrites what is under it as a terminal
/// would show it. Work stays linear in the input either way.
struct AnsiLineBuilder {
    private enum Mode {
        /// Runs of text appended at the end.
        case append
        /// Text written from column 0 over `under` (of width `underWidth`); `tabbed` when a tab was
        /// written since (tabs move the cursor without overwriting, so the overlay is not exact).
        case overlay(under: [Span], underWidth: Int, tabbed: Bool)
        /// Cells, one per column (a wide character's second column holds an empty string), and the
        /// cursor column.
        case cells
    }

    private var mode = Mode.append
    private var spans: [Span] = []
    private var spansWidth = 0
    private var cells: [(text: String, style: Style)] = []
    private var cursor = 0
    private(set) var lines: [Line] = []

    /// The display width of a string, with an ASCII fast path.
    @inline(__always)
    static func width(_ s: String) -> Int {
        var n = 0
        for b in s.utf8 {
            if b >= 0x80 {
                n = 0
                for c in s { n += DisplayWidth.of(c) }
                return n
            }
            n += 1
        }
        return n
    }

    /// Appends text in `style` at the cursor.
    mutating func write(_ text: String, style: Style) {
        guard !text.isEmpty else { return }
        if case .cells = mode {
            for ch in text { put(ch, style: style) }
            return
        }
        if let last = spans.last, last.style == style {
            spans[spans.count - 1].text += text
        } else {
            spans.append(Span(text, style: style))
        }
        spansWidth += Self.width(text)
    }

    /// Moves to the next multiple of 8 columns, filling with spaces at the end of the line.
    mutating func tab(style: Style) {
        switch mode {
        case .append:
            write(String(repeating: " ", count: 8 - spansWidth % 8), style: style)
        case .overlay:
            // A tab moves over the old text without blanking it: only cells can show that.
            mode = forcedMerge()
            tab(style: style)
        case .cells:
            let target = (cursor / 8 + 1) * 8
            while cells.count < target { cells.append((" ", style)) }
            cursor = target
        }
    }

    /// Carriage return: the cursor goes to column 0.
    mutating func carriageReturn() {
        resolveOverlay()
        switch mode {
        case .append:
            mode = .overlay(under: spans, underWidth: spansWidth, tabbed: false)
            spans = []
            spansWidth = 0
        case .overlay:
            break
        case .cells:
            cursor = 0
        }
    }

    /// Backspace: the cursor goes one column left.
    mutating func backspace() {
        enterCellMode()
        if cursor > 0 { cursor -= 1 }
    }

    /// Erase in line: 0 from the cursor to the end, 1 from the start to the cursor, 2 the whole line.
    mutating func eraseInLine(_ kind: Int) {
        switch mode {
        case let .overlay(_, _, tabbed) where !tabbed && (kind == 0 || (kind == 2 && spansWidth == 0)):
            // Everything after the overlay's text is erased: the old line is gone.
            mode = .append
            return
        case .append where kind == 0:
            return // the cursor is at the end already
        default:
            break
        }
        enterCellMode()
        switch kind {
        case 0: if cursor < cells.count { cells.removeSubrange(cursor...) }
        case 1: for i in 0..<min(cursor + 1, cells.count) { cells[i] = (" ", .plain) }
        case 2: cells.removeAll(keepingCapacity: true)
        default: break
        }
    }

    /// Ends the current line.
    mutating func newline() {
        resolveOverlay()
        lines.append(currentLine())
        spans = []
        spansWidth = 0
        cells.removeAll(keepingCapacity: true)
        cursor = 0
        mode = .append
    }

    /// The lines so far plus the unfinished one (if it holds anything or `keepEmptyLast`).
    func finished(keepEmptyLast: Bool) -> [Line] {
        var copy = self
        copy.resolveOverlay()
        let last = copy.currentLine()
        if last.spans.isEmpty && !keepEmptyLast { return lines }
        return lines + [last]
    }

    /// Merges the overlay into cells even when it covers the old line; returns the new mode.
    private mutating func forcedMerge() -> Mode {
        guard case let .overlay(under, width, _) = mode else { return mode }
        mode = .overlay(under: under, underWidth: width, tabbed: true)
        resolveOverlay()
        return mode
    }

    /// An overlay that covers the old line replaces it; one that does not is merged cell by cell.
    private mutating func resolveOverlay() {
        guard case let .overlay(under, underWidth, tabbed) = mode else { return }
        if !tabbed && spansWidth >= underWidth {
            mode = .append
            return
        }
        let over = spans
        mode = .append
        spans = under
        spansWidth = underWidth
        enterCellMode()
        cursor = 0
        for span in over { for ch in span.text { put(ch, style: span.style) } }
    }

    private func currentLine() -> Line {
        switch mode {
        case .append, .overlay:
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
        resolveOverlay()
        guard case .append = mode else { return }
        mode = .cells
        cells.removeAll(keepingCapacity: true)
        for span in spans { for ch in span.text { appendCell(ch, style: span.style) } }
        spans = []
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
