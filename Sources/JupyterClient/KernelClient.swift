import Foundation
import JupyterProtocol

/// A connection to one kernel, driven by the caller's event loop without threads of its own:
/// poll `pollDescriptors` (with `EventPoller` or your own `zmq_poll`), call `processIncoming()` when
/// one is readable and `tick()` when `nextDeadline()` passes, and consume `takeEvents()`.
///
/// Liveness: a kernel started by Callisto is watched through its process (`waitpid`); an attached
/// kernel through the heartbeat channel.
public final class KernelClient {
    /// Where the kernel listens.
    public let connection: ConnectionInfo
    /// Diagnostics (dropped messages and transport errors).
    public let log: KernelLog
    /// The protocol state.
    public private(set) var session: KernelSession
    /// The kernel process, when Callisto started it.
    public internal(set) var process: KernelProcess?
    private let transport: KernelTransport
    private let codec: WireCodec
    private var heartbeat: Heartbeat?
    private var closed = false
    private var stdinConnectionsBefore = 0   // the transport's count when probing (re)started
    /// Messages drained per channel per `processIncoming()` call, so one chatty kernel cannot starve the loop.
    public var drainLimit = 2_000

    /// Connects to `connection` (ZeroMQ unless `transport` is given) and starts the readiness probe.
    public init(connection: ConnectionInfo, process: KernelProcess? = nil, transport: KernelTransport? = nil,
                log: KernelLog = KernelLog(), now: Date = Date()) throws {
        self.connection = connection
        self.process = process
        self.log = log
        let factory = MessageFactory()
        self.session = KernelSession(factory: factory)
        self.codec = WireCodec(signer: MessageSigner(key: connection.key))
        self.transport = try transport ?? ZMQTransport(connection: connection, routingID: factory.session)
        if process == nil { heartbeat = Heartbeat(now: now) }
        session.awaitsStdin = self.transport.stdinConnections != nil
        send(session.connect(now: now))
        checkStdin(now: now)
    }

    /// Attaches to a running kernel from its connection file (never shut down by this client).
    public convenience init(connectionFile: String) throws {
        try self.init(connection: ConnectionInfo.read(path: connectionFile))
    }

    deinit { close() }

    /// Whether the kernel is usable.
    public var isReady: Bool { session.state == .ready }

    /// Whether the kernel is gone.
    public var isDead: Bool {
        if case .dead = session.state { return true }
        return false
    }

    /// What the event loop must poll.
    public var pollDescriptors: [PollDescriptor] { closed ? [] : transport.pollDescriptors }

    // MARK: Requests

    /// Starts executing `code`; returns the request id (see `execution(_:)` and the events).
    @discardableResult
    public func execute(_ code: String, options: ExecuteOptions = ExecuteOptions()) -> String {
        let (id, out) = session.execute(code, options: options)
        send(out)
        return id
    }

    /// Sends a request of type `msgType` (`complete_request`, `inspect_request`, `history_request`, …).
    @discardableResult
    public func request(_ msgType: String, content: MessageJSON = .object([:]), channel: Channel = .shell) -> String {
        let (id, out) = session.request(msgType, content: content, channel: channel)
        send(out)
        return id
    }

    /// `complete_request` with the cursor at `cursor` (Unicode code points).
    @discardableResult
    public func complete(code: String, cursor: Int) -> String {
        request("complete_request", content: ["code": .string(code), "cursor_pos": .int(cursor)])
    }

    /// `inspect_request` with the cursor at `cursor` (Unicode code points).
    @discardableResult
    public func inspect(code: String, cursor: Int, detailLevel: Int = 0) -> String {
        request("inspect_request", content: ["code": .string(code), "cursor_pos": .int(cursor),
                                             "detail_level": .int(detailLevel)])
    }

    /// `is_complete_request`.
    @discardableResult
    public func isComplete(code: String) -> String { request("is_complete_request", content: ["code": .string(code)]) }

    /// `history_request` for the last `n` entries.
    @discardableResult
    public func historyTail(_ n: Int, output: Bool = false, raw: Bool = true) -> String {
        request("history_request", content: ["hist_access_type": "tail", "n": .int(n), "output": .bool(output),
                                             "raw": .bool(raw)])
    }

    /// `comm_info_request`.
    @discardableResult
    public func commInfo(targetName: String? = nil) -> String {
        request("comm_info_request", content: targetName.map { ["target_name": .string($0)] } ?? .object([:]))
    }

