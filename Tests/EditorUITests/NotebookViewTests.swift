import EditorCore
@testable import EditorUI
import Foundation
import NotebookFormat
import TermCore
import Testing
import TestSupport

/// The notebook tab through the whole app: keys go through the real decoder and keymap.
@Suite struct NotebookViewTests {
    func notebook(_ pilot: Pilot) throws -> NotebookView {
        try #require(pilot.app.workspace.focusedContent as? NotebookView)
    }

    func copy(_ name: String) throws -> String {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-nbview")
        let path = dir.appendingPathComponent(name).path
        try FileManager.default.copyItem(atPath: Fixtures.path(name), toPath: path)
        return path
    }

    @Test func opensNotebooksInTheEditor() throws {
        let pilot = Pilot(width: 80, height: 24, paths: [Fixtures.path("demo.ipynb")])
        let view = try notebook(pilot)
        #expect(view.model.cells.count == 3)
        #expect(pilot.app.statusModel.mode == "COMMAND")
        Snapshot.assert(pilot.backend.screen, named: "notebook-command-80x24")
        Snapshot.assert(pilot.backend.screen, named: "notebook-command-styled-80x24", styled: true)
    }

    @Test func editModeDrawsTheCellAsText() throws {
        let pilot = Pilot(width: 80, height: 24, paths: [Fixtures.path("demo.ipynb")])
        pilot.press("<Enter>")
        #expect(pilot.app.statusModel.mode == "EDIT")
        Snapshot.assert(pilot.backend.screen, named: "notebook-edit-markdown-80x24")
        pilot.press("<Esc> j <Enter>")
        Snapshot.assert(pilot.backend.screen, named: "notebook-edit-code-80x24", styled: true)
        pilot.press("<Esc>")
        #expect(pilot.app.statusModel.mode == "COMMAND")
    }

    @Test func authoringWithTheKeyboard() throws {
        let path = try copy("demo.ipynb")
        let pilot = Pilot(width: 80, height: 24, paths: [path])
        let view = try notebook(pilot)
        pilot.press("<End> b <Enter>")
        pilot.type("x = 1")
        pilot.press("<Esc> a m <Enter>")
        pilot.type("## Notes")
        pilot.press("<Esc>")
        #expect(view.model.sources.suffix(2) == ["## Notes", "x = 1"])
        #expect(view.model.cells[3].cellType == .markdown)
        pilot.press("<A-Down>")
        #expect(view.model.sources.suffix(2) == ["x = 1", "## Notes"])
        pilot.press("z")
        #expect(view.model.sources.suffix(2) == ["## Notes", "x = 1"])
        pilot.press("Z K M")
        #expect(view.model.sources.last == "x = 1\n\n## Notes")
        pilot.press("d d")
        #expect(view.model.cells.count == 3)
        pilot.press("z")
        #expect(view.model.cells.count == 4)
        #expect(view.isModified)
        #expect(pilot.app.statusModel.modified)
        pilot.press("<C-s>")
        #expect(!view.isModified)
        let saved = try NotebookFile.open(path: path)
        #expect(saved.notebook.cells.last?.source == "x = 1\n\n## Notes")
    }

    @Test func arrowsMoveBetweenCellsInEditMode() throws {
        let pilot = Pilot(width: 80, height: 24, paths: [Fixtures.path("demo.ipynb")])
        let view = try notebook(pilot)
        pilot.press("j <Enter> <Down> <Down>")
        #expect(view.model.active == 2)
        #expect(view.model.mode == .edit)
        pilot.press("<Up>")
        #expect(view.model.active == 1)
        #expect(view.model.activeCell.editor?.cursor.line == 1)
    }

    @Test func splitWithTheFallbackKey() throws {
        let pilot = Pilot(width: 80, height: 24, paths: [Fixtures.path("demo.ipynb")])
        let view = try notebook(pilot)
        pilot.press("j <Enter> <Down> <A-->")
        #expect(view.model.sources[1...2] == ["print('hello')", "6 * 7"])
        #expect(view.model.mode == .edit)
    }

    @Test func goToCellAndFind() throws {
        let pilot = Pilot(width: 80, height: 24, paths: [Fixtures.path("demo.ipynb")])
        let view = try notebook(pilot)
        _ = view.perform("notebook:go-to-cell", area: pilot.app.bodyArea(pilot.app.workspace.focused))
        pilot.type("3")
        pilot.press("<Enter>")
        #expect(view.model.active == 2)
        pilot.press("<C-f>")
        pilot.type("hello")
        pilot.press("<Enter>")
        #expect(view.model.active == 1)
        #expect(view.model.mode == .edit)
        #expect(view.model.activeCell.editor?.selectedText == "hello")
    }

