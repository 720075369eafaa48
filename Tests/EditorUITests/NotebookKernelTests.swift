import EditorCore
import EditorUI
import Foundation
import JupyterClient
import JupyterProtocol
import NotebookFormat
import Testing
import TestSupport

/// NotebookKernel and the notebook view with a real ipykernel: every run command, the queue and
/// its prompts, errors and aborted cells, interrupt, restart, a dying kernel, the kernel picker and
/// shutting kernels down with their tab.
@Suite(.serialized)
struct NotebookKernelTests {
    @Test func runAndSelectNextQueuesAndCounts() throws {
        let path = try KernelPilot.notebook(["x = 6", "print(x * 7)", "x + 1"])
        let k = KernelPilot(path: path)
        defer { k.close() }
        k.press("<S-Enter>")
        #expect(k.model.active == 1)
        k.press("<S-Enter>")
        k.press("<S-Enter>")
        // Run and select next at the last cell adds a cell and edits it, as JupyterLab does.
        #expect(k.model.cells.count == 4)
        #expect(k.model.mode == .edit)
        try k.wait("three counts") { k.model.cells[2].cell.executionCount == 3 }
        try k.waitIdle()
        #expect(k.model.cells.prefix(3).map(\.cell.executionCount) == [1, 2, 3])
        #expect(k.stdout(1) == "42\n")
        #expect(k.model.cells[2].cell.outputs.first?.text(for: "text/plain") == "7")
        #expect(k.pilot.contains("[3]:"))
        #expect(k.pilot.contains("idle"))
        // The kernelspec and language_info are in the metadata.
        #expect(k.model.format.metadata["language_info"]?["name"]?.stringValue == "python")
    }
}

extension NotebookKernelTests {
    @Test func runInPlaceAndInsertBelowAndRangeCommands() throws {
        let path = try KernelPilot.notebook(["a = 1", "b = a + 1", "print(a + b)", "print('last')"])
        let k = KernelPilot(path: path)
        defer { k.close() }
        k.press("<C-e>")
        #expect(k.model.active == 0 && k.model.mode == .command)
        try k.wait("cell 1 ran") { k.model.cells[0].cell.executionCount == 1 }
        k.view.model.select(1)
        k.press("<A-Enter>")
        // Run and insert below: a new empty cell under the run cell, in edit mode.
        #expect(k.model.cells.count == 5 && k.model.active == 2 && k.model.mode == .edit)
        #expect(k.model.cells[2].source.isEmpty)
        k.press("<Esc>")
        try k.wait("cell 2 ran") { k.model.cells[1].cell.executionCount == 2 }
        // Run all above the active cell (4: "print(a + b)") runs cells 0…2, skipping the empty one.
        k.view.model.select(3)
        k.app.run("notebook:run-all-above")
        try k.waitIdle()
        #expect(k.model.cells[0].cell.executionCount == 3 && k.model.cells[1].cell.executionCount == 4)
        #expect(k.model.cells[2].cell.executionCount == nil && k.model.cells[3].cell.outputs.isEmpty)
        k.app.run("notebook:run-all-below")
        try k.waitIdle()
        #expect(k.stdout(3) == "3\n" && k.stdout(4) == "last\n")
        k.app.run("notebook:run-all-cells")
        try k.waitIdle()
        #expect(k.model.cells.map(\.cell.executionCount) == [7, 8, nil, 9, 10])
    }

    @Test func anErrorAbortsTheQueuedCells() throws {
        let path = try KernelPilot.notebook(["print('ok')", "1/0", "print('never')", "x = 2"])
        let k = KernelPilot(path: path)
        defer { k.close() }
        k.app.run("notebook:run-all-cells")
        try k.waitIdle()
        let cells = k.model.cells
        #expect(cells[0].cell.executionCount == 1 && cells[1].cell.executionCount == 2)
        #expect(cells[1].cell.outputs.first?.outputType == .error)
        #expect(cells[1].cell.outputs.first?.ename == "ZeroDivisionError")
        #expect(cells[2].cell.executionCount == nil && cells[2].cell.outputs.isEmpty)
        #expect(k.kernel?.run(of: cells[2].uid) == .aborted && k.kernel?.run(of: cells[3].uid) == .aborted)
        #expect(k.pilot.rows.filter { $0.contains("[-]:") }.count == 2)
        // Running an aborted cell again clears the mark.
        k.view.model.select(3)
        k.press("<C-Enter>")
        try k.waitIdle()
        #expect(k.model.cells[3].cell.executionCount == 3 && k.kernel?.run(of: cells[3].uid) == nil)
    }

