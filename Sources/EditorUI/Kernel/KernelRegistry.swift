import EditorCore
import Foundation
import JupyterClient

/// The kernels of the open notebooks, one per document, for the event loop: their sockets, their
/// deadlines, servicing them every turn, and shutting down the kernels of documents whose last tab
/// closed (and all of them on exit).
public final class KernelRegistry {
    /// How kernels are launched (search paths, where their own output goes).
    public var launch = KernelLaunchOptions(output: .discard)
    /// Whether process exits are found by polling every 0.2 s (when no SIGCHLD reaches the loop,
    /// as in tests); the app's loop calls `checkProcesses` on SIGCHLD instead.
    public var pollsProcesses = false
    private var kernels: [ObjectIdentifier: NotebookKernel] = [:]

    public init() {}

    /// The kernel of `document`, if one was made.
    public func kernel(for document: NotebookDocument) -> NotebookKernel? { kernels[ObjectIdentifier(document)] }

    /// The kernel of `document`, made (not started) when there is none.
    public func make(for document: NotebookDocument) -> NotebookKernel {
        if let k = kernel(for: document) { return k }
        let k = NotebookKernel(document: document, launch: launch)
        kernels[ObjectIdentifier(document)] = k
        return k
    }

    /// Every kernel.
    public var all: [NotebookKernel] { Array(kernels.values) }

    /// The sockets of every kernel, for the loop's `zmq_poll`.
    public var pollDescriptors: [PollDescriptor] { kernels.values.flatMap(\.pollDescriptors) }

    /// Services every kernel; true when something visible changed.
    @discardableResult
    public func service(now: ContinuousClock.Instant) -> Bool {
        var changed = false
        for k in kernels.values where k.service(now: now) { changed = true }
        return changed
    }

    /// Looks for exited kernel processes (on SIGCHLD).
    @discardableResult
    public func checkProcesses(now: ContinuousClock.Instant = .now) -> Bool {
        var changed = false
        for k in kernels.values where k.checkProcess(now: now) { changed = true }
        return changed
    }

    /// The earliest kernel deadline.
    public func deadline(now: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        kernels.values.compactMap { $0.deadline(now: now, watchProcess: pollsProcesses) }.min()
    }

    /// Shuts down (or disconnects) the kernels of documents not in `open`; returns their names.
    @discardableResult
    public func release(keeping open: Set<ObjectIdentifier>) -> [String] {
        var names: [String] = []
        for (id, k) in kernels where !open.contains(id) {
            if k.state != .notStarted && k.state != .shutDown { names.append(k.displayName) }
            k.shutdown()
            kernels[id] = nil
        }
        return names
    }

    /// Shuts down every kernel Callisto started and disconnects from attached ones (on exit).
    public func shutDownAll() {
        for k in kernels.values { k.shutdown() }
        kernels.removeAll()
    }
}
