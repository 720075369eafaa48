/// Text being edited: a buffer, the selection, undo history and the internal clipboard.
///
/// A value type with mutating operations (typing, motions, line operations, clipboard, undo); the
/// editing styles (`KeymapEditingStyle`, `VimEditingStyle`) turn keys into these operations and the
/// UI's `TextEditorView` draws the result. Nothing here touches a terminal, a clock or a file.
public struct TextEditorState: Sendable {
    public private(set) var buffer: TextBuffer
    /// The selection; always inside the buffer.
    public var selection: Selection {
        didSet { selection.anchor = buffer.clamp(selection.anchor); selection.head = buffer.clamp(selection.head) }
    }
    public var options: TextEditingOptions
    public private(set) var history = UndoHistory()
    /// The internal clipboard (also vim's unnamed register).
    public var clipboard = TextClipboard()
    /// Overwrite mode (Insert key): typed characters replace the ones under the cursor.
    public var overwrite = false
    /// Closing brackets and quotes typed for the user, which typing the same character steps over.
    public private(set) var autoClosed: [TextPosition] = []

    public init(text: String = "", options: TextEditingOptions = TextEditingOptions()) {
        buffer = TextBuffer(text)
        selection = .zero
        self.options = options
    }

    /// The cursor (the selection's head).
    public var cursor: TextPosition { selection.head }
    /// The whole text.
    public var text: String { buffer.text }
    /// The selected text.
    public var selectedText: String { buffer.text(in: selection.range) }

    /// The display column of the cursor on its line.
    public var cursorDisplayColumn: Int {
        TextLayout.displayColumn(of: cursor.column, in: buffer.line(cursor.line), tabWidth: options.tabWidth)
    }

    // MARK: - The edit primitive

    /// Runs `body` on the buffer, records its changes for undo as one edit of `kind`, and sets the
    /// selection it returns (or keeps the current one, clamped).
    public mutating func edit(_ kind: EditKind, now: Double, _ body: (inout TextBuffer) -> Selection?) {
        let before = selection
        let startVersion = buffer.version
        let after = body(&buffer)
        selection = after ?? selection
        guard let changes = buffer.changes(since: startVersion) else {
            history.clear()
            return
        }
        history.record(changes, kind: kind, before: before, after: selection, now: now)
        if kind != .insert && kind != .delete { autoClosed.removeAll() }
    }

    /// Replaces the selection with `text` (one undo step of `kind`), leaving the cursor after it.
    public mutating func replaceSelection(with text: String, kind: EditKind = .other, now: Double) {
        let range = selection.range
        edit(kind, now: now) { b in
            let change = b.replace(range, with: text)
            return Selection(cursor: change.newEnd)
        }
    }

    /// Replaces the whole text (one undo step), keeping the cursor where it can.
    public mutating func setText(_ text: String, now: Double) {
        let keep = selection
        edit(.other, now: now) { b in
            b.setText(text)
            return keep
        }
    }

    /// Ends the current undo group, so the next edit starts a new one.
    public mutating func closeUndoGroup() { history.close() }

    /// Makes every edit until `endUndoGroup()` one undo step.
    public mutating func beginUndoGroup() { history.beginGroup() }

    /// Ends the step started by `beginUndoGroup()`.
    public mutating func endUndoGroup() { history.endGroup() }

    // MARK: - Undo

    /// Undoes the latest group and restores the selection from before it; false when none.
    @discardableResult
    public mutating func undo() -> Bool {
        guard let group = history.popUndo() else { return false }
        for change in group.changes.reversed() {
            let inverse = change.inverted
            buffer.replace(inverse.range, with: inverse.newText)
        }
        autoClosed.removeAll()
        selection = group.selectionBefore
        return true
    }

    /// Redoes the latest undone group and restores the selection from after it; false when none.
    @discardableResult
    public mutating func redo() -> Bool {
        guard let group = history.popRedo() else { return false }
        for change in group.changes { buffer.replace(change.range, with: change.newText) }
        autoClosed.removeAll()
        selection = group.selectionAfter
        return true
    }

    // MARK: - Selection

    /// Moves the cursor by `motion`, extending the selection when `extend` (Shift). A collapsed move
    /// of a non-empty selection by one character left or right lands at the selection's edge, as in
    /// CodeMirror; callers pass `collapseTo` for that.
    public mutating func move(extend: Bool, _ motion: (TextBuffer, TextPosition) -> TextPosition) {
        selection = selection.moved(to: motion(buffer, selection.head), extend: extend)
        pruneAutoClosed()
    }

