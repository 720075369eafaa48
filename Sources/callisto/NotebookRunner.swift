import Foundation
import JupyterProtocol
import JupyterClient
import NotebookFormat

/// Executes a notebook's code cells in order on one kernel, recording outputs, execution counts
/// and `metadata.execution` timings the way nbclient does.
final class NotebookRunner {
    /// How a run ended.
    enum Outcome: Equatable {
        case completed
        case cellFailed(index: Int, ename: String, evalue: String, traceback: [String])
        case timedOut(index: Int, seconds: Double)
        case kernelDied(index: Int?, reason: String)
        case stopped
    }

    private(set) var notebook: Notebook
    let client: KernelClient
    private let interruptKernel: () -> Void
    let timeout: TimeInterval?
    let allowErrors: Bool
    private var progress: RunProgress
    private var cellOfRequest: [String: Int] = [:]
    private var executed = 0
    private var interruptsSeen = 0

    /// A runner on `client`; `interrupt` interrupts the kernel (a signal or an `interrupt_request`).
    init(notebook: Notebook, client: KernelClient, interrupt: @escaping () -> Void, timeout: TimeInterval?,
         allowErrors: Bool, showProgress: Bool) {
        self.notebook = notebook
        self.client = client
        self.interruptKernel = interrupt
        self.timeout = timeout
        self.allowErrors = allowErrors
        let total = notebook.cells.indices.filter { Self.shouldRun(notebook.cells[$0]) }.count
        progress = RunProgress(total: total, enabled: showProgress)
    }

    /// Whether nbclient would execute `cell`.
    static func shouldRun(_ cell: Cell) -> Bool {
        cell.cellType == .code && !cell.source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            && !cell.tags.contains("skip-execution")
    }

    /// Waits for the kernel and runs every cell; stops at the first error unless errors are allowed.
    func run(readyTimeout: TimeInterval = 60) -> Outcome {
        defer { progress.finish() }
        do { try client.waitUntilReady(timeout: readyTimeout) } catch {
            return .kernelDied(index: nil, reason: "\(error)")
        }
        if let info = client.session.kernelInfo?["language_info"] {
            notebook.metadata["language_info"] = info.notebookJSON
        }
        var n = 0
        for index in notebook.cells.indices where Self.shouldRun(notebook.cells[index]) {
            n += 1
            progress.begin(cell: n)
            let outcome = execute(cell: index)
            if outcome != .completed { return outcome }
        }
        return .completed
    }

    private func execute(cell index: Int) -> Outcome {
        let cell = notebook.cells[index]
        let allowsErrors = allowErrors || cell.tags.contains("raises-exception")
        var metadata = notebook.cells[index].metadata
        metadata["execution"] = .object([:])
        notebook.cells[index].metadata = metadata
        let id = client.execute(cell.source, options: ExecuteOptions(stopOnError: !allowsErrors))
        executed += 1
        notebook.cells[index].outputs = []
        cellOfRequest[id] = index
        var stop = false
        var interruptedAt: Date?
        do {
            try client.run(timeout: timeout, what: "cell", onEvent: { event in
                if case .displayUpdated(_, _, _, let ids) = event {
                    for rid in ids where rid != id { refreshOutputs(of: rid) }
                }
            }, until: {
                progress.draw()
                if InterruptSignal.terminationRequested { stop = true; return true }
                if InterruptSignal.received > interruptsSeen {
                    interruptsSeen = InterruptSignal.received
                    if interruptsSeen >= 2 { stop = true; return true }
                    interruptedAt = interrupt(id)
                } else if let at = interruptedAt, Date().timeIntervalSince(at) > 2 {
                    // Sent before the kernel started the cell, the SIGINT may have met a kernel
                    // between handlers, which ignores it: repeat once the cell runs.
                    interruptedAt = interrupt(id)
                }
                return client.execution(id)?.isFinished ?? true
            })
        } catch {
            interruptKernel()
            record(id, index: index)
            return .timedOut(index: index, seconds: timeout ?? 0)
        }
        record(id, index: index)
        if stop { return .stopped }
        switch client.execution(id)?.status {
        case .error(let ename, let evalue, let traceback)? where !allowsErrors:
            return .cellFailed(index: index, ename: ename, evalue: evalue, traceback: traceback)
        case .failed(let reason)?:
            return .kernelDied(index: index, reason: reason)
        case .noReply? where !allowsErrors:
            return .cellFailed(index: index, ename: "NoReply",
                               evalue: "the kernel went idle without replying (interrupted outside the cell's code)",
                               traceback: [])
        default:
            return .completed
        }
    }

    /// Interrupts the kernel; returns when, if the cell had not started yet (worth repeating).
    private func interrupt(_ id: String) -> Date? {
        interruptKernel()
        return client.execution(id)?.timing.executeInput == nil ? Date() : nil
    }

    private func record(_ id: String, index: Int) {
        guard let execution = client.execution(id) else { return }
        refreshOutputs(of: id)
        notebook.cells[index].executionCount = executed
        var timing = JSONObject()
        let t = execution.timing
        for (key, date) in [("iopub.status.busy", t.busy), ("iopub.execute_input", t.executeInput),
                            ("shell.execute_reply", t.executeReply), ("iopub.status.idle", t.idle)] {
            if let date { timing[key] = .string(JupyterDate.normalized(date)) }
        }
        var metadata = notebook.cells[index].metadata
        metadata["execution"] = .object(timing)
        notebook.cells[index].metadata = metadata
    }

    private func refreshOutputs(of id: String) {
        guard let index = cellOfRequest[id], let execution = client.execution(id) else { return }
        notebook.cells[index].outputs = execution.outputs.outputs.map(\.notebookOutput)
    }
}
