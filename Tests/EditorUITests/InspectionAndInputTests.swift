import EditorCore
@testable import EditorUI
import Foundation
import JupyterProtocol
import TermCore
import Testing
import TestSupport

/// The help box (Shift+Tab), its pager tab, kernel history (Alt+Up/Down) and input prompts, with a
/// stand-in kernel so the screens are reproducible.
@Suite struct InspectionAndInputTests {
    func open(_ sources: [String], width: Int = 80, height: Int = 24) throws -> (Pilot, NotebookView, StandInKernel) {
        let pilot = Pilot(width: width, height: height, paths: [try Fixtures.codeNotebook(sources)])
        let view = try #require(pilot.app.workspace.focusedContent as? NotebookView)
        let kernel = StandInKernel()
        view.assist.standIn = kernel
        return (pilot, view, kernel)
    }

    static let lenDoc = "\u{1b}[0;31mSignature:\u{1b}[0m \u{1b}[0mlen\u{1b}[0m\u{1b}[0;34m(\u{1b}[0m\u{1b}[0mobj\u{1b}[0m\u{1b}[0;34m,\u{1b}[0m \u{1b}[0;34m/\u{1b}[0m\u{1b}[0;34m)\u{1b}[0m\u{1b}[0;34m\u{1b}[0m\u{1b}[0;34m\u{1b}[0m\u{1b}[0m\n\u{1b}[0;31mDocstring:\u{1b}[0m Return the number of items in a container.\n\u{1b}[0;31mType:\u{1b}[0m      builtin_function_or_method"