    /// Places the cursor at `p` (clamped), or extends the selection to it.
    public mutating func setCursor(_ p: TextPosition, extend: Bool = false) {
        selection = selection.moved(to: buffer.clamp(p), extend: extend)
        pruneAutoClosed()
    }

    /// Moves `lines` down (negative: up) at the preferred display column. At the first or last line
    /// it reports the boundary (so the caller can move into the neighbouring cell) and stays.
    public mutating func moveVertically(lines: Int, extend: Bool) -> TextEditorOutcome {
        let goal = selection.preferredColumn ?? cursorDisplayColumn
        guard let target = TextMotion.vertical(buffer, selection.head, lines: lines, goal: goal, tabWidth: options.tabWidth) else {
            if extend {
                // Shift at the edge selects to the start or end of the text instead.
                setCursor(lines < 0 ? .zero : buffer.endPosition, extend: true)
                return .handled
            }
            return lines < 0 ? .moveToPreviousCell(displayColumn: goal) : .moveToNextCell(displayColumn: goal)
        }
        selection = selection.moved(to: target, extend: extend, preferredColumn: goal)
        pruneAutoClosed()
        return .handled
    }

    /// Moves a page (the viewport height less one line) down or up, stopping at the text's ends.
    public mutating func movePage(down: Bool, viewportHeight: Int, extend: Bool) {
        let goal = selection.preferredColumn ?? cursorDisplayColumn
        let step = max(1, viewportHeight - 1)
        let target = TextMotion.verticalClamped(buffer, selection.head, lines: down ? step : -step, goal: goal, tabWidth: options.tabWidth)
        selection = selection.moved(to: target, extend: extend, preferredColumn: goal)
    }

    /// Enters the text at display column `column` of line `line` (from the neighbouring cell).
    public mutating func enter(atLine line: Int, displayColumn: Int) {
        let l = min(max(line, 0), buffer.lineCount - 1)
        let c = TextLayout.column(atDisplayColumn: displayColumn, in: buffer.line(l), tabWidth: options.tabWidth)
        selection = Selection(anchor: TextPosition(line: l, column: c), head: TextPosition(line: l, column: c), preferredColumn: displayColumn)
    }

    /// Selects the whole text.
    public mutating func selectAll() {
        selection = Selection(anchor: .zero, head: buffer.endPosition)
    }

    /// The bracket next to the cursor and its partner, for highlighting.
    public var matchingBracket: (bracket: TextPosition, partner: TextPosition)? {
        BracketMatcher.match(in: buffer, at: cursor)
    }

    /// Selects the word at the cursor when nothing is selected; otherwise selects the next
    /// occurrence of the selected text (wrapping around). One selection at a time.
    public mutating func selectNextOccurrence() {
        if selection.isEmpty {
            let r = TextObjects.word(in: buffer, at: cursor, around: false)
            selection = Selection(anchor: r.start, head: r.end)
            return
        }
        let needle = selectedText
        let text = buffer.text.replacingOccurrences(of: "\r\n", with: "\n")
        let from = buffer.scalarOffset(of: selection.end)
        let scalars = text.unicodeScalars
        let startIndex = scalars.index(scalars.startIndex, offsetBy: min(from, scalars.count))
        let found = text.range(of: needle, range: startIndex..<text.endIndex) ?? text.range(of: needle)
        guard let found else { return }
        let s = buffer.position(scalarOffset: scalars.distance(from: scalars.startIndex, to: found.lowerBound))
        let e = buffer.position(scalarOffset: scalars.distance(from: scalars.startIndex, to: found.upperBound))
        selection = Selection(anchor: s, head: e)
    }

    // MARK: - Auto-closed brackets bookkeeping

    mutating func noteAutoClosed(_ p: TextPosition) { autoClosed.append(p) }

    mutating func shiftAutoClosed(line: Int, after column: Int, by delta: Int) {
        autoClosed = autoClosed.compactMap { p in
            guard p.line == line, p.column >= column else { return p }
            let c = p.column + delta
            return c >= column ? TextPosition(line: line, column: c) : nil
        }
    }

    mutating func removeAutoClosed(_ p: TextPosition) { autoClosed.removeAll { $0 == p } }

    private mutating func pruneAutoClosed() {
        let c = cursor
        if !autoClosed.isEmpty { autoClosed.removeAll { $0.line != c.line || $0 < c } }
    }
}

/// The internal clipboard: text, and whether it holds whole lines (pasted as lines, vim-style).
public struct TextClipboard: Hashable, Sendable {
    public var text: String
    public var isLinewise: Bool
    public init(text: String = "", isLinewise: Bool = false) {
        self.text = text
        self.isLinewise = isLinewise
    }
}
