import EditorCore
import Foundation
import NotebookFormat

/// Running cells from a notebook view: the run commands (run, run and select next, run and insert
/// below, run all, above, below, restart and run), the kernel commands of the palette, and the
/// prompts of queued, running and aborted cells.
extension NotebookView {
    /// The document's kernel, once one was asked for (shared by every view of the document).
    public var kernel: NotebookKernel? { app?.kernels.kernel(for: document) }

    /// What a run command does after queueing the cells.
    enum AfterRun { case stay, selectNext, insertBelow }

    /// Performs the run and kernel commands; nil for other commands.
    func performKernelCommand(_ command: CommandID) -> Bool? {
        switch command.rawValue {
        case "notebook:run-cell": runSelected(then: .stay)
        case "notebook:run-cell-and-select-next": runSelected(then: .selectNext)
        case "notebook:run-cell-and-insert-below": runSelected(then: .insertBelow)
        case "notebook:run-all-cells": runCells(0..<model.cells.count)
        case "notebook:run-all-above": runCells(0..<model.active)
        case "notebook:run-all-below": runCells(model.selection.range.lowerBound..<model.cells.count)
        case "notebook:interrupt-kernel":
            guard let kernel, kernel.client != nil || kernel.isRunningCells else { show("no kernel is running"); return true }
            kernel.interrupt()
            show("interrupted \(kernel.displayName)")
        case "notebook:restart-kernel": confirmRestart("Restart the kernel?", then: nil)
        case "notebook:restart-clear-output":
            confirmRestart("Restart the kernel and clear all outputs?") { $0.model.clearOutputs(all: true) }
        case "notebook:restart-run-all":
            confirmRestart("Restart the kernel and run all cells?") { $0.runCells(0..<$0.model.cells.count) }
        case "notebook:restart-and-run-to-selected":
            confirmRestart("Restart the kernel and run all cells up to the selected one?") { $0.runCells(0..<($0.model.active + 1)) }
        case "notebook:change-kernel": app?.pickKernel(for: self, reason: "Choose the kernel for \(document.title).")
        case "notebook:reconnect-to-kernel": app?.reconnectKernel(of: self)
        case "kernel:shutdown":
            guard let kernel, kernel.client != nil else { show("no kernel is running"); return true }
            kernel.shutdown()
            show("\(kernel.displayName) shut down; it starts again at the next run")
        case "kernel:shutdown-all": app?.shutDownAllKernels()
        case "kernel:connect-existing": app?.promptConnectExisting(for: self)
        case "kernel:show-info": app?.showKernelInfo(of: self)
        default: return nil
        }
        return true
    }

    /// Runs the selected cells, then stays, selects the next cell (inserting one after the last, in
    /// edit mode, as JupyterLab does) or inserts a cell below in edit mode.
    func runSelected(then after: AfterRun) {
        model.enterCommandMode()
        let range = model.selection.range
        queue(range.map { $0 })
        switch after {
        case .stay:
            break
        case .selectNext:
            if range.upperBound >= model.cells.count - 1 {
                model.select(range.upperBound)
                model.insertCell(below: true)
                model.enterEditMode()
            } else {
                model.select(range.upperBound + 1)
            }
        case .insertBelow:
            model.select(range.upperBound)
            model.insertCell(below: true)
            model.enterEditMode()
        }
    }

    /// Runs the cells at `indices` (code cells queue; markdown is shown rendered; raw is skipped).
    func runCells(_ indices: Range<Int>) {
        model.enterCommandMode()
        queue(Array(indices))
    }

    private func queue(_ indices: [Int]) {
        let uids = indices.filter { model.cells.indices.contains($0) && model.cells[$0].cellType == .code }.map { model.cells[$0].uid }
        guard !uids.isEmpty, let app else { return }
        let kernel = app.kernel(for: document)
        kernel.run(uids: uids)
        let choosing = app.dialogs.contains { $0.title == WorkspaceApp.kernelPickerTitle }
        if kernel.client == nil, kernel.state != .starting, kernel.state != .restarting, !choosing {
            app.startKernel(kernel, for: self)
        }
    }

    /// Asks before restarting; `then` runs on the view once the restart began.
    func confirmRestart(_ question: String, then: ((NotebookView) -> Void)?) {
        guard let app else { return }
        guard let kernel, kernel.isManaged else {
            if self.kernel?.attachedFile != nil { show("an attached kernel cannot be restarted from Callisto", error: true); return }
            // No kernel yet: the follow-up (run all, run to selected) starts one.
            if let then { then(self) } else { show("no kernel is running") }
            return
        }
        app.present(.confirm("Restart kernel", message: "\(question) The kernel's variables will be lost.",
                             buttons: ["Restart", "Cancel"], defaultButton: 0) { [weak self] answer in
            guard let self, case .button(0, _) = answer else { return }
            do {
                try kernel.restart()
                self.show("restarting \(kernel.displayName)")
            } catch {
                self.show("cannot restart: \(error)", error: true)
                return
            }
            then?(self)
            app.needsRender = true
        })
    }

    /// The input prompt of cell `cell` and its scope: `[*]:` while queued or running, `[-]:` when
    /// its run was aborted, else the stored execution count.
    func prompt(for cell: NotebookCell) -> (text: String, scope: String)? {
        guard cell.cellType == .code else { return nil }
        switch kernel?.run(of: cell.uid) {
        case .queued?: return ("[*]:", "cell.prompt.queued")
        case .running?: return ("[*]:", "cell.prompt.running")
        case .aborted?: return ("[-]:", "cell.prompt.error")
        case nil: return (Self.prompt(cell) ?? "", "cell.prompt")
        }
    }
}
