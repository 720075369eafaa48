import NotebookFormat

/// Cell actions of command mode, each one undoable step (selection, insert, delete, clipboard,
/// move, type changes, merge, outputs).
extension NotebookModel {
    // MARK: Selection

    /// Moves the active cell by `delta`, dropping a multiple selection (or extending it).
    public mutating func moveActive(by delta: Int, extend: Bool = false) {
        let target = min(max(0, selection.active + delta), cells.count - 1)
        selection = extend ? CellSelection(target, anchor: selection.anchor) : CellSelection(target)
    }

    /// Makes cell `index` the only selected one.
    public mutating func select(_ index: Int, extend: Bool = false) {
        let target = min(max(0, index), cells.count - 1)
        selection = extend ? CellSelection(target, anchor: selection.anchor) : CellSelection(target)
    }

    /// Selects every cell, the active one staying active.
    public mutating func selectAll() {
        selection = CellSelection(cells.count - 1, anchor: 0)
    }

    /// Keeps only the active cell selected.
    public mutating func collapseSelection() {
        selection = CellSelection(selection.active)
    }

    // MARK: Insert and delete

    /// Inserts an empty cell of `type` above or below the active cell and selects it.
    public mutating func insertCell(below: Bool, type: CellType = .code, source: String = "") {
        let at = below ? selection.range.upperBound + 1 : selection.range.lowerBound
        let cell = make(newCell(type, source: source))
        splice(at..<at, with: [cell], selection: CellSelection(at))
    }

    /// Deletes the selected cells; an emptied notebook gets one empty code cell.
    public mutating func deleteSelected() {
        let r = selection.range
        var replacement: [NotebookCell] = []
        if r.count == cells.count { replacement = [make(newCell(.code))] }
        let next = min(r.lowerBound, cells.count - r.count + replacement.count - 1)
        splice(r.lowerBound..<(r.upperBound + 1), with: replacement, selection: CellSelection(next))
    }

    /// Copies the selected cells to the cell clipboard.
    public mutating func copySelected() {
        clipboard = selection.range.map { cells[$0].currentCell }
    }

    /// Copies, then deletes the selected cells.
    public mutating func cutSelected() {
        copySelected()
        deleteSelected()
    }

    /// Pastes the clipboard's cells below or above the selection (with fresh ids); false when empty.
    @discardableResult
    public mutating func paste(below: Bool) -> Bool {
        guard !clipboard.isEmpty else { return false }
        let at = below ? selection.range.upperBound + 1 : selection.range.lowerBound
        var new: [NotebookCell] = []
        for c in clipboard {
            var copy = duplicate(c)
            if let id = copy.id, new.contains(where: { $0.cell.id == id }) { copy.id = nil }
            new.append(make(copy))
        }
        // Ids must be unique among the pasted cells too.
        if format.usesCellIDs {
            var used = Set(cells.compactMap(\.cell.id))
            for i in new.indices {
                var probe = format
                probe.cells = cells.map(\.cell) + new.map(\.cell)
                if new[i].cell.id == nil || used.contains(new[i].cell.id!) { new[i].cell.id = probe.freshCellID() }
                used.insert(new[i].cell.id!)
            }
        }
        splice(at..<at, with: new, selection: CellSelection(at + new.count - 1, anchor: at))
        return true
    }

    // MARK: Move

    /// Moves the selected cells up (negative) or down by one; false at the edge.
    @discardableResult
    public mutating func moveSelected(by delta: Int) -> Bool {
        let r = selection.range
        if delta < 0 {
            guard r.lowerBound > 0 else { return false }
            let moved = Array(cells[r]) + [cells[r.lowerBound - 1]]
            let s = CellSelection(selection.active - 1, anchor: selection.anchor - 1)
            splice((r.lowerBound - 1)..<(r.upperBound + 1), with: moved, selection: s)
        } else {
            guard r.upperBound < cells.count - 1 else { return false }
            let moved = [cells[r.upperBound + 1]] + Array(cells[r])
            let s = CellSelection(selection.active + 1, anchor: selection.anchor + 1)
            splice(r.lowerBound..<(r.upperBound + 2), with: moved, selection: s)
        }
        return true
    }

    // MARK: Types

    /// Changes the selected cells to `type` (outputs of former code cells are dropped).
    public mutating func changeType(to type: CellType) {
        let r = selection.range
        guard r.contains(where: { cells[$0].cellType != type }) else { return }
        transform(r) { cell in
            if cell.cellType != type { cell.cellType = type }
        }
    }

    /// Makes the selected cells markdown headings of `level` (1–6), replacing any heading marks.
    public mutating func makeHeading(level: Int) {
        let marks = String(repeating: "#", count: min(max(level, 1), 6)) + " "
        transform(selection.range) { cell in
            cell.cellType = .markdown
            var text = Substring(cell.source)
            while text.first == "#" { text = text.dropFirst() }
            while text.first == " " { text = text.dropFirst() }
            cell.source = marks + text
        }
    }

    // MARK: Merge

    /// Merges the selected cells into the first (sources joined by a blank line, outputs cleared);
    /// with one cell selected, merges it with the one below. False when there is nothing to merge.
    @discardableResult
    public mutating func mergeSelected() -> Bool {
        let r = selection.isMultiple ? selection.range : selection.active...(selection.active + 1)
        return merge(r)
    }

    /// Merges the active cell with the cell above (`above`) or below.
    @discardableResult
    public mutating func mergeActive(above: Bool) -> Bool {
        let a = selection.active
        return merge(above ? (a - 1)...a : a...(a + 1))
    }

    private mutating func merge(_ r: ClosedRange<Int>) -> Bool {
        guard r.lowerBound >= 0, r.upperBound < cells.count, r.count > 1 else { return false }
        var first = cells[r.lowerBound].currentCell
        first.source = r.map { cells[$0].source }.joined(separator: "\n\n")
        if first.cellType == .code {
            first.outputs = []
            first.executionCount = nil
        }
        var merged = cells[r.lowerBound]
        merged.cell = first
        merged.editor = nil
        merged.sourceIsStale = false
        merged.revision = nextRevision()
        splice(r.lowerBound..<(r.upperBound + 1), with: [merged], selection: CellSelection(r.lowerBound))
        return true
    }

    // MARK: Outputs and view state

    /// Clears the outputs and execution counts of the selected cells (all cells with `all`).
    public mutating func clearOutputs(all: Bool = false) {
        let r = all ? 0...(cells.count - 1) : selection.range
        guard r.contains(where: { !cells[$0].cell.outputs.isEmpty || cells[$0].cell.executionCount != nil }) else { return }
        transform(r) { cell in
            guard cell.cellType == .code else { return }
            cell.outputs = []
            cell.executionCount = nil
        }
    }

    /// Toggles the collapsed input (`input`) or outputs of the selected cells (view state only).
    public mutating func toggleCollapsed(input: Bool) {
        let r = selection.range
        let collapse = !(input ? cells[selection.active].inputCollapsed : cells[selection.active].outputsCollapsed)
        for i in r {
            if input { cells[i].inputCollapsed = collapse } else { cells[i].outputsCollapsed = collapse }
            cells[i].revision = nextRevision()
        }
    }

    /// Sets the collapsed outputs of every cell (view state only).
    public mutating func setAllOutputsCollapsed(_ collapsed: Bool) {
        for i in cells.indices where cells[i].outputsCollapsed != collapsed {
            cells[i].outputsCollapsed = collapsed
            cells[i].revision = nextRevision()
        }
    }
}
