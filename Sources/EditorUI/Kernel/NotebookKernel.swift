import EditorCore
import Foundation
import JupyterClient
import JupyterProtocol
import NotebookFormat

/// The kernel of one notebook document: started on demand (or attached to a running kernel), fed
/// with the cells to run one after the other, and writing what comes back into the document's cells
/// by uid, so a cell edited, moved or deleted while it runs is safe.
///
/// It never blocks waiting for the kernel: the event loop polls `pollDescriptors`, calls `service`
/// every turn and wakes at `deadline`. Cells queue here and are sent one at a time (each waits for
/// the previous one's reply); an error or an interrupt drops the rest of the queue, which is marked
/// aborted (`stop_on_error`).
public final class NotebookKernel {
    /// Where the kernel stands, as the status bar shows it.
    public enum State: Equatable, Sendable {
        /// No kernel yet: it starts at the first run.
        case notStarted
        case starting
        case idle
        case busy
        case restarting
        /// The kernel is gone (its exit status or why).
        case dead(String)
        /// Shut down on request; it starts again at the next run.
        case shutDown
    }

    /// How a cell's prompt shows its run.
    public enum CellRun: Equatable, Sendable {
        /// Waiting for its turn.
        case queued
        /// Running since this instant.
        case running(since: ContinuousClock.Instant)
        /// Not run: an earlier cell failed, the kernel was interrupted, restarted or died.
        case aborted
    }

    /// The document whose cells it runs.
    public let document: NotebookDocument
    /// The kernelspec it was started from (nil for an attached kernel or before the start).
    public private(set) var spec: KernelSpec?
    /// Where it stands.
    public private(set) var state: State = .notStarted
    /// The connection file of an attached kernel (never shut down by Callisto).
    public private(set) var attachedFile: String?
    private var manager: KernelManager?
    private var liveClient: KernelClient?
    private let launch: KernelLaunchOptions

    /// The live client, nil when no kernel is running (not started, shut down or dead).
    public var client: KernelClient? {
        switch state {
        case .notStarted, .shutDown, .dead: return nil
        default: return liveClient
        }
    }

    /// Called when the kernel asks for input for a running cell (`input()`, `getpass()`): the cell's
    /// uid, the request id to answer with `sendInput`, the prompt and whether to hide what is typed.
    /// Until it is set, an input request shows a message and the cell waits (interrupt it with `i i`).
    public var onInputRequest: ((_ cellUID: Int, _ requestID: String, _ prompt: String, _ password: Bool) -> Void)?
    /// The most output text kept per execution, its middle dropped past it (see `OutputArea`).
    public var outputMemoryLimit: Int?
    /// Status messages for the user (text, whether it is an error).
    public var onMessage: (String, Bool) -> Void = { _, _ in }
    /// Takes a started kernel that is being shut down, to finish the shutdown without blocking (the
    /// registry's loop does); without it, `shutdown` waits for the kernel to exit.
    public var finishShutdown: ((KernelManager) -> Void)?

    private struct Queued { var uid: Int; var code: String }
    private var queue: [Queued] = []
    private var current: (requestID: String, uid: Int, started: ContinuousClock.Instant?)?
    /// The request interrupted before it started, interrupted again when it does.
    private var interruptOnStart: String?
    private var lastRequest: [Int: String] = [:]
    private var uidOfRequest: [String: Int] = [:]
    private var aborted: Set<Int> = []
    private var replies: [String: (Message?) -> Void] = [:]
    private var dirty: Set<String> = []
    private var lastApplied: ContinuousClock.Instant?
    /// The shortest time between two applications of a running cell's outputs to the document (a
    /// flood of small messages is applied in batches, about as often as frames are drawn).
    public static let outputInterval: Duration = .milliseconds(20)

    /// A kernel for `document`, launched with `launch` (the notebook's folder as working directory).
    public init(document: NotebookDocument, launch: KernelLaunchOptions = KernelLaunchOptions()) {
        self.document = document
        var options = launch
        options.directory = URL(fileURLWithPath: document.path).deletingLastPathComponent().path
        self.launch = options
    }

    deinit { shutdown() }

