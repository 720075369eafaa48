import EditorCore
import NotebookFormat
import Testing

/// A notebook of cells "a", "b", "c", … (code cells with one output each, ids 1, 2, …).
func sampleModel(_ sources: [String] = ["a", "b", "c", "d"]) -> NotebookModel {
    var cells: [Cell] = []
    for (i, s) in sources.enumerated() {
        var c = Cell(.code, source: s, id: "id\(i)")
        c.outputs = [.stream(name: "stdout", text: "out \(s)\n")]
        c.executionCount = i + 1
        cells.append(c)
    }
    return NotebookModel(Notebook(cells: cells))
}

extension NotebookModel {
    var sources: [String] { cells.map(\.source) }
}

@Suite("Notebook model: cell actions, selection, undo and redo")
struct NotebookModelTests {
    @Test func emptyNotebookGetsOneCodeCell() {
        let m = NotebookModel(Notebook())
        #expect(m.cells.count == 1)
        #expect(m.cells[0].cellType == .code)
        #expect(m.notebook.cells[0].id != nil)
    }

    @Test func movingAndExtendingTheSelection() {
        var m = sampleModel()
        m.moveActive(by: 1)
        #expect(m.selection == CellSelection(1))
        m.moveActive(by: 1, extend: true)
        m.moveActive(by: 1, extend: true)
        #expect(m.selection.range == 1...3)
        m.moveActive(by: 5, extend: true)
        #expect(m.selection.active == 3)
        m.moveActive(by: -1)
        #expect(m.selection == CellSelection(2))
        m.selectAll()
        #expect(m.selection.range == 0...3)
        m.moveActive(by: -9)
        #expect(m.selection == CellSelection(0))
    }