    @Test func shiftTabShowsTheHelpWithItsColours() throws {
        let (pilot, view, kernel) = try open(["len("])
        kernel.replies["inspect_reply"] = ["status": "ok", "found": true, "data": ["text/plain": .string(Self.lenDoc)], "metadata": [:]]
        pilot.press("<Enter> <End> <S-Tab>")
        let request = try #require(kernel.requests.last)
        #expect(request.msgType == "inspect_request")
        #expect(request.content["cursor_pos"]?.intValue == 4)
        #expect(request.content["detail_level"]?.intValue == 0)
        #expect(pilot.app.keyContext == .tooltip)
        #expect(pilot.contains("Return the number of items in a container."))
        #expect(!pilot.contains("[0;31m"), "escape sequences are turned into colours, never shown")
        Snapshot.assert(pilot.backend.screen, named: "inspection-popup-80x24", styled: true)
        let row = try #require(pilot.rows.firstIndex { $0.contains("Signature:") })
        let styles = pilot.app.styles
        let text = pilot.rows[row]
        let x = text.distance(from: text.startIndex, to: try #require(text.range(of: "Signature:")).lowerBound)
        #expect(pilot.backend.screen[x, row].style.foreground != styles.style("ui.menu").foreground, "Signature: keeps its red")
        pilot.press("<Esc>")
        #expect(view.assist.inspection == nil)
        #expect(view.model.mode == .edit)
        #expect(!pilot.contains("Docstring:"))
    }

    @Test func helpOpensInAPagerTabAndTypingClosesIt() throws {
        let (pilot, view, kernel) = try open(["len("])
        kernel.replies["inspect_reply"] = ["status": "ok", "found": true, "data": ["text/plain": .string(Self.lenDoc)], "metadata": [:]]
        pilot.press("<Enter> <End> <S-Tab>")
        #expect(view.assist.inspection != nil)
        pilot.type("x")
        #expect(view.assist.inspection == nil)
        pilot.press("<BS> <S-Tab> <S-Tab>")
        let pager = try #require(pilot.app.workspace.focusedContent as? PagerView)
        #expect(pager.title == "Help: len")
        #expect(pilot.contains("Docstring: Return the number of items in a container."))
        #expect(pilot.app.statusModel.mode == "VIEW")
    }

    @Test func noDocumentationSaysSo() throws {
        let (pilot, view, kernel) = try open(["zzz"])
        kernel.replies["inspect_reply"] = ["status": "ok", "found": false, "data": [:], "metadata": [:]]
        pilot.press("<Enter> <End> <S-Tab>")
        #expect(view.assist.inspection == nil)
        #expect(pilot.contains("No documentation found"))
    }

    @Test func longHelpScrolls() throws {
        let (pilot, view, kernel) = try open(["f"])
        let text = (1...40).map { "line \($0) of the help" }.joined(separator: "\n")
        kernel.replies["inspect_reply"] = ["status": "ok", "found": true, "data": ["text/plain": .string(text)], "metadata": [:]]
        pilot.press("<Enter> <End> <S-Tab>")
        #expect(pilot.contains("line 1 of the help"))
        pilot.press("<PageDown> <Down>")
        #expect(view.assist.inspection?.scroll ?? 0 > 1)
        #expect(!pilot.contains("line 1 of the help"))
        Snapshot.assert(pilot.backend.screen, named: "inspection-scrolled-80x24")
    }

    @Test func historyStepsThroughTheKernelsInputs() throws {
        let (pilot, view, kernel) = try open(["a = 1", "b = 2", ""])
        kernel.replies["history_reply"] = ["status": "ok", "history": [[1, 1, "a = 1"], [1, 2, "b = 2"], [1, 3, "b = 2"]]]
        pilot.press("<End> <Enter> <A-Up>")
        #expect(kernel.requests.map(\.msgType) == ["history_request"])
        #expect(kernel.requests[0].content["hist_access_type"]?.stringValue == "tail")
        #expect(view.model.activeCell.editor?.text == "b = 2")
        pilot.press("<A-Up>")
        #expect(view.model.activeCell.editor?.text == "a = 1")
        #expect(kernel.requests.count == 1, "one fetch per navigation")
        pilot.press("<A-Up>")
        #expect(pilot.contains("no older history entry"))
        pilot.press("<A-Down> <A-Down>")
        #expect(view.model.activeCell.editor?.text == "")
        pilot.type("c")
        pilot.press("<A-Up>")
        #expect(kernel.requests.count == 2, "typing starts a new navigation")
        #expect(view.model.activeCell.editor?.text == "b = 2")
    }

    @Test func inputPromptTakesTheKeyboardAndAnswers() throws {
        let (pilot, view, kernel) = try open(["name = input('name? ')\nprint(name)", "x = 1"])
        let uid = view.model.cells[0].uid
        kernel.running = [uid]
        pilot.press("j")
        view.showInputPrompt(cellUID: uid, requestID: "req-1", prompt: "name? ", password: false)
        pilot.settle()
        #expect(pilot.app.keyContext == .stdin)
        #expect(pilot.app.statusModel.mode == "INPUT")
        #expect(view.model.active == 1, "the active cell stays where it was")
        pilot.type("Adz")
        pilot.press("<BS>")
        pilot.type("a")
        Snapshot.assert(pilot.backend.screen, named: "input-prompt-80x24", styled: true)
        let row = try #require(pilot.rows.firstIndex { $0.contains("name? Ada") })
        #expect(pilot.backend.cursor?.y == row)
        pilot.press("<Enter>")
        #expect(kernel.inputs.map(\.value) == ["Ada"])
        #expect(kernel.inputs.first?.requestID == "req-1")
        #expect(kernel.inputs.first?.echo == "name?  Ada")
        #expect(!view.isAwaitingInput)
        #expect(pilot.app.keyContext == .notebook)
        #expect(view.model.sources[0] == "name = input('name? ')\nprint(name)", "typing went to the prompt, not the cell")
    }

    @Test func passwordsNeverReachTheScreen() throws {
        let (pilot, view, kernel) = try open(["import getpass\ns = getpass.getpass()"])
        let uid = view.model.cells[0].uid
        kernel.running = [uid]
        view.showInputPrompt(cellUID: uid, requestID: "req-2", prompt: "Password: ", password: true)
        pilot.settle()
        pilot.type("hunter2")
        #expect(!pilot.contains("hunter2"))
        #expect(pilot.contains("Password: •••••••"))
        pilot.press("<Enter>")
        #expect(kernel.inputs.first?.value == "hunter2")
        #expect(kernel.inputs.first?.echo == "Password:  ········")
        #expect(!pilot.contains("hunter2"))
    }

    @Test func escLeavesThePromptWaitingAndEnterComesBack() throws {
        let (pilot, view, kernel) = try open(["input()", "y = 2"])
        let uid = view.model.cells[0].uid
        kernel.running = [uid]
        view.showInputPrompt(cellUID: uid, requestID: "r", prompt: "", password: false)
        pilot.settle()
        pilot.press("<Esc>")
        #expect(pilot.app.keyContext == .notebook)
        #expect(view.isAwaitingInput)
        pilot.press("j")
        #expect(view.model.active == 1, "command mode keys work again")
        pilot.press("k <Enter>")
        #expect(view.inputPromptFocused)
        pilot.type("ok")
        pilot.press("<Enter>")
        #expect(kernel.inputs.map(\.value) == ["ok"])
    }

    @Test func aPromptGoesAwayWhenTheCellStops() throws {
        let (pilot, view, kernel) = try open(["input()"])
        let uid = view.model.cells[0].uid
        kernel.running = [uid]
        view.showInputPrompt(cellUID: uid, requestID: "r", prompt: "waiting: ", password: false)
        pilot.settle()
        #expect(pilot.contains("waiting:"))
        kernel.running = []
        pilot.app.perform("application:redraw")
        pilot.settle()
        #expect(!view.isAwaitingInput)
        #expect(!pilot.contains("waiting:"))
        #expect(kernel.inputs.isEmpty)
    }
}