    /// The kernel's name for people: the kernelspec's display name, or what an attached kernel says.
    public var displayName: String {
        if let spec { return spec.displayName }
        if attachedFile != nil {
            return liveClient?.session.kernelInfo?["implementation"]?.stringValue.map { "\($0) (attached)" } ?? "attached kernel"
        }
        return document.model.format.metadata["kernelspec"]?["display_name"]?.stringValue ?? "no kernel"
    }

    /// Whether Callisto started this kernel (and so shuts it down).
    public var isManaged: Bool { manager != nil }

    /// The kernel process id, when Callisto started it.
    public var pid: Int32? { manager?.process?.pid }

    // MARK: Lifecycle

    /// Starts a kernel from `spec` (shutting down one that runs) and writes the kernelspec into the
    /// notebook's metadata as JupyterLab does (name, display name, language).
    public func start(spec: KernelSpec) throws {
        stopKernel()
        self.spec = spec
        attachedFile = nil
        document.model.setMetadata("kernelspec", .object(["display_name": .string(spec.displayName),
                                                          "language": .string(spec.language), "name": .string(spec.name)]))
        do {
            let m = try KernelManager(spec: spec, options: launch)
            manager = m
            liveClient = m.client
            state = .starting
        } catch {
            state = .notStarted
            failQueue(reason: "the kernel did not start")
            throw error
        }
        pump()
    }

    /// Attaches to the running kernel of `connectionFile` (shutting down one Callisto started);
    /// it is never shut down by Callisto, only disconnected.
    public func attach(connectionFile: String) throws {
        let client = try KernelClient(connectionFile: connectionFile)
        stopKernel()
        spec = nil
        attachedFile = connectionFile
        liveClient = client
        state = .starting
        pump()
    }

    /// Restarts the kernel without waiting for it (outputs stay; queued cells are aborted). An
    /// attached kernel cannot be restarted from here.
    public func restart() throws {
        guard let manager else {
            throw KernelError.launchFailed(attachedFile != nil ? "an attached kernel cannot be restarted from Callisto" : "no kernel to restart")
        }
        failQueue(reason: "kernel restarted")
        try manager.beginRestart()
        state = .restarting
        absorbEvents()
    }

    /// Interrupts the running cell (SIGINT, or an `interrupt_request` when the kernelspec asks for
    /// messages or the kernel is attached). Cells still queued are dropped at once. A cell sent but
    /// not yet started (the kernel ignores SIGINT between requests) is interrupted again when it
    /// starts; one the kernel drops without a reply (interrupted while it prepares the cell) ends as
    /// aborted.
    public func interrupt() {
        failQueue(reason: "interrupted", keepCurrent: true)
        if let current, current.started == nil { interruptOnStart = current.requestID }
        sendInterrupt()
    }

    private func sendInterrupt() {
        if let manager {
            manager.interrupt()
        } else if let liveClient {
            liveClient.request("interrupt_request", channel: .control)
        }
    }

    /// Shuts a kernel Callisto started down (an attached one is only disconnected). With
    /// `finishShutdown` set the kernel is asked to exit and handed over; otherwise this waits (the
    /// kernel gets 2 s to exit after `shutdown_request`, then it is signalled).
    public func shutdown() {
        failQueue(reason: "kernel shut down")
        stopKernel()
        if state != .notStarted { state = .shutDown }
    }

    private func stopKernel() {
        if current != nil { failQueue(reason: "kernel shut down") }
        for (_, reply) in replies { reply(nil) }
        replies.removeAll()
        if let manager {
            if let finishShutdown {
                manager.beginShutdown()
                finishShutdown(manager)
            } else {
                manager.shutdown()
            }
        } else {
            liveClient?.close()
        }
        manager = nil
        liveClient = nil
    }

    // MARK: Running cells

    /// Queues cells by uid (code cells with their current source); empty cells only lose their
    /// outputs and count, as in JupyterLab. Outputs of queued cells are cleared now.
    public func run(uids: [Int]) {
        for uid in uids {
            guard let i = document.model.index(ofUID: uid), document.model.cells[i].cellType == .code else { continue }
            let code = document.model.cells[i].source
            aborted.remove(uid)
            document.model.setOutputs([], executionCount: .some(nil), ofUID: uid)
            guard !code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            guard !queue.contains(where: { $0.uid == uid }) else { continue }
            queue.append(Queued(uid: uid, code: code))
        }
        pump()
    }

