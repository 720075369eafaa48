import EditorCore
import NotebookFormat
import Testing

/// Results of running cells are not cell actions: undo and redo keep them, and a reload gives the
/// cells names no late result can land on.
@Suite struct NotebookModelRunUndoTests {
    @Test func undoingAMoveKeepsOutputsMadeSince() throws {
        var m = sampleModel(["a", "b", "c"])
        var done = m.moveSelected(by: 1)
        #expect(done)
        let uid = m.cells[1].uid
        #expect(m.sources == ["b", "a", "c"])
        m.setOutputs([.stream(name: "stdout", text: "ran a\n")], executionCount: 9, ofUID: uid)
        done = m.undo()
        #expect(done)
        #expect(m.sources == ["a", "b", "c"])
        #expect(m.cells[0].cell.outputs == [.stream(name: "stdout", text: "ran a\n")])
        #expect(m.cells[0].cell.executionCount == 9)
        done = m.redo()
        #expect(done)
        #expect(m.cells[1].cell.outputs == [.stream(name: "stdout", text: "ran a\n")])
    }

    @Test func undoingClearOutputsStillBringsThemBack() {
        var m = sampleModel(["a", "b"])
        m.clearOutputs()
        #expect(m.cells[0].cell.outputs.isEmpty)
        var done = m.undo()
        #expect(done)
        #expect(m.cells[0].cell.outputs == [.stream(name: "stdout", text: "out a\n")])
        // Cleared, then run again: undoing the clear keeps the new run's outputs.
        done = m.redo()
        #expect(done)
        m.setOutputs([.stream(name: "stdout", text: "again\n")], executionCount: 3, ofUID: m.cells[0].uid)
        done = m.undo()
        #expect(done)
        #expect(m.cells[0].cell.outputs == [.stream(name: "stdout", text: "again\n")])
    }

    @Test func aReloadedModelNeverReusesUIDs() {
        let m = sampleModel(["a", "b"])
        let old = Set(m.cells.map(\.uid))
        var fresh = m.reloaded(m.notebook)
        #expect(Set(fresh.cells.map(\.uid)).isDisjoint(with: old))
        let landed = fresh.setOutputs([.stream(name: "stdout", text: "late\n")], ofUID: m.cells[0].uid)
        #expect(!landed)
        #expect(fresh.sources == ["a", "b"])
        #expect(fresh.cells.allSatisfy { $0.cell.outputs.count == 1 })
    }
}