    @Test func insertAboveAndBelowThenUndoRedo() {
        var m = sampleModel()
        m.select(1)
        m.insertCell(below: true)
        #expect(m.sources == ["a", "b", "", "c", "d"])
        #expect(m.selection == CellSelection(2))
        m.insertCell(below: false, type: .markdown)
        #expect(m.sources == ["a", "b", "", "", "c", "d"])
        #expect(m.cells[2].cellType == .markdown)
        do { let ok = m.undo(); #expect(ok) }
        #expect(m.sources == ["a", "b", "", "c", "d"])
        #expect(m.selection == CellSelection(2))
        do { let ok = m.undo(); #expect(ok) }
        #expect(m.sources == ["a", "b", "c", "d"])
        #expect(m.selection == CellSelection(1))
        do { let ok = m.undo(); #expect(!ok) }
        do { let ok = m.redo(); #expect(ok) }
        do { let ok = m.redo(); #expect(ok) }
        #expect(m.sources == ["a", "b", "", "", "c", "d"])
        #expect(m.selection == CellSelection(2))
        do { let ok = m.redo(); #expect(!ok) }
    }

    @Test func deleteSelectedRangeAndUndoRestoresCellsAndSelection() {
        var m = sampleModel()
        m.select(1)
        m.moveActive(by: 1, extend: true)
        m.deleteSelected()
        #expect(m.sources == ["a", "d"])
        #expect(m.selection == CellSelection(1))
        m.undo()
        #expect(m.sources == ["a", "b", "c", "d"])
        #expect(m.selection == CellSelection(2, anchor: 1))
        #expect(m.notebook.cells.map(\.id) == ["id0", "id1", "id2", "id3"])
        #expect(m.cells[1].cell.outputs.count == 1)
    }

    @Test func deletingEveryCellLeavesOneEmptyCell() {
        var m = sampleModel(["x", "y"])
        m.selectAll()
        m.deleteSelected()
        #expect(m.sources == [""])
        m.undo()
        #expect(m.sources == ["x", "y"])
    }

    @Test func cutCopyPasteGiveFreshIds() {
        var m = sampleModel()
        m.copySelected()
        m.select(2)
        m.paste(below: true)
        #expect(m.sources == ["a", "b", "c", "a", "d"])
        let ids = m.notebook.cells.compactMap(\.id)
        #expect(Set(ids).count == 5)
        #expect(m.selection == CellSelection(3))
        m.paste(below: false)
        #expect(m.sources == ["a", "b", "c", "a", "a", "d"])
        #expect(Set(m.notebook.cells.compactMap(\.id)).count == 6)
        m.select(0)
        m.moveActive(by: 1, extend: true)
        m.cutSelected()
        #expect(m.sources == ["c", "a", "a", "d"])
        m.select(3)
        m.paste(below: true)
        #expect(m.sources == ["c", "a", "a", "d", "a", "b"])
        #expect(m.selection.range == 4...5)
        m.undo()
        m.undo()
        #expect(m.sources == ["a", "b", "c", "a", "a", "d"])
    }

    @Test func pasteWithEmptyClipboardDoesNothing() {
        var m = sampleModel()
        do { let ok = m.paste(below: true); #expect(!ok) }
        #expect(m.sources == ["a", "b", "c", "d"])
        #expect(!m.history.canUndo)
    }

    @Test func moveCellsUpAndDownKeepsSelection() {
        var m = sampleModel()
        m.select(1)
        m.moveActive(by: 1, extend: true)
        do { let ok = m.moveSelected(by: 1); #expect(ok) }
        #expect(m.sources == ["a", "d", "b", "c"])
        #expect(m.selection.range == 2...3)
        do { let ok = m.moveSelected(by: 1); #expect(!ok) }
        do { let ok = m.moveSelected(by: -1); #expect(ok) }
        do { let ok = m.moveSelected(by: -1); #expect(ok) }
        #expect(m.sources == ["b", "c", "a", "d"])
        do { let ok = m.moveSelected(by: -1); #expect(!ok) }
        m.undo()
        #expect(m.sources == ["a", "b", "c", "d"])
        #expect(m.selection.range == 1...2)
        m.undo()
        #expect(m.sources == ["a", "d", "b", "c"])
        #expect(m.selection.range == 2...3)
    }

    @Test func changeTypeDropsOutputsAndUndoBringsThemBack() {
        var m = sampleModel()
        m.changeType(to: .markdown)
        #expect(m.cells[0].cellType == .markdown)
        #expect(m.notebook.cells[0].fields["outputs"] == nil)
        #expect(m.notebook.cells[0].fields["execution_count"] == nil)
        m.changeType(to: .raw)
        #expect(m.cells[0].cellType == .raw)
        m.undo()
        m.undo()
        #expect(m.cells[0].cellType == .code)
        #expect(m.cells[0].cell.outputs.count == 1)
        #expect(m.cells[0].cell.executionCount == 1)
    }

    @Test func headingLevelsReplaceExistingMarks() {
        var m = sampleModel(["Title", "## Old"])
        m.makeHeading(level: 2)
        #expect(m.sources[0] == "## Title")
        m.select(1)
        m.makeHeading(level: 4)
        #expect(m.sources[1] == "#### Old")
        #expect(m.cells[1].cellType == .markdown)
        m.undo()
        #expect(m.sources[1] == "## Old")
        #expect(m.cells[1].cellType == .code)
    }

    @Test func mergeSelectedIntoFirstAndWithNeighbours() {
        var m = sampleModel()
        m.select(0)
        m.moveActive(by: 2, extend: true)
        do { let ok = m.mergeSelected(); #expect(ok) }
        #expect(m.sources == ["a\n\nb\n\nc", "d"])
        #expect(m.cells[0].cell.outputs.isEmpty)
        #expect(m.notebook.cells[0].id == "id0")
        #expect(m.selection == CellSelection(0))
        do { let ok = m.mergeSelected(); #expect(ok) }
        #expect(m.sources == ["a\n\nb\n\nc\n\nd"])
        do { let ok = m.mergeSelected(); #expect(!ok) }
        m.undo()
        m.undo()
        #expect(m.sources == ["a", "b", "c", "d"])
        #expect(m.selection.range == 0...2)
        m.select(2)
        do { let ok = m.mergeActive(above: true); #expect(ok) }
        #expect(m.sources == ["a", "b\n\nc", "d"])
        do { let ok = m.mergeActive(above: false); #expect(ok) }
        #expect(m.sources == ["a", "b\n\nc\n\nd"])
        m.select(0)
        do { let ok = m.mergeActive(above: true); #expect(!ok) }
    }

    @Test func splitAtCursorAndAroundSelection() {
        var m = sampleModel(["one\ntwo\nthree", "z"])
        m.enterEditMode()
        m.editActive { $0.setCursor(TextPosition(line: 1, column: 0)) }
        do { let ok = m.splitActiveCell(); #expect(ok) }
        #expect(m.sources == ["one", "two\nthree", "z"])
        #expect(m.mode == .edit)
        #expect(m.selection == CellSelection(1))
        #expect(m.cells[0].cell.outputs.isEmpty)
        #expect(m.cells[1].cell.outputs.count == 1)
        #expect(m.notebook.cells[0].id == "id0")
        #expect(m.notebook.cells[1].id != "id0")
        m.editActive { $0.selection = Selection(anchor: TextPosition(line: 0, column: 1), head: TextPosition(line: 0, column: 2)) }
        do { let ok = m.splitActiveCell(); #expect(ok) }
        #expect(m.sources == ["one", "t", "w", "o\nthree", "z"])
        m.enterCommandMode()
        m.undo()
        m.undo()
        #expect(m.sources == ["one\ntwo\nthree", "z"])
    }

    @Test func typingThenCellActionsKeepTheText() {
        var m = sampleModel(["x"])
        m.enterEditMode()
        m.editActive { $0.type("yz", now: 0) }
        #expect(m.cells[0].source == "yzx" || m.cells[0].source == "xyz")
        let typed = m.cells[0].source
        m.enterCommandMode()
        m.insertCell(below: true)
        m.undo()
        #expect(m.sources == [typed])
        #expect(m.notebook.cells[0].source == typed)
    }

    @Test func redoKeepsTextTypedAfterUndo() {
        var m = sampleModel(["a", "b"])
        m.insertCell(below: true)
        m.enterEditMode()
        m.editActive { $0.type("new", now: 0) }
        m.enterCommandMode()
        m.moveSelected(by: 1)
        #expect(m.sources == ["a", "b", "new"])
        m.undo()
        #expect(m.sources == ["a", "new", "b"])
        m.redo()
        #expect(m.sources == ["a", "b", "new"])
        #expect(m.selection == CellSelection(2))
    }

    @Test func clearOutputsSelectedAndAll() {
        var m = sampleModel()
        m.clearOutputs()
        #expect(m.cells[0].cell.outputs.isEmpty)
        #expect(m.cells[0].cell.executionCount == nil)
        #expect(m.cells[1].cell.outputs.count == 1)
        m.clearOutputs(all: true)
        #expect(m.cells.allSatisfy { $0.cell.outputs.isEmpty })
        m.undo()
        #expect(m.cells[1].cell.outputs.count == 1)
        #expect(m.cells[0].cell.outputs.isEmpty)
        m.undo()
        #expect(m.cells[0].cell.outputs.count == 1)
        #expect(m.cells[0].cell.executionCount == 1)
    }

    @Test func movingPastTheEdgeOfACellEditsTheNeighbour() {
        var m = sampleModel(["first\nline", "second"])
        m.enterEditMode()
        do { let ok = m.moveEditing(toNext: true, displayColumn: 3); #expect(ok) }
        #expect(m.selection == CellSelection(1))
        #expect(m.activeCell.editor?.cursor == TextPosition(line: 0, column: 3))
        do { let ok = m.moveEditing(toNext: false, displayColumn: 2); #expect(ok) }
        #expect(m.activeCell.editor?.cursor == TextPosition(line: 1, column: 2))
        do { let ok = m.moveEditing(toNext: false, displayColumn: 0); #expect(!ok) }
    }

    @Test func changeCountTracksEveryChange() {
        var m = sampleModel()
        let start = m.changeCount
        m.moveActive(by: 1)
        m.copySelected()
        #expect(m.changeCount == start)
        m.enterEditMode()
        m.editActive { $0.type("q", now: 0) }
        #expect(m.changeCount == start + 1)
        m.enterCommandMode()
        m.deleteSelected()
        #expect(m.changeCount == start + 2)
    }

    @Test func findAndReplaceAcrossCells() throws {
        var m = sampleModel(["alpha beta", "Beta", "gamma", "beta beta"])
        let plain = try NotebookSearch("beta")
        #expect(plain.matches(in: m).map(\.cell) == [0, 1, 3, 3])
        let cased = try NotebookSearch("beta", caseSensitive: true)
        #expect(cased.matches(in: m).count == 3)
        let next = try #require(plain.next(in: m, from: 1, offset: 0))
        #expect(next.cell == 3 && next.range == 0..<4)
        let wrapped = try #require(plain.next(in: m, from: 3, offset: 5))
        #expect(wrapped.cell == 0)
        let previous = try #require(plain.next(in: m, from: 1, offset: 0, forward: false))
        #expect(previous.cell == 0)
        let regex = try NotebookSearch("(b)eta", isRegex: true, caseSensitive: true)
        let replaced = m.replaceAll(regex, with: "$1ETA")
        #expect(replaced == 3)
        #expect(m.sources == ["alpha bETA", "Beta", "gamma", "bETA bETA"])
        m.undo()
        #expect(m.sources == ["alpha beta", "Beta", "gamma", "beta beta"])
        #expect(throws: NotebookSearch.InvalidPattern.self) { try NotebookSearch("(", isRegex: true) }
        let literal = try NotebookSearch("a.")
        #expect(literal.matches(in: "a.b aXb") == [0..<2])
    }

    @Test func collapsingIsViewStateOnly() {
        var m = sampleModel()
        let count = m.changeCount
        m.toggleCollapsed(input: true)
        m.toggleCollapsed(input: false)
        #expect(m.cells[0].inputCollapsed && m.cells[0].outputsCollapsed)
        #expect(m.changeCount == count)
        m.enterEditMode()
        #expect(!m.cells[0].inputCollapsed)
        m.setAllOutputsCollapsed(false)
        #expect(!m.cells[0].outputsCollapsed)
    }
}