    @Test func queuedAndRunningCellsShowAStar() throws {
        let path = try KernelPilot.notebook(["import time\nprint('sleeping', flush=True)\ntime.sleep(60)", "print('after')"])
        let k = KernelPilot(path: path)
        defer { k.close() }
        k.app.run("notebook:run-all-cells")
        let uids = k.model.cells.map(\.uid)
        try k.wait("the sleep to run") { if case .running? = k.kernel?.run(of: uids[0]) { return true }; return false }
        #expect(k.kernel?.run(of: uids[1]) == .queued)
        #expect(k.pilot.rows.filter { $0.contains("[*]:") }.count == 2)
        #expect(k.pilot.contains("busy"))
        // Editing a cell while it runs is safe, and so is editing the queued one (its code was taken).
        k.press("<Down>")
        k.press("<Enter>")
        k.pilot.type("# edited ")
        k.press("<Esc>")
        #expect(k.model.cells[1].source.hasPrefix("# edited "))
        // Interrupt (i i) once the cell's own code runs: the sleep ends with KeyboardInterrupt and
        // the queued cell is aborted at once.
        try k.wait("the cell's own output") { k.stdout(0) == "sleeping\n" }
        try interrupt(k, uid: uids[0])
        #expect(k.kernel?.run(of: uids[1]) == .aborted)
        #expect(k.model.cells[0].cell.outputs.contains { $0.ename == "KeyboardInterrupt" })
        #expect(k.kernel?.run(of: uids[0]) == nil)
    }

    /// ipykernel prepares a cell (IPython's input transformers) before the guard that turns
    /// KeyboardInterrupt into an error reply: an interrupt there ends the request without a reply.
    /// A slow input transformer holds the kernel in that window; the cell ends aborted, the queue
    /// is dropped and the kernel runs the next cell.
    @Test func anInterruptWhileTheKernelPreparesTheCellAbortsIt() throws {
        let setup = KernelSnippets.slowTransform
        let path = try KernelPilot.notebook([setup, "# slow-transform\n1", "print('after')"])
        let k = KernelPilot(path: path)
        defer { k.close() }
        k.app.run("notebook:run-all-cells")
        let uids = k.model.cells.map(\.uid)
        try k.wait("the transformer to run") { k.stdout(1) == "transforming\n" }
        try interrupt(k, uid: uids[1])
        #expect(k.kernel?.run(of: uids[1]) == .aborted)
        #expect(k.kernel?.run(of: uids[2]) == .aborted)
        #expect(k.model.cells[1].cell.executionCount == nil && k.model.cells[2].cell.outputs.isEmpty)
        #expect(k.pilot.rows.filter { $0.contains("[-]:") }.count == 2)
        try k.waitIdle()
        k.view.model.select(2)
        k.press("<C-Enter>")
        try k.waitIdle()
        #expect(k.stdout(2) == "after\n")
    }

    /// Presses `i i` once and waits until the cell `uid` neither runs nor waits, with a deadline far
    /// below the cells' 60 s: only the interrupt ends them in time.
    func interrupt(_ k: KernelPilot, uid: Int) throws {
        k.press("i i")
        try k.wait("the interrupt", timeout: 40) {
            switch k.kernel?.run(of: uid) {
            case .running?, .queued?: return false
            default: return true
            }
        }
    }

