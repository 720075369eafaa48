import EditorCore

/// A notebook view keeps its active cell, whether it was being edited and where the cursor was in
/// it, and the cell at the top of the view.
extension NotebookView: ViewStateRestorable {
    public var viewState: DocumentViewState {
        let m = model
        let editing = m.mode == .edit
        let cursor = editing ? m.activeCell.editor?.cursor : nil
        return DocumentViewState(cell: m.active, editing: editing, line: cursor?.line, column: cursor?.column,
                                 top: topCell, topRow: topRow)
    }

    public func restore(_ state: DocumentViewState) {
        guard !model.cells.isEmpty else { return }
        if let cell = state.cell { model.select(cell) }
        if state.editing == true {
            model.enterEditMode()
            if let line = state.line {
                model.editActive { $0.setCursor(TextPosition(line: line, column: state.column ?? 0)) }
            }
        }
        if let top = state.top {
            topCell = min(max(0, top), model.cells.count - 1)
            topRow = max(0, state.topRow ?? 0)
        }
        // The next frame keeps the active cell in view on whatever screen size there is now.
        revealPending = true
    }
}
