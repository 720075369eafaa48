import EditorCore
import EditorUI
import Foundation
import JupyterClient
import NotebookFormat
import Testing
import TestSupport

/// A pilot whose notebooks run on real kernels from the project's `.venv`: waits poll the kernels'
/// sockets in real time (the loop's own `zmq_poll`), with a deadline, never a fixed sleep.
final class KernelPilot {
    let pilot: Pilot
    var app: WorkspaceApp { pilot.app }

    /// Opens `path` (a notebook) in an app whose kernels come from the `.venv`.
    init(path: String, width: Int = 100, height: Int = 30) {
        pilot = Pilot(width: width, height: height, paths: [])
        app.kernels.launch = Self.launch
        app.kernels.pollsProcesses = true
        app.kernels.loopClockIsVirtual = true
        app.openFiles([path])
        pilot.settle()
    }

    static let runtimeDirectory: String = {
        let dir = NSTemporaryDirectory() + "callisto-ui-kernels-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }()

    static var launch: KernelLaunchOptions {
        var env = ProcessInfo.processInfo.environment
        env["JUPYTER_PATH"] = ProjectPaths.venvJupyterPath.path
        env["JUPYTER_RUNTIME_DIR"] = runtimeDirectory
        env["PATH"] = ProjectPaths.venv.appendingPathComponent("bin").path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
        return KernelLaunchOptions(output: .file(runtimeDirectory + "/kernels.log"), paths: JupyterPaths(environment: env))
    }

    var view: NotebookView { app.workspace.focusedContent as! NotebookView }
    var model: NotebookModel { view.model }
    var kernel: NotebookKernel? { view.kernel }

    func press(_ keys: String) { pilot.press(keys) }

    /// Runs the loop in real time until `condition` holds (error after `timeout` seconds).
    func wait(_ what: String, timeout: TimeInterval = 60, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            if Date() >= deadline {
                Issue.record("timed out waiting for \(what); screen:\n\(pilot.screenText)")
                throw KernelPilotError.timedOut(what)
            }
            _ = EventPoller.poll(app.kernels.pollDescriptors, timeoutMillis: 50)
            pilot.advance(.milliseconds(50))
        }
    }

    /// Waits until no cell waits or runs and the kernel is idle.
    func waitIdle(timeout: TimeInterval = 60) throws {
        try wait("the queue to finish", timeout: timeout) {
            guard let k = kernel else { return true }
            return !k.isRunningCells && (k.state == .idle || k.client == nil)
        }
    }

    /// The cell `i`'s stdout text.
    func stdout(_ i: Int) -> String {
        model.cells[i].cell.outputs.filter { $0.outputType == .stream && $0.name == "stdout" }.compactMap(\.text).joined()
    }

    /// Sets the cells of the notebook to code cells with `sources` (replacing what is there).
    func setCells(_ sources: [String]) {
        for (i, s) in sources.enumerated() {
            if i >= model.cells.count { view.model.insertCell(below: true) }
            view.model.setSource(s, at: i)
        }
        view.model.select(0)
    }

    /// Shuts the kernels down and checks that their processes are gone.
    func close() {
        let pids = app.kernels.all.compactMap(\.pid)
        app.shutDownKernels()
        for pid in pids { #expect(kill(pid, 0) != 0, "kernel \(pid) still running") }
    }

    /// A notebook file with code cells `sources` and `metadata` (default: python3).
    static func notebook(_ sources: [String], kernel: String = "python3", language: String = "python") throws -> String {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-nbkernel")
        let path = dir.appendingPathComponent("nb.ipynb").path
        var nb = Notebook(metadata: ["kernelspec": .object(["display_name": .string(kernel), "language": .string(language),
                                                          "name": .string(kernel)])])
        nb.cells = sources.enumerated().map { Cell(.code, source: $1, id: "c\($0)") }
        try NotebookFile.save(nb, to: path)
        return path
    }
}

enum KernelPilotError: Error { case timedOut(String) }