    @Test func restartAndRunAllStartsCountsAgain() throws {
        let path = try KernelPilot.notebook(["x = 41", "print(x + 1)"])
        let k = KernelPilot(path: path)
        defer { k.close() }
        k.app.run("notebook:run-all-cells")
        try k.waitIdle()
        let firstPID = try #require(k.kernel?.pid)
        k.app.run("notebook:run-all-cells")
        try k.waitIdle()
        #expect(k.model.cells[1].cell.executionCount == 4)
        k.app.run("notebook:restart-run-all")
        #expect(k.app.dialogs.last?.title == "Restart kernel")
        k.press("<Enter>")
        try k.wait("restarted and ran") { k.model.cells[1].cell.executionCount == 2 && k.kernel?.state == .idle && !(k.kernel?.isRunningCells ?? true) }
        #expect(k.stdout(1) == "42\n")
        #expect(k.kernel?.pid != firstPID)
        #expect(kill(firstPID, 0) != 0, "the old kernel process is gone")
        // Restart and clear outputs: counts and outputs go, the kernel comes back.
        k.app.run("notebook:restart-clear-output")
        k.press("<Enter>")
        #expect(k.model.cells.allSatisfy { $0.cell.outputs.isEmpty && $0.cell.executionCount == nil })
        try k.wait("ready again") { k.kernel?.state == .idle }
        // Restart and run to the selected cell runs only the first.
        k.view.model.select(0)
        k.app.run("notebook:restart-and-run-to-selected")
        k.press("<Enter>")
        try k.wait("ran the first cell") { k.model.cells[0].cell.executionCount == 1 }
        try k.waitIdle()
        #expect(k.model.cells[1].cell.executionCount == nil)
    }

    @Test func aKernelThatExitsIsReportedDeadAndNothingIsLost() throws {
        let path = try KernelPilot.notebook(["print('before')", "import os\nos._exit(1)", "print('queued')"])
        let k = KernelPilot(path: path)
        defer { k.close() }
        k.app.run("notebook:run-all-cells")
        try k.wait("the kernel to die") { if case .dead? = k.kernel?.state { return true }; return false }
        #expect(k.kernel?.state == .dead("exit status 1"))
        #expect(k.app.message?.text.contains("exit status 1") == true)
        #expect(k.app.message?.text.contains("notebook:restart-kernel") == true)
        #expect(k.pilot.contains("dead"))
        let cells = k.model.cells
        #expect(cells.map(\.source) == ["print('before')", "import os\nos._exit(1)", "print('queued')"])
        #expect(k.stdout(0) == "before\n" && cells[0].cell.executionCount == 1)
        #expect(k.kernel?.run(of: cells[1].uid) == .aborted && k.kernel?.run(of: cells[2].uid) == .aborted)
        #expect(!(k.kernel?.isRunningCells ?? true))
        // Restart (confirmed) brings a working kernel back.
        k.app.run("notebook:restart-kernel")
        k.press("<Enter>")
        try k.wait("ready again") { k.kernel?.state == .idle }
        k.view.model.select(2)
        k.press("<C-Enter>")
        try k.waitIdle()
        #expect(k.stdout(2) == "queued\n")
    }

    @Test func anUnknownKernelOpensThePicker() throws {
        let path = try KernelPilot.notebook(["print('picked')"], kernel: "no-such-kernel", language: "no-such-language")
        let k = KernelPilot(path: path)
        defer { k.close() }
        k.press("<C-Enter>")
        let dialog = try #require(k.app.dialogs.last)
        #expect(dialog.title == "Select kernel")
        #expect(dialog.message.contains("no-such-kernel"))
        let index = try #require(dialog.buttons.firstIndex(of: "python3"))
        for _ in 0..<index { k.press("<Tab>") }
        k.press("<Enter>")
        try k.waitIdle()
        #expect(k.stdout(0) == "picked\n")
        let spec = k.model.format.metadata["kernelspec"]
        #expect(spec?["name"]?.stringValue == "python3" && spec?["language"]?.stringValue == "python")
        #expect(spec?["display_name"]?.stringValue == k.kernel?.spec?.displayName)
    }

    @Test func closingTheLastTabShutsTheKernelDown() throws {
        let path = try KernelPilot.notebook(["import os\nprint(os.getcwd())"])
        let k = KernelPilot(path: path)
        defer { k.close() }
        k.press("<C-Enter>")
        try k.waitIdle()
        // Launched in the notebook's folder.
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().resolvingSymlinksInPath().path
        #expect(URL(fileURLWithPath: k.stdout(0).trimmingCharacters(in: .newlines)).resolvingSymlinksInPath().path == folder)
        let pid = try #require(k.kernel?.pid)
        // A second view of the document keeps the kernel; closing both ends it.
        k.app.run("application:split-right")
        #expect(k.app.workspace.allContents.filter { $0 is NotebookView }.count == 2)
        k.app.run("application:close")
        if !k.app.dialogs.isEmpty { k.press("<Tab>"); k.press("<Enter>") }
        k.pilot.settle()
        #expect(k.app.workspace.allContents.filter { $0 is NotebookView }.count == 1)
        #expect(kill(pid, 0) == 0 && k.kernel?.pid == pid)
        let remaining = try #require(k.app.workspace.contents.first { $0.value is NotebookView }?.key)
        k.app.workspace.close(remaining)
        try k.wait("the kernel process to end") { kill(pid, 0) != 0 }
        #expect(k.app.kernels.all.isEmpty)
    }