    /// `kernel_info_request`.
    @discardableResult
    public func kernelInfo() -> String { request("kernel_info_request") }

    /// Answers the kernel's `input_request` for execution `requestID`.
    public func sendInput(_ value: String, for requestID: String) {
        send(session.inputReply(value, for: requestID))
    }

    /// Adds an output made on this side to execution `requestID` (see `KernelSession.appendOutput`).
    public func appendOutput(_ output: KernelOutput, to requestID: String) {
        session.appendOutput(output, to: requestID)
    }

    /// The execution `requestID`.
    public func execution(_ requestID: String) -> Execution? { session.executions[requestID] }

    /// Forgets a finished execution.
    public func discard(_ requestID: String) { session.discard(requestID) }

    /// Takes what happened since the last call.
    public func takeEvents() -> [KernelEvent] { session.takeEvents() }

    // MARK: Driving

    /// Reads what is waiting on every channel (bounded per call), verifying and routing each message.
    public func processIncoming(now: Date = Date()) {
        guard !closed else { return }
        for channel in [Channel.heartbeat, .control, .shell, .stdin, .iopub] {
            var count = 0
            while count < drainLimit {
                let frames: [Data]?
                do { frames = try transport.receive(on: channel) } catch {
                    log.record("\(channel): \(error)")
                    break
                }
                guard let frames else { break }
                count += 1
                if channel == .heartbeat { heartbeat?.heard(now: now); continue }
                let message: Message
                do { message = try codec.decode(frames) } catch {
                    log.record("dropped a message on \(channel): \(error)")
                    continue
                }
                send(session.receive(message, on: channel, now: now))
            }
        }
        checkStdin(now: now)
        checkProcess()
    }

    /// Tells the session once the stdin channel connected since probing (re)started.
    private func checkStdin(now: Date) {
        // Read the count even when nobody waits: it drains the monitor, which would keep the poll awake.
        guard let n = transport.stdinConnections, session.waitsForStdin, n > stdinConnectionsBefore else { return }
        send(session.stdinConnected(now: now))
    }

    /// Time-driven work: readiness probes, heartbeat, process exit.
    public func tick(now: Date = Date()) {
        guard !closed else { return }
        checkStdin(now: now)
        send(session.tick(now: now))
        checkProcess()
        if var hb = heartbeat, !isDead {
            let (ping, dead) = hb.tick(now: now)
            heartbeat = hb
            if dead {
                session.markDead("no heartbeat for \(Int(hb.timeToDead)) s")
            } else if ping {
                do { try transport.send([Data("ping".utf8)], on: .heartbeat) } catch {
                    log.record("heartbeat: \(error)")
                }
            }
        }
    }

    /// Seconds until `tick` should run (bounded so process exits are noticed promptly).
    public func nextDeadline(now: Date = Date()) -> TimeInterval {
        var d: TimeInterval = process != nil ? 0.2 : 1.0
        if let s = session.nextDeadline(now: now) { d = min(d, s) }
        if let hb = heartbeat { d = min(d, hb.nextDeadline(now: now)) }
        return d
    }

    private func checkProcess() {
        guard let process, !isDead, !process.poll() else { return }
        session.markDead(process.exitStatus?.description ?? "process ended")
    }

    /// Restarts probing after the kernel process was replaced (same ports and key).
    func restarted(process newProcess: KernelProcess, now: Date = Date()) {
        process = newProcess
        stdinConnectionsBefore = transport.stdinConnections ?? 0
        send(session.restart(now: now))
    }

    /// Stops watching the process (before a restart replaces it) and returns it.
    func detachProcess() -> KernelProcess? {
        defer { process = nil }
        return process
    }

    /// Reads and drops everything waiting (messages of a kernel that is being replaced).
    func discardIncoming() {
        guard !closed else { return }
        for channel in Channel.allCases {
            while let frames = try? transport.receive(on: channel), frames.count >= 0 {}
        }
    }

    /// Marks the kernel dead with `reason` (e.g. after a shutdown).
    func markDead(_ reason: String) { session.markDead(reason) }

    func send(_ outgoing: [Outgoing]) {
        guard !closed else { return }
        for o in outgoing {
            do { try transport.send(codec.encode(o.message), on: o.channel) } catch {
                log.record("send \(o.message.msgType) on \(o.channel): \(error)")
            }
        }
    }

    /// Closes the sockets (the kernel keeps running).
    public func close() {
        guard !closed else { return }
        closed = true
        transport.close()
    }
}
