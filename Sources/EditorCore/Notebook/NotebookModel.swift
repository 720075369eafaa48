import Foundation
import NotebookFormat

/// An open notebook as an editing model: its cells (with text states once edited), the selected
/// cells, command or edit mode, notebook-level undo and redo of cell actions, and the cell clipboard.
///
/// Every cell action is one splice of the cell list recorded in `history`, so undo and redo restore
/// the cells and the selection exactly. Text typed into a cell goes to that cell's own undo history.
public struct NotebookModel: Sendable {
    /// The notebook's metadata and format version; its `cells` are not kept current (see `notebook`).
    public internal(set) var format: Notebook
    public internal(set) var cells: [NotebookCell]
    public var selection: CellSelection
    public internal(set) var mode: NotebookMode = .command
    public internal(set) var history = CellHistory()
    /// Cells copied or cut, for pasting.
    public internal(set) var clipboard: [Cell] = []
    /// Counts every change of content (cell actions and typing); the document compares it with the
    /// count at the last save.
    public internal(set) var changeCount = 0
    /// Text editing options for cells entered for editing.
    public var textOptions: TextEditingOptions
    private var stamp = 0

    /// A model of `notebook`; an empty notebook gets one empty code cell (as JupyterLab shows it).
    public init(_ notebook: Notebook, textOptions: TextEditingOptions = TextEditingOptions()) {
        self.init(notebook, textOptions: textOptions, uidsAfter: 0)
    }

    private init(_ notebook: Notebook, textOptions: TextEditingOptions, uidsAfter first: Int) {
        format = notebook
        self.textOptions = textOptions
        stamp = first
        cells = []
        selection = CellSelection(0)
        cells.reserveCapacity(notebook.cells.count)
        for c in notebook.cells { cells.append(make(c)) }
        format.cells = []
        if cells.isEmpty { cells.append(make(format.makeCell(.code))) }
    }

    /// The model of `notebook` read again (a reload): its cells get uids this model never used, so
    /// work still addressed to the old cells (outputs of a cell that was running) finds nothing.
    public func reloaded(_ notebook: Notebook) -> NotebookModel {
        NotebookModel(notebook, textOptions: textOptions, uidsAfter: stamp)
    }

    /// The notebook with the current cells.
    public var notebook: Notebook {
        var n = format
        n.cells = cells.map(\.currentCell)
        return n
    }

    /// The language of code cells (`python` when the notebook does not say).
    public var language: String { format.language ?? "python" }

    /// The active cell's index.
    public var active: Int { selection.active }

    /// The active cell.
    public var activeCell: NotebookCell { cells[selection.active] }

    /// A model cell for a format cell, with a fresh uid.
    mutating func make(_ cell: Cell) -> NotebookCell {
        stamp += 1
        return NotebookCell(cell: cell, uid: stamp, revision: stamp)
    }

    /// A new revision number.
    mutating func nextRevision() -> Int {
        stamp += 1
        return stamp
    }

    /// A format cell for this notebook (fresh id when the notebook uses ids).
    func newCell(_ type: CellType, source: String = "") -> Cell {
        var used = Set(cells.compactMap(\.cell.id))
        return Cell(type, source: source, id: format.usesCellIDs ? Self.freshID(excluding: &used) : nil)
    }

    /// A copy of `cell` with a fresh id (none in notebooks before 4.5).
    func duplicate(_ cell: Cell) -> Cell {
        var c = cell
        var used = Set(cells.compactMap(\.cell.id))
        c.id = format.usesCellIDs ? Self.freshID(excluding: &used) : nil
        return c
    }

    /// An 8-hex-digit id (like nbformat's `uuid4().hex[:8]`) not in `used`, which gets it.
    static func freshID(excluding used: inout Set<String>) -> String {
        while true {
            let id = String(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(8))
            if used.insert(id).inserted { return id }
        }
    }

    // MARK: Splices

    /// Replaces `range` with `newCells` as one undoable step that ends with `selection`.
    mutating func splice(_ range: Range<Int>, with newCells: [NotebookCell], selection after: CellSelection) {
        for i in range { cells[i].syncSource() }
        let removed = Array(cells[range])
        cells.replaceSubrange(range, with: newCells)
        history.record(.init(index: range.lowerBound, removed: removed, inserted: newCells,
                             selectionBefore: selection, selectionAfter: after, modeBefore: mode))
        selection = clamped(after)
        changeCount += 1
    }

    /// Replaces the cells of `range` by transformed copies (same uids, new revisions).
    mutating func transform(_ range: ClosedRange<Int>, selection after: CellSelection? = nil, _ f: (inout Cell) -> Void) {
        var new: [NotebookCell] = []
        for i in range {
            var c = cells[i]
            c.syncSource()
            f(&c.cell)
            c.editor = nil
            c.revision = nextRevision()
            new.append(c)
        }
        splice(range.lowerBound..<(range.upperBound + 1), with: new, selection: after ?? selection)
    }

    func clamped(_ s: CellSelection) -> CellSelection {
        let last = max(0, cells.count - 1)
        return CellSelection(min(max(0, s.active), last), anchor: min(max(0, s.anchor), last))
    }

    // MARK: Undo

    /// Undoes the last cell action; false when there is none.
    @discardableResult
    public mutating func undo() -> Bool {
        guard var step = history.popUndo() else { return false }
        step.inserted = exchange(step.index..<(step.index + step.inserted.count), with: step.removed, recorded: step.inserted)
        history.pushRedo(step)
        selection = clamped(step.selectionBefore)
        return true
    }

    /// Redoes the last undone cell action; false when there is none.
    @discardableResult
    public mutating func redo() -> Bool {
        guard var step = history.popRedo() else { return false }
        step.removed = exchange(step.index..<(step.index + step.removed.count), with: step.inserted, recorded: step.removed)
        history.pushUndo(step)
        selection = clamped(step.selectionAfter)
        return true
    }

    /// Puts `replacement` where `range` was (back in command mode) and returns the cells it replaced,
    /// their sources synced, for the opposite step. `recorded` is how the step saw the cells of
    /// `range`: a cell that ran since then keeps its new outputs and count in the replacement (as in
    /// JupyterLab, outputs are not undone by undoing a cell action).
    private mutating func exchange(_ range: Range<Int>, with replacement: [NotebookCell], recorded: [NotebookCell]) -> [NotebookCell] {
        for i in range { cells[i].syncSource() }
        let current = Array(cells[range])
        var replacement = replacement
        for (k, r) in replacement.enumerated() {
            guard let now = current.first(where: { $0.uid == r.uid }), let then = recorded.first(where: { $0.uid == r.uid }),
                  now.runStamp != then.runStamp, r.cellType == .code, now.cellType == .code else { continue }
            replacement[k].cell.outputs = now.cell.outputs
            replacement[k].cell.executionCount = now.cell.executionCount
            replacement[k].runStamp = now.runStamp
            replacement[k].revision = nextRevision()
        }
        cells.replaceSubrange(range, with: replacement)
        mode = .command
        changeCount += 1
        return current
    }
}
