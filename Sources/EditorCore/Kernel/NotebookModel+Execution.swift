import NotebookFormat

/// What running cells changes in the model: outputs and execution counts of a cell found by its
/// uid (so edits, moves and deletions while it runs are safe), and the notebook's kernel metadata.
/// These are changes of content (the notebook becomes modified) but not undoable cell actions, as in
/// JupyterLab, where outputs are not part of undo.
extension NotebookModel {
    /// The index of the cell with `uid`, if it is still in the notebook.
    public func index(ofUID uid: Int) -> Int? { cells.firstIndex { $0.uid == uid } }

    /// Replaces the outputs of the code cell `uid` (and its execution count when `executionCount` is
    /// given; `.some(nil)` clears it). False when the cell is gone or not a code cell.
    @discardableResult
    public mutating func setOutputs(_ outputs: [Output], executionCount: Int?? = nil, ofUID uid: Int) -> Bool {
        guard let i = index(ofUID: uid), cells[i].cellType == .code else { return false }
        cells[i].cell.outputs = outputs
        if let executionCount { cells[i].cell.executionCount = executionCount }
        cells[i].revision = nextRevision()
        cells[i].runStamp = cells[i].revision
        changeCount += 1
        return true
    }

    /// Sets the execution count of the code cell `uid`. False when the cell is gone.
    @discardableResult
    public mutating func setExecutionCount(_ count: Int?, ofUID uid: Int) -> Bool {
        guard let i = index(ofUID: uid), cells[i].cellType == .code else { return false }
        guard cells[i].cell.executionCount != count else { return true }
        cells[i].cell.executionCount = count
        cells[i].revision = nextRevision()
        cells[i].runStamp = cells[i].revision
        changeCount += 1
        return true
    }

    /// Sets the notebook metadata entry `key` (`kernelspec`, `language_info`); no change when equal.
    public mutating func setMetadata(_ key: String, _ value: JSONValue) {
        guard format.metadata[key] != value else { return }
        format.metadata[key] = value
        changeCount += 1
    }

    /// Marks every cell's layout stale (a prompt that depends on state outside the cell changed).
    public mutating func touch(uid: Int) {
        guard let i = index(ofUID: uid) else { return }
        cells[i].revision = nextRevision()
    }
}