    @Test func requestsAndInputForOtherFeatures() throws {
        let path = try KernelPilot.notebook(["import math", "name = input('who? ')\nprint('hi', name)"])
        let k = KernelPilot(path: path)
        defer { k.close() }
        k.press("<C-Enter>")
        try k.waitIdle()
        let kernel = try #require(k.kernel)
        var reply: JupyterProtocol.Message?
        var answered = false
        kernel.request("complete_request", content: ["code": .string("math.fl"), "cursor_pos": .int(7)]) { reply = $0; answered = true }
        try k.wait("the completion reply") { answered }
        let matches = reply?.content["matches"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(matches.contains("floor") || matches.contains("math.floor"))
        var asked: (uid: Int, id: String, prompt: String, password: Bool)?
        kernel.onInputRequest = { asked = ($0, $1, $2, $3) }
        k.view.model.select(1)
        k.press("<C-Enter>")
        try k.wait("the input request") { asked != nil }
        #expect(asked?.uid == k.model.cells[1].uid && asked?.prompt == "who? " && asked?.password == false)
        kernel.sendInput("Io", requestID: asked!.id)
        try k.waitIdle()
        #expect(k.stdout(1).hasSuffix("hi Io\n"))
        // No kernel: the reply is nil at once.
        kernel.shutdown()
        var none = true
        kernel.request("kernel_info_request", content: .object([:])) { none = $0 == nil }
        #expect(none)
    }

    @Test func deletingARunningCellDropsItsOutputs() throws {
        let path = try KernelPilot.notebook(["import time\nprint('start', flush=True)\ntime.sleep(1)\nprint('end')", "print('next')"])
        let k = KernelPilot(path: path)
        defer { k.close() }
        k.app.run("notebook:run-all-cells")
        let uid = k.model.cells[0].uid
        try k.wait("output arrives live") { k.stdout(0) == "start\n" }
        k.view.model.select(0)
        k.press("d d")
        #expect(k.model.index(ofUID: uid) == nil)
        try k.waitIdle()
        #expect(k.model.cells.count == 1 && k.stdout(0) == "next\n")
    }
}

extension NotebookKernelTests {
    @Test func anAttachedKernelRunsCellsAndIsNeverShutDown() throws {
        let outside = try KernelManager(kernelName: "python3", options: KernelPilot.launch)
        defer { outside.shutdown() }
        let pid = try #require(outside.process?.pid)
        let path = try KernelPilot.notebook(["import os\nprint(os.getpid())", "input('name? ')"])
        let k = KernelPilot(path: path)
        k.app.run("kernel:connect-existing")
        #expect(k.app.dialogs.last?.title == "Connect to existing kernel")
        k.pilot.paste(outside.connectionFile)
        k.press("<Enter>")
        try k.wait("attached and ready") { k.kernel?.state == .idle }
        #expect(k.kernel?.isManaged == false && k.kernel?.attachedFile == outside.connectionFile)
        k.press("<C-Enter>")
        try k.waitIdle()
        #expect(k.stdout(0) == "\(pid)\n")
        // An input request opens the inline prompt; leaving it and interrupting ends the cell.
        k.view.model.select(1)
        k.press("<C-Enter>")
        try k.wait("the input prompt") { k.view.isAwaitingInput }
        k.press("<Esc>")
        try interrupt(k, uid: k.model.cells[1].uid)
        try k.waitIdle()
        #expect(k.model.cells[1].cell.outputs.contains { $0.ename == "KeyboardInterrupt" })
        // Closing the tab only disconnects.
        let tab = try #require(k.app.workspace.contents.first { $0.value is NotebookView }?.key)
        k.app.workspace.close(tab)
        k.pilot.settle()
        #expect(k.app.kernels.all.isEmpty)
        #expect(kill(pid, 0) == 0 && outside.process?.isRunning == true)
    }
}