    /// Whether cells wait or run.
    public var isRunningCells: Bool { current != nil || !queue.isEmpty }

    /// How the prompt of cell `uid` shows its run, nil when it is not involved in one.
    public func run(of uid: Int) -> CellRun? {
        if let current, current.uid == uid { return current.started.map { .running(since: $0) } ?? .queued }
        if queue.contains(where: { $0.uid == uid }) { return .queued }
        return aborted.contains(uid) ? .aborted : nil
    }

    /// The running cell's uid and when it started.
    public var running: (uid: Int, since: ContinuousClock.Instant)? {
        guard let current, let started = current.started else { return nil }
        return (current.uid, started)
    }

    /// Sends the next queued cell when nothing runs and a kernel is there.
    private func pump() {
        guard current == nil, let client = liveClient, !client.isDead else { return }
        while !queue.isEmpty {
            let next = queue.removeFirst()
            guard document.model.index(ofUID: next.uid) != nil else { continue }
            if let previous = lastRequest[next.uid] {
                client.discard(previous)
                uidOfRequest[previous] = nil
            }
            var options = ExecuteOptions(allowStdin: true, stopOnError: true)
            options.outputMemoryLimit = outputMemoryLimit
            let id = client.execute(next.code, options: options)
            lastRequest[next.uid] = id
            uidOfRequest[id] = next.uid
            current = (id, next.uid, nil)
            return
        }
    }

    /// Ends the queue: every queued cell (and the running one unless `keepCurrent`) is marked aborted.
    private func failQueue(reason: String, keepCurrent: Bool = false) {
        for q in queue { aborted.insert(q.uid); document.model.touch(uid: q.uid) }
        queue.removeAll()
        guard !keepCurrent else { return }
        if let current { aborted.insert(current.uid); document.model.touch(uid: current.uid) }
        current = nil
        interruptOnStart = nil
    }

    // MARK: Requests for other features

    /// Sends a shell request (`complete_request`, `inspect_request`, `history_request`,
    /// `is_complete_request`, …) and calls `onReply` on the loop thread with the reply message, or
    /// with nil when the kernel dies, restarts or shuts down first. With no ready kernel, `onReply`
    /// is called with nil at once (the kernel is not started for it).
    public func request(_ msgType: String, content: MessageJSON, onReply: @escaping (Message?) -> Void) {
        guard let client, client.isReady else { onReply(nil); return }
        let id = client.request(msgType, content: content)
        replies[id] = onReply
    }

    /// Answers the kernel's input request `requestID` (from `onInputRequest`) with `value`.
    public func sendInput(_ value: String, requestID: String) {
        liveClient?.sendInput(value, for: requestID)
    }

    // MARK: The event loop

    /// The sockets to poll (none without a kernel).
    public var pollDescriptors: [PollDescriptor] { liveClient?.pollDescriptors ?? [] }

    /// Checks whether the kernel process ended (on SIGCHLD) and handles what follows.
    @discardableResult
    public func checkProcess(now: ContinuousClock.Instant = .now) -> Bool {
        guard let liveClient else { return false }
        liveClient.tick()
        return absorbEvents(now: now)
    }

    /// Reads what the kernel sent, runs its timers and applies the results to the document; true
    /// when something visible changed.
    @discardableResult
    public func service(now: ContinuousClock.Instant = .now) -> Bool {
        guard let liveClient else { return false }
        liveClient.processIncoming()
        liveClient.tick()
        return absorbEvents(now: now)
    }

    /// When `service` must run next: the kernel's probes and heartbeat (real-time timers, left out
    /// without `realTimers`), the next whole second of a running cell's elapsed time (redrawn once
    /// per second), or nil.
    public func deadline(now: ContinuousClock.Instant, watchProcess: Bool = false, realTimers: Bool = true) -> ContinuousClock.Instant? {
        guard let liveClient, !liveClient.isDead else { return nil }
        var seconds: TimeInterval?
        if realTimers, let s = liveClient.session.nextDeadline(now: Date()) { seconds = s }
        if realTimers, attachedFile != nil || watchProcess { seconds = min(seconds ?? .infinity, liveClient.nextDeadline()) }
        var candidates: [ContinuousClock.Instant] = []
        if let seconds { candidates.append(now.advanced(by: .milliseconds(Int64((seconds * 1000).rounded(.up))))) }
        if !dirty.isEmpty { candidates.append(lastApplied.map { $0.advanced(by: Self.outputInterval) } ?? now) }
        if let since = running?.since {
            let elapsed = since.duration(to: now).components.seconds
            candidates.append(since.advanced(by: .seconds(elapsed + 1)))
        }
        return candidates.min()
    }