    @Test func collapsedInputAndOutputs() throws {
        let pilot = Pilot(width: 80, height: 24, paths: [Fixtures.path("demo.ipynb")])
        pilot.press("j O o")
        Snapshot.assert(pilot.backend.screen, named: "notebook-collapsed-80x24")
    }

    @Test func largeNotebookKeepsTheActiveCellInView() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-nbview")
        let path = dir.appendingPathComponent("big.ipynb").path
        var nb = Notebook()
        for i in 0..<2_000 {
            nb.cells.append(nb.makeCell(i % 3 == 0 ? .markdown : .code, source: i % 3 == 0 ? "## Section \(i)" : "value_\(i) = \(i)\nprint(value_\(i))"))
        }
        try NotebookFile.save(nb, to: path)
        let pilot = Pilot(width: 80, height: 24, paths: [path])
        let view = try notebook(pilot)
        pilot.press("<C-End>")
        #expect(view.model.active == 1_999)
        #expect(pilot.contains("value_1999 = 1999"))
        pilot.press("<Home>")
        #expect(pilot.contains("Section 0"))
        for _ in 0..<30 { pilot.press("j") }
        #expect(pilot.contains("Section 30"))
    }

    @Test func damagedNotebookShowsTheErrorAndKeepsOtherTabs() throws {
        let pilot = Pilot(width: 100, height: 12, paths: [Fixtures.path("demo.ipynb"), Fixtures.path("broken.ipynb")])
        #expect(pilot.app.workspace.allContents.count == 2)
        let message = try #require(pilot.app.message)
        #expect(message.isError)
        #expect(message.text.contains("cannot open as a notebook") && message.text.contains("broken.ipynb"), "\(message.text)")
        #expect(pilot.app.workspace.allContents.contains { $0 is NotebookView })
    }
}

extension NotebookModel {
    var sources: [String] { cells.map(\.source) }
}

@Suite struct NotebookExternalEditorTests {
    @Test func editingACellInAnExternalEditor() throws {
        let pilot = Pilot(width: 80, height: 24, paths: [Fixtures.path("demo.ipynb")])
        let view = try #require(pilot.app.workspace.focusedContent as? NotebookView)
        view.editorEnvironment = ["EDITOR": "sed -i s/hello/bye/"]
        var ran: [[String]] = []
        pilot.driver.perform = { request in
            guard case let .runProgram(argv) = request else { return }
            ran.append(argv)
            let status = (try? ProcessRunner.run(URL(fileURLWithPath: argv[0]), Array(argv.dropFirst())).status) ?? 127
            pilot.app.programFinished(status: status)
        }
        pilot.press("j e")
        #expect(ran.count == 1)
        #expect(view.model.cells[1].source == "print('bye')\n6 * 7")
        pilot.press("z")
        #expect(view.model.cells[1].source == "print('hello')\n6 * 7")
        view.editorEnvironment = ["EDITOR": "false"]
        pilot.press("e")
        #expect(view.model.cells[1].source == "print('hello')\n6 * 7")
        #expect(pilot.app.message?.isError == true)
    }
}

@Suite struct NotebookEditingStyleTests {
    @Test func vimStyleInACell() throws {
        let pilot = Pilot(width: 80, height: 24, paths: [Fixtures.path("demo.ipynb")], config: Pilot.standardConfig + "\n[editor]\nstyle = \"vim\"")
        let view = try #require(pilot.app.workspace.focusedContent as? NotebookView)
        pilot.press("j <Enter>")
        #expect(pilot.app.statusModel.mode == "EDIT")
        pilot.type("# ")
        pilot.press("<Esc>")
        #expect(pilot.app.statusModel.mode == "NORMAL")
        pilot.press("d d")
        #expect(view.model.cells[1].source == "6 * 7")
        pilot.press("u")
        #expect(view.model.cells[1].source == "# print('hello')\n6 * 7")
        pilot.press("j j")
        #expect(view.model.active == 2)
        pilot.press("<Esc>")
        #expect(view.model.mode == .command)
        pilot.press("k")
        #expect(view.model.active == 1)
    }

    @Test func emacsStyleInACell() throws {
        let pilot = Pilot(width: 80, height: 24, paths: [Fixtures.path("demo.ipynb")], config: Pilot.standardConfig + "\n[editor]\nstyle = \"emacs\"")
        let view = try #require(pilot.app.workspace.focusedContent as? NotebookView)
        pilot.press("j <Enter> <C-k>")
        #expect(view.model.cells[1].source == "\n6 * 7")
        pilot.press("<C-k>")
        #expect(view.model.cells[1].source == "6 * 7")
        pilot.press("<C-y>")
        #expect(view.model.cells[1].source == "print('hello')\n6 * 7")
        pilot.press("<C-g>")
        #expect(view.model.mode == .command)
    }
}
