import EditorCore
@testable import EditorUI
import Foundation
import JupyterClient
import NotebookFormat
import Testing
import TestSupport

/// Completion, inspection, history and input prompts with a real ipykernel from the `.venv`.
@Suite(.serialized)
struct KernelAssistTests {
    /// A pilot on `sources` whose first cell was run (the kernel starts at the first run), IPython's
    /// history kept in a private folder.
    func started(_ sources: [String]) throws -> KernelPilot {
        let k = KernelPilot(path: try KernelPilot.notebook(sources))
        k.app.kernels.launch.environment["IPYTHONDIR"] = try ProjectPaths.makeTemporaryDirectory("callisto-ipython").path
        k.press("<C-e>")
        try k.wait("the first cell to run") { k.model.cells[0].cell.executionCount != nil }
        try k.waitIdle()
        return k
    }

    func edit(_ k: KernelPilot, cell: Int) {
        k.press("<Esc>")
        k.view.model.select(cell)
        k.press("<Enter> <C-End>")
    }

    func text(_ k: KernelPilot) -> String { k.model.activeCell.editor?.text ?? k.model.activeCell.source }

    @Test func completionListFromTheKernel() throws {
        let k = try started(["pass", "import o", "pri"])
        defer { k.close() }
        edit(k, cell: 1)
        k.press("<Tab>")
        try k.wait("the completion list") { k.view.assist.completion != nil }
        // IPython types the first matches (the rest are `<unknown>`, shown without a type).
        let items = k.view.assist.completion?.items ?? []
        #expect(items.contains { $0.label == "os" })
        #expect(items.first { $0.label == "opcode" }?.type == "module")
        #expect(k.pilot.rows.contains { $0.contains(" opcode ") && $0.contains("module") })
        #expect(k.pilot.rows.contains { $0.contains(" os ") })
        #expect(k.app.keyContext == .completer)
        // Typing filters; then step to `os` and accept it.
        k.pilot.type("s")
        #expect(k.pilot.rows.contains { $0.contains(" os ") })
        #expect(k.view.assist.completion?.entries.allSatisfy { $0.item.label.lowercased().contains("s") } == true)
        var steps = 0
        while k.view.assist.completion?.selection?.label != "os", steps < 50 { k.press("<Down>"); steps += 1 }
        k.press("<Enter>")
        #expect(text(k) == "import os")
        #expect(k.view.assist.completion == nil && k.model.mode == .edit)
        // `pri` completes to print: at once when it is the only match, else from the list.
        edit(k, cell: 2)
        k.press("<Tab>")
        try k.wait("print") { text(k) == "print" || k.view.assist.completion != nil }
        if k.view.assist.completion != nil {
            #expect(k.view.assist.completion?.entries.first?.item.label == "print")
            #expect(k.pilot.contains("print"))
            k.press("<Enter>")
        }
        #expect(text(k) == "print")
    }

    @Test func inspectionShowsTheDocstring() throws {
        let k = try started(["pass", "len(", "zzz_not_defined"])
        defer { k.close() }
        edit(k, cell: 1)
        k.press("<S-Tab>")
        try k.wait("the help box") { k.view.assist.inspection != nil }
        #expect(k.pilot.contains("Return the number of items in a container."))
        #expect(k.pilot.contains("Signature:"))
        #expect(!k.pilot.screenText.contains("\u{1b}") && !k.pilot.contains("[0;31m"))
        k.press("<S-Tab>")
        let pager = try #require(k.app.workspace.focusedContent as? PagerView)
        #expect(pager.title == "Help: len")
        #expect(k.pilot.contains("Return the number of items in a container."))
        k.app.run("application:close")
        k.pilot.settle()
        edit(k, cell: 2)
        k.press("<S-Tab>")
        try k.wait("the no-documentation message") { k.pilot.contains("No documentation found") }
        #expect(k.view.assist.inspection == nil)
    }

    @Test func inputAndGetpassPromptsInline() throws {
        let secret = "s3cr3t-Pa55"
        let k = try started(["pass", "name = input('name? ')\nprint(name)", "import getpass\ns = getpass.getpass('Password: ')\nprint(len(s))"])
        defer { k.close() }
        k.view.model.select(1)
        k.press("<S-Enter>")
        try k.wait("the input prompt") { k.view.inputPromptFocused }
        #expect(k.pilot.contains("name? "))
        #expect(k.app.keyContext == .stdin)
        k.pilot.type("Ada")
        #expect(k.pilot.contains("name? Ada"))
        k.press("<Enter>")
        try k.wait("the cell to print the answer") { k.stdout(1) == "Ada\n" }
        try k.waitIdle()
        let outputs = k.model.cells[1].cell.outputs
        #expect(outputs.first?.name == "stdin")
        #expect(outputs.first?.text == "name?  Ada\n", "the answer stays in the output, as JupyterLab keeps it")
        #expect(k.model.cells[1].source == "name = input('name? ')\nprint(name)")
        // getpass: what is typed never reaches the screen or the outputs.
        k.press("<Esc>")
        k.view.model.select(2)
        k.press("<C-e>")
        try k.wait("the password prompt") { k.view.inputPromptFocused }
        #expect(k.pilot.contains("Password:"))
        k.pilot.type(secret)
        #expect(!k.pilot.contains(secret))
        #expect(k.pilot.contains(String(repeating: "•", count: secret.count)))
        k.press("<Enter>")
        try k.wait("the password's length") { k.stdout(2) == "\(secret.count)\n" }
        try k.waitIdle()
        #expect(!k.pilot.contains(secret))
        #expect(!k.model.cells[2].cell.outputs.compactMap(\.text).joined().contains(secret))
        #expect(k.pilot.contains("Password:  ········"))
    }

    @Test func interruptingCancelsThePrompt() throws {
        let k = try started(["pass", "input('never answered: ')"])
        defer { k.close() }
        k.view.model.select(1)
        k.press("<C-e>")
        try k.wait("the input prompt") { k.view.inputPromptFocused }
        k.press("<C-c>")
        try k.wait("the prompt to go") { !k.view.isAwaitingInput }
        try k.waitIdle()
        #expect(!k.pilot.rows.contains { $0.contains("never answered:") && !$0.contains("input(") })
        #expect(k.model.cells[1].cell.outputs.contains { $0.outputType == .error && $0.ename == "KeyboardInterrupt" })
    }

    @Test func historyAfterRunningTwoCells() throws {
        let k = try started(["a = 11", "b = 22", ""])
        defer { k.close() }
        k.view.model.select(1)
        k.press("<C-e>")
        try k.waitIdle()
        edit(k, cell: 2)
        k.press("<A-Up>")
        try k.wait("the newest entry") { text(k) == "b = 22" }
        k.press("<A-Up>")
        #expect(text(k) == "a = 11")
        k.press("<A-Down> <A-Down>")
        #expect(text(k) == "")
    }
}
