import EditorCore
import Foundation
import JupyterClient

/// The kernels of the open notebooks, one per document, for the event loop: their sockets, their
/// deadlines, servicing them every turn, and shutting down the kernels of documents whose last tab
/// closed (and all of them on exit). A shutdown does not block the loop: the kernel is asked to exit
/// and watched here until it is gone (on SIGCHLD and every 200 ms; signalled after its grace time).
public final class KernelRegistry {
    /// How kernels are launched (search paths, where their own output goes).
    public var launch = KernelLaunchOptions(output: .discard)
    /// Whether process exits are found by polling every 0.2 s (when no SIGCHLD reaches the loop,
    /// as in tests); the app's loop calls `checkProcesses` on SIGCHLD instead.
    public var pollsProcesses = false
    /// Whether the loop runs on a virtual clock (tests). The kernels' own timers (readiness probes,
    /// heartbeat, lost-reply checks) run on real time, so they are then left out of `deadline`,
    /// which a virtual clock would reach long before real time does; the caller services the
    /// kernels in real time itself.
    public var loopClockIsVirtual = false
    /// The most output text kept per execution (`notebook.output-memory-limit`); nil keeps all.
    public var outputMemoryLimit: Int?
    private var kernels: [ObjectIdentifier: NotebookKernel] = [:]
    /// Kernels asked to exit, watched until they are gone (signalled after their grace time).
    private var stopping: [KernelManager] = []

    public init() {}

    /// The kernel of `document`, if one was made.
    public func kernel(for document: NotebookDocument) -> NotebookKernel? { kernels[ObjectIdentifier(document)] }

    /// The kernel of `document`, made (not started) when there is none.
    public func make(for document: NotebookDocument) -> NotebookKernel {
        if let k = kernel(for: document) { return k }
        let k = NotebookKernel(document: document, launch: launch)
        k.finishShutdown = { [weak self] manager in self?.stopping.append(manager) }
        k.outputMemoryLimit = outputMemoryLimit
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
        stopping.removeAll { $0.advanceShutdown() }
        return changed
    }

    /// How often a kernel that is shutting down is looked at (its exit also arrives as SIGCHLD).
    static let stopPollInterval: Duration = .milliseconds(200)

    /// Whether kernels are still shutting down.
    public var isStopping: Bool { !stopping.isEmpty }

    /// Looks for exited kernel processes (on SIGCHLD).
    @discardableResult
    public func checkProcesses(now: ContinuousClock.Instant = .now) -> Bool {
        var changed = false
        for k in kernels.values where k.checkProcess(now: now) { changed = true }
        stopping.removeAll { $0.advanceShutdown() }
        return changed
    }

    /// The earliest kernel deadline.
    public func deadline(now: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        let stop = stopping.isEmpty ? nil : now.advanced(by: Self.stopPollInterval)
        return (kernels.values.compactMap { $0.deadline(now: now, watchProcess: pollsProcesses, realTimers: !loopClockIsVirtual) } + [stop].compactMap { $0 }).min()
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
        // All are asked first, then waited for, so several kernels exit together.
        for k in kernels.values { k.shutdown() }
        kernels.removeAll()
        for m in stopping { m.shutdown() }
        stopping.removeAll()
    }
}
