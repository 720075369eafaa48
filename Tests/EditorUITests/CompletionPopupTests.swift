import EditorCore
@testable import EditorUI
import Foundation
import JupyterProtocol
import TermCore
import Testing
import TestSupport

/// Completion and inspection popups, history and input prompts in the notebook view, with a
/// stand-in kernel so the screens are reproducible (the real kernel: `KernelAssistTests`).
@Suite struct CompletionPopupTests {
    func open(_ sources: [String], width: Int = 80, height: Int = 24, config: String = Pilot.standardConfig) throws -> (Pilot, NotebookView, StandInKernel) {
        let pilot = Pilot(width: width, height: height, paths: [try Fixtures.codeNotebook(sources)], config: config)
        let view = try #require(pilot.app.workspace.focusedContent as? NotebookView)
        let kernel = StandInKernel()
        view.assist.standIn = kernel
        return (pilot, view, kernel)
    }

    func source(_ view: NotebookView) -> String { view.model.activeCell.editor?.text ?? view.model.activeCell.source }

    @Test func tabOpensTheListAndEnterInserts() throws {
        let (pilot, view, kernel) = try open(["import o"])
        kernel.replies["complete_reply"] = StandInKernel.completeReply(["os", "operator", "opcode"], start: 7, end: 8, types: ["module", "module", "module"])
        pilot.press("<Enter> <End> <Tab>")
        let request = try #require(kernel.requests.last)
        #expect(request.msgType == "complete_request")
        #expect(request.content["code"]?.stringValue == "import o")
        #expect(request.content["cursor_pos"]?.intValue == 8)
        #expect(pilot.app.keyContext == .completer)
        Snapshot.assert(pilot.backend.screen, named: "completion-list-80x24", styled: true)
        pilot.press("<Down>")
        #expect(view.assist.completion?.selection?.label == "operator")
        pilot.press("<Enter>")
        #expect(source(view) == "import operator")
        #expect(view.assist.completion == nil)
        #expect(view.model.mode == .edit)
    }

    @Test func typingFiltersAndAMissCloses() throws {
        let (pilot, view, kernel) = try open(["import o"])
        kernel.replies["complete_reply"] = StandInKernel.completeReply(["os", "operator", "opcode"], start: 7, end: 8)
        pilot.press("<Enter> <End> <Tab>")
        pilot.type("p")
        #expect(view.assist.completion?.entries.map(\.item.label) == ["operator", "opcode"])
        Snapshot.assert(pilot.backend.screen, named: "completion-filtered-80x24")
        pilot.press("<Tab>")
        #expect(view.assist.completion?.selection?.label == "opcode", "Tab highlights the next match")
        pilot.type("x")
        #expect(view.assist.completion == nil)
        #expect(source(view) == "import opx")
        #expect(!pilot.contains("opcode"))
    }

    @Test func oneMatchCompletesAtOnceAndNoneSaysSo() throws {
        let (pilot, view, kernel) = try open(["pri"])
        kernel.replies["complete_reply"] = StandInKernel.completeReply(["print"], start: 0, end: 3)
        pilot.press("<Enter> <End> <Tab>")
        #expect(source(view) == "print")
        #expect(view.assist.completion == nil)
        kernel.replies["complete_reply"] = StandInKernel.completeReply([], start: 5, end: 5)
        pilot.press("<Tab>")
        #expect(pilot.contains("no completions"))
        #expect(source(view) == "print")
    }

    @Test func commonBeginningIsTyped() throws {
        let (pilot, view, kernel) = try open(["df.t"])
        kernel.replies["complete_reply"] = StandInKernel.completeReply(["to_csv", "to_dict", "to_json"], start: 3, end: 4)
        pilot.press("<Enter> <End> <Tab>")
        #expect(source(view) == "df.to_")
        #expect(view.assist.completion?.entries.count == 3)
    }

