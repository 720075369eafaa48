import TermCore

/// The session's lines as one sequence: scrollback lines (oldest first) followed by the screen rows,
/// numbered from the oldest line ever kept; rendering, copy mode and text extraction read it.
extension TerminalSession {
    /// The number of the first line still available (older ones were evicted from the ring).
    public var firstLine: Int { screen.modes.altScreen ? screen.scrollback.evicted + screen.scrollback.count : screen.scrollback.evicted }
    /// The number of the screen's top row.
    public var screenTopLine: Int { screen.scrollback.evicted + screen.scrollback.count }
    /// The number of the last line (the screen's bottom row).
    public var lastLine: Int { screenTopLine + screen.size.height - 1 }
    /// The number of the line shown in the view's top row.
    public var viewTopLine: Int { screenTopLine - view.offset }

    /// The cells of line `number`, `size.width` wide (blank outside the available lines).
    public func cells(ofLine number: Int) -> [Cell] {
        let width = screen.size.width
        let row = number - screenTopLine
        if row >= 0 {
            guard row < screen.size.height else { return [Cell](repeating: .blank(), count: width) }
            screen.refresh()
            return (0..<width).map { screen.cells[$0, row] }
        }
        let index = number - screen.scrollback.evicted
        guard index >= 0, index < screen.scrollback.count, !screen.modes.altScreen else {
            return [Cell](repeating: .blank(), count: width)
        }
        return screen.scrollback[index].cells(width: width)
    }

    /// The text of line `number`, trailing spaces trimmed.
    public func text(ofLine number: Int) -> String { CopyMode.text(of: cells(ofLine: number)) }

    /// The text of every row the view shows.
    public var visibleText: [String] {
        (0..<screen.size.height).map { text(ofLine: viewTopLine + $0) }
    }

    /// Draws the view (scrollback lines and screen rows, copy-mode selection and cursor in reverse)
    /// into `buffer` with its top left at `origin`. Only damaged screen rows are re-read from libvterm.
    public func render(into buffer: inout CellBuffer, at origin: Point = .zero) {
        screen.refresh()
        let width = screen.size.width
        let top = viewTopLine
        let selection = copyMode?.selection
        for row in 0..<screen.size.height {
            let y = origin.y + row
            guard y >= 0, y < buffer.size.height else { continue }
            let line = top + row
            var cells = line >= screenTopLine ? (0..<width).map { screen.cells[$0, line - screenTopLine] } : cells(ofLine: line)
            if let selection { TerminalSession.highlight(&cells, line: line, selection) }
            if let cursor = copyMode?.cursor, cursor.line == line, cursor.column < width {
                cells[cursor.column].style.attributes.formSymmetricDifference(.reverse)
            }
            for (x, cell) in cells.enumerated() where !cell.isContinuation {
                let bx = origin.x + x
                guard bx >= 0, bx < buffer.size.width else { continue }
                buffer[bx, y] = cell
            }
        }
        viewChanged = false
    }

    static func highlight(_ cells: inout [Cell], line: Int, _ selection: ClosedRange<TextPosition>) {
        guard line >= selection.lowerBound.line, line <= selection.upperBound.line else { return }
        let from = line == selection.lowerBound.line ? selection.lowerBound.column : 0
        let to = line == selection.upperBound.line ? min(cells.count - 1, selection.upperBound.column) : cells.count - 1
        guard from <= to else { return }
        for x in from...to { cells[x].style.attributes.insert(.reverse) }
    }

    /// Where the terminal cursor should be drawn inside the pane, or nil when hidden or scrolled back.
    public var cursorPosition: Point? {
        guard view.isLive, copyMode == nil, screen.modes.cursorVisible else { return nil }
        return screen.cursor
    }

    // MARK: - Copy mode

    /// Enters copy mode with the cursor on the view's bottom row.
    public func enterCopyMode() {
        copyMode = CopyMode(cursor: TextPosition(line: viewTopLine + screen.size.height - 1, column: 0))
        viewChanged = true
    }

    /// Leaves copy mode and returns to the live screen.
    public func exitCopyMode() {
        copyMode = nil
        scrollToBottom()
        viewChanged = true
    }

    /// Moves the copy-mode cursor, scrolling the view to keep it visible.
    public func moveCopyCursor(_ motion: CopyMode.Motion) {
        guard var mode = copyMode else { return }
        mode.move(motion, lines: firstLine...lastLine, width: screen.size.width)
        copyMode = mode
        let line = mode.cursor.line
        if line < viewTopLine { scroll(lines: viewTopLine - line) }
        if line > viewTopLine + screen.size.height - 1 { scroll(lines: -(line - (viewTopLine + screen.size.height - 1))) }
        viewChanged = true
    }

    /// Starts or drops the selection at the copy-mode cursor.
    public func toggleSelection() {
        copyMode?.toggleSelection()
        viewChanged = true
    }

    /// The selected text (for the clipboard or OSC 52), or nil when nothing is selected.
    public var selectedText: String? {
        copyMode?.selectedText { cells(ofLine: $0) }
    }

    func clampCopyMode() {
        copyMode?.clamp(lines: firstLine...lastLine, width: screen.size.width)
    }
}
