import NotebookFormat

/// Edit mode: entering and leaving the active cell's text, editing it, splitting it at the cursor.
extension NotebookModel {
    /// Enters edit mode on the active cell (the selection collapses to it).
    public mutating func enterEditMode() {
        collapseSelection()
        ensureEditor(selection.active)
        if cells[selection.active].inputCollapsed {
            cells[selection.active].inputCollapsed = false
            cells[selection.active].revision = nextRevision()
        }
        mode = .edit
    }

    /// Back to command mode; the cell's text is written back.
    public mutating func enterCommandMode() {
        if cells.indices.contains(selection.active) {
            cells[selection.active].editor?.closeUndoGroup()
            cells[selection.active].syncSource()
        }
        mode = .command
    }

    /// Makes sure cell `index` has a text state.
    mutating func ensureEditor(_ index: Int) {
        guard cells[index].editor == nil else { return }
        cells[index].editor = TextEditorState(text: cells[index].cell.source, options: textOptions)
    }

    /// Runs `body` on the active cell's text state; a change of the text counts as a change of the
    /// notebook and of the cell.
    @discardableResult
    public mutating func editActive<R>(_ body: (inout TextEditorState) -> R) -> R {
        let i = selection.active
        ensureEditor(i)
        let version = cells[i].editor!.buffer.version
        let result = body(&cells[i].editor!)
        if cells[i].editor!.buffer.version != version {
            cells[i].sourceIsStale = true
            cells[i].revision = nextRevision()
            changeCount += 1
        }
        return result
    }

    /// Moves editing to the previous or next cell with the cursor at `displayColumn` on its last or
    /// first line; false at the notebook's edge.
    @discardableResult
    public mutating func moveEditing(toNext next: Bool, displayColumn: Int) -> Bool {
        let target = selection.active + (next ? 1 : -1)
        guard cells.indices.contains(target) else { return false }
        enterCommandMode()
        selection = CellSelection(target)
        enterEditMode()
        editActive { state in
            let line = next ? 0 : state.buffer.lineCount - 1
            state.enter(atLine: line, displayColumn: displayColumn)
        }
        return true
    }

    /// Replaces the source of cell `index` (an undoable cell action, selecting it); false when the
    /// text is the same.
    @discardableResult
    public mutating func setSource(_ text: String, at index: Int) -> Bool {
        guard cells.indices.contains(index), cells[index].source != text else { return false }
        if mode == .edit { enterCommandMode() }
        transform(index...index, selection: CellSelection(index)) { $0.source = text }
        return true
    }

    /// Splits the active cell at the cursor (the selected text, if any, becomes a cell of its own);
    /// editing goes on at the start of the last part. False when there is nothing to split off.
    @discardableResult
    public mutating func splitActiveCell() -> Bool {
        let i = selection.active
        ensureEditor(i)
        let state = cells[i].editor!
        let b = state.buffer
        let sel = state.selection.range
        var parts = [b.text(in: TextRange(.zero, sel.start))]
        if !state.selection.isEmpty { parts.append(b.text(in: sel)) }
        parts.append(b.text(in: TextRange(sel.end, b.endPosition)))
        parts = parts.enumerated().map { k, p in
            var s = Substring(p)
            if k > 0 { while s.first == "\n" { s = s.dropFirst() } }
            if k < parts.count - 1 { while s.last == "\n" { s = s.dropLast() } }
            return String(s)
        }
        var original = cells[i]
        original.syncSource()
        var new: [NotebookCell] = []
        for (k, part) in parts.enumerated() {
            var c: Cell
            if k == 0 {
                c = original.cell
            } else {
                c = duplicate(original.cell)
                if format.usesCellIDs {
                    var probe = format
                    probe.cells = cells.map(\.cell) + new.map(\.cell)
                    c.id = probe.freshCellID()
                }
            }
            c.source = part
            if c.cellType == .code && k < parts.count - 1 {
                c.outputs = []
                c.executionCount = nil
            }
            new.append(k == 0 ? NotebookCell(cell: c, uid: original.uid, revision: nextRevision()) : make(c))
        }
        mode = .command
        splice(i..<(i + 1), with: new, selection: CellSelection(i + new.count - 1))
        enterEditMode()
        editActive { $0.setCursor(.zero) }
        return true
    }
}