    @Test func tabAfterWhiteSpaceIndentsAndEscKeepsEditing() throws {
        let (pilot, view, kernel) = try open(["x = 1"])
        kernel.replies["complete_reply"] = StandInKernel.completeReply(["xor", "x"], start: 4, end: 5)
        pilot.press("<Enter> <Home> <Tab>")
        #expect(kernel.requests.isEmpty)
        #expect(source(view) == "    x = 1")
        pilot.press("<Right> <Tab>")
        #expect(view.assist.completion != nil)
        pilot.press("<Esc>")
        #expect(view.assist.completion == nil)
        #expect(view.model.mode == .edit, "Esc closes the list without leaving the cell")
        pilot.press("<Tab>")
        #expect(view.assist.completion != nil)
        pilot.press("<End>")
        #expect(view.assist.completion == nil, "a key the list does not use closes it and does its work")
        #expect(view.model.activeCell.editor?.cursor.column == 9)
    }

    @Test func listGoesAboveTheCursorNearTheBottom() throws {
        let long = (1...19).map { "line\($0) = \($0)" }.joined(separator: "\n") + "\nimport o"
        let (pilot, view, kernel) = try open([long])
        let end = long.unicodeScalars.count
        kernel.replies["complete_reply"] = StandInKernel.completeReply(["os", "operator", "opcode"], start: end - 1, end: end)
        pilot.press("<Enter> <C-End> <Tab>")
        #expect(view.assist.completion != nil)
        Snapshot.assert(pilot.backend.screen, named: "completion-above-80x24")
        let cursorRow = try #require(pilot.rows.firstIndex { $0.contains("import o") })
        let listRow = try #require(pilot.rows.firstIndex { $0.contains("operator") })
        #expect(listRow < cursorRow)
    }

    @Test func manyMatchesScroll() throws {
        let (pilot, view, kernel) = try open(["n"])
        let names = (0..<30).map { String(format: "name_%02d", $0) }
        kernel.replies["complete_reply"] = StandInKernel.completeReply(names, start: 0, end: 1, types: Array(repeating: "instance", count: 30))
        pilot.press("<Enter> <End> <Tab> <Up>")
        #expect(view.assist.completion?.selection?.label == "name_29")
        Snapshot.assert(pilot.backend.screen, named: "completion-scrolled-80x24")
        #expect(pilot.contains("name_29") && !pilot.contains("name_00"))
    }

    @Test func positionsCountCodePoints() throws {
        let (pilot, view, kernel) = try open(["s = '👍🏽'; pri"])
        kernel.replies["complete_reply"] = StandInKernel.completeReply(["print", "private"], start: 10, end: 13)
        pilot.press("<Enter> <End> <Tab>")
        #expect(kernel.requests.last?.content["cursor_pos"]?.intValue == 13, "7 code points before the emoji, 2 in it, 4 after")
        pilot.press("<Enter>")
        #expect(source(view) == "s = '👍🏽'; print")
    }

    @Test func lateRepliesForAnotherCellAreDropped() throws {
        let (pilot, view, kernel) = try open(["import o", "x"])
        kernel.replies["complete_reply"] = StandInKernel.completeReply(["os", "operator"], start: 7, end: 8)
        kernel.holdReplies = true
        pilot.press("<Enter> <End> <Tab> <Esc> j <Enter>")
        kernel.flush()
        pilot.settle()
        #expect(view.assist.completion == nil)
        #expect(view.model.sources == ["import o", "x"])
    }

    @Test func vimInsertModeCompletesToo() throws {
        let (pilot, view, kernel) = try open(["import o"], config: Pilot.standardConfig + "\n[editor]\nstyle = \"vim\"")
        kernel.replies["complete_reply"] = StandInKernel.completeReply(["os", "operator"], start: 7, end: 8)
        pilot.press("<Enter> <End> <Tab>")
        #expect(view.assist.completion != nil)
        pilot.type("p")
        #expect(view.assist.completion?.entries.map(\.item.label) == ["operator"])
        pilot.press("<Enter>")
        #expect(source(view) == "import operator")
    }
}