    @discardableResult
    private func absorbEvents(now: ContinuousClock.Instant = .now) -> Bool {
        guard let client = liveClient else { return false }
        let events = client.takeEvents()
        for event in events { handle(event, client: client, now: now) }
        var changed = !events.isEmpty
        if !dirty.isEmpty, lastApplied.map({ now >= $0.advanced(by: Self.outputInterval) }) ?? true {
            for id in dirty { applyOutputs(id, client: client) }
            dirty.removeAll()
            lastApplied = now
            changed = true
        }
        if changed { pump() }
        return changed
    }

    private func handle(_ event: KernelEvent, client: KernelClient, now: ContinuousClock.Instant) {
        switch event {
        case .ready(let info):
            if state == .restarting { onMessage("\(displayName) restarted", false) }
            state = client.session.kernelStatus == "busy" ? .busy : .idle
            if let languageInfo = info["language_info"], attachedFile == nil {
                document.model.setMetadata("language_info", languageInfo.notebookJSON)
            }
        case .kernelStatus(let s):
            guard client.isReady, state != .restarting else { return }
            state = s == "busy" ? .busy : .idle
        case .executionStarted(let id, _):
            if current?.requestID == id { current?.started = now }
            if interruptOnStart == id {
                interruptOnStart = nil
                sendInterrupt()
            }
        case .outputsChanged(let id):
            dirty.insert(id)
        case .displayUpdated:
            break
        case .inputRequested(let id, let prompt, let password):
            guard let uid = uidOfRequest[id] else { return }
            if let onInputRequest {
                onInputRequest(uid, id, prompt, password)
            } else {
                onMessage("the cell asks for input (\(prompt)), which is not supported here; interrupt it with i i", true)
            }
        case .executionFinished(let id):
            finish(id, client: client)
        case .reply(let id, let message):
            replies.removeValue(forKey: id)?(message)
        case .requestFailed(let id, _):
            replies.removeValue(forKey: id)?(nil)
        case .died(let reason):
            guard state != .shutDown else { return }
            state = .dead(reason)
            failQueue(reason: reason)
            for (_, reply) in replies { reply(nil) }
            replies.removeAll()
            onMessage("the kernel died (\(reason)); 0 0 restarts it (notebook:restart-kernel)", true)
        }
    }

    private func finish(_ id: String, client: KernelClient) {
        guard let execution = client.execution(id) else { return }
        dirty.remove(id)
        guard let uid = uidOfRequest[id] else { return }
        document.model.setOutputs(execution.outputs.outputs.map(\.notebookOutput), ofUID: uid)
        let isCurrent = current?.requestID == id
        if isCurrent { current = nil }
        if interruptOnStart == id { interruptOnStart = nil }
        switch execution.status {
        case .ok?:
            document.model.setExecutionCount(execution.executionCount, ofUID: uid)
        case .error?:
            document.model.setExecutionCount(execution.executionCount, ofUID: uid)
            if isCurrent && !queue.isEmpty {
                let n = queue.count
                failQueue(reason: "an earlier cell failed")
                onMessage("\(n) queued cell\(n == 1 ? "" : "s") not run after the error", false)
            }
        case .noReply?:
            // Only an interrupt makes ipykernel drop a reply: the rest of the queue goes too.
            aborted.insert(uid)
            document.model.touch(uid: uid)
            if isCurrent { failQueue(reason: "interrupted") }
            onMessage("the kernel was interrupted before the cell's code ran", false)
        case .aborted?, .failed?:
            aborted.insert(uid)
            document.model.touch(uid: uid)
        case nil:
            break
        }
    }

    private func applyOutputs(_ id: String, client: KernelClient) {
        guard let execution = client.execution(id), let uid = uidOfRequest[id] else { return }
        document.model.setOutputs(execution.outputs.outputs.map(\.notebookOutput), ofUID: uid)
    }
}
