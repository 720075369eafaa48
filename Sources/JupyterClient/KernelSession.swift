import Foundation
import JupyterProtocol

/// The client side of one kernel connection as a state machine: readiness probing (kernel_info until
/// a reply and an IOPub message arrived), routing of replies and IOPub messages to requests by parent
/// id, executions and their outputs, stdin requests, and death. It performs no I/O: it returns the
/// messages to send and queues `KernelEvent`s.
public struct KernelSession: Sendable {
    /// Connection state.
    public enum State: Sendable, Equatable {
        /// Probing with kernel_info requests.
        case connecting
        /// Usable.
        case ready
        /// Gone, with the reason.
        case dead(String)
    }

    /// Interval between kernel_info probes while waiting for a reply.
    public static let probeInterval: TimeInterval = 1.0
    /// How long to wait for an IOPub message after the probe's reply before probing again.
    public static let iopubGrace: TimeInterval = 0.3
    /// How long an execution waits for its `execute_reply` after its idle status (the two travel on
    /// different sockets) before a kernel_info request on shell checks whether the reply was lost:
    /// shell replies come in request order, so if that one's reply comes first, the kernel never
    /// sent the execution's.
    public static let replyGrace: TimeInterval = 0.5
    /// How long readiness waits for the stdin channel's connection once shell and IOPub are proven,
    /// before going ready anyway (a transport that reports connections wrongly must not wedge it).
    public static let stdinGrace: TimeInterval = 3.0

    public private(set) var state: State = .connecting
    /// Builds outgoing messages (session id = routing id).
    public private(set) var factory: MessageFactory
    /// The last kernel_info_reply content.
    public private(set) var kernelInfo: MessageJSON?
    /// The kernel's last reported execution state.
    public private(set) var kernelStatus = "unknown"
    /// Executions by request id.
    public private(set) var executions: [String: Execution] = [:]
    private var requests: [String: String] = [:]          // request id → msg_type
    private var pendingInput: [String: MessageHeader] = [:] // request id → input_request header
    private var queued: [Outgoing] = []                     // held until ready
    private var probeID: String?
    private var probeSentAt: Date?
    private var probeReplyAt: Date?
    private var sawIOPub = false
    /// Whether readiness also waits for `stdinConnected()` (set by a client whose transport can tell).
    public var awaitsStdin = false
    private var stdinProven = false
    private var provenWithoutStdinAt: Date?
    private var idleWithoutReply: [String: Date] = [:]      // execution id → when its idle came
    private var replyChecks: [String: String] = [:]         // kernel_info request id → execution id
    private var events: [KernelEvent] = []

    /// A session with the given message factory.
    public init(factory: MessageFactory = MessageFactory()) { self.factory = factory }

    /// Starts (or restarts) probing; returns the first kernel_info_request.
    public mutating func connect(now: Date) -> [Outgoing] {
        state = .connecting
        sawIOPub = false
        probeReplyAt = nil
        stdinProven = !awaitsStdin
        provenWithoutStdinAt = nil
        return [probe(now: now)]
    }

    private mutating func probe(now: Date) -> Outgoing {
        let msg = factory.message("kernel_info_request")
        probeID = msg.header.msgID
        probeSentAt = now
        probeReplyAt = nil
        return Outgoing(channel: .shell, message: msg)
    }

    /// Time-driven work: resends the readiness probe when due, and checks for lost execute replies.
    public mutating func tick(now: Date) -> [Outgoing] {
        if state == .connecting, !stdinProven, let at = provenWithoutStdinAt, now.timeIntervalSince(at) >= Self.stdinGrace {
            stdinProven = true
            return becomeReadyIfProven(now: now)
        }
        return checkLostReplies(now: now) + probeIfDue(now: now)
    }

    /// Whether readiness still waits for the stdin channel's connection.
    public var waitsForStdin: Bool { state == .connecting && !stdinProven }

    /// The stdin channel reached the kernel (the transport saw a new connection since the last
    /// (re)start); readiness no longer waits for it.
    public mutating func stdinConnected(now: Date) -> [Outgoing] {
        guard !stdinProven else { return [] }
        stdinProven = true
        return becomeReadyIfProven(now: now)
    }

    private mutating func probeIfDue(now: Date) -> [Outgoing] {
        guard state == .connecting, provenWithoutStdinAt == nil, let sent = probeSentAt else { return [] }
        if let replied = probeReplyAt {
            if now.timeIntervalSince(replied) >= Self.iopubGrace { return [probe(now: now)] }
        } else if now.timeIntervalSince(sent) >= Self.probeInterval {
            return [probe(now: now)]
        }
        return []
    }

    /// Seconds until `tick` has work, if any.
    public func nextDeadline(now: Date) -> TimeInterval? {
        let replyCheck = idleWithoutReply.values.min().map { max(0, Self.replyGrace - now.timeIntervalSince($0)) }
        guard let probe = probeDeadline(now: now) else { return replyCheck }
        return min(probe, replyCheck ?? probe)
    }

    private func probeDeadline(now: Date) -> TimeInterval? {
        guard state == .connecting, let sent = probeSentAt else { return nil }
        if let at = provenWithoutStdinAt { return max(0, Self.stdinGrace - now.timeIntervalSince(at)) }
        if let replied = probeReplyAt { return max(0, Self.iopubGrace - now.timeIntervalSince(replied)) }
        return max(0, Self.probeInterval - now.timeIntervalSince(sent))
    }

    private mutating func checkLostReplies(now: Date) -> [Outgoing] {
        guard state == .ready else { return [] }
        var out: [Outgoing] = []
        for (id, at) in idleWithoutReply.sorted(by: { $0.value < $1.value }) where now.timeIntervalSince(at) >= Self.replyGrace {
            idleWithoutReply[id] = nil
            guard executions[id]?.awaitsReplyAfterIdle == true else { continue }
            let msg = factory.message("kernel_info_request")
            replyChecks[msg.header.msgID] = id
            out.append(Outgoing(channel: .shell, message: msg))
        }
        return out
    }

    /// Takes the queued events.
    public mutating func takeEvents() -> [KernelEvent] {
        defer { events.removeAll() }
        return events
    }

    // MARK: Requests

    private mutating func submit(_ out: Outgoing) -> [Outgoing] {
        if case .dead(let reason) = state {
            events.append(.requestFailed(requestID: out.message.header.msgID, reason: reason))
            return []
        }
        if state == .ready { return [out] }
        queued.append(out)
        return []
    }

    /// Starts an execution; returns its request id and what to send.
    public mutating func execute(_ code: String, options: ExecuteOptions = ExecuteOptions()) -> (String, [Outgoing]) {
        let content: MessageJSON = [
            "code": .string(code), "silent": .bool(options.silent), "store_history": .bool(options.storeHistory),
            "user_expressions": .object(options.userExpressions.mapValues(MessageJSON.string)),
            "allow_stdin": .bool(options.allowStdin), "stop_on_error": .bool(options.stopOnError),
        ]
        let msg = factory.message("execute_request", content: content, metadata: options.metadata)
        let id = msg.header.msgID
        var execution = Execution(requestID: id, code: code)
        execution.outputs.memoryLimit = options.outputMemoryLimit
        if case .dead(let reason) = state {
            execution.fail(reason)
            executions[id] = execution
            events.append(.executionFinished(requestID: id))
            return (id, [])
        }
        executions[id] = execution
        return (id, submit(Outgoing(channel: .shell, message: msg)))
    }

    /// Sends any other request (`complete_request`, `inspect_request`, …) on `channel`.
    public mutating func request(_ msgType: String, content: MessageJSON = .object([:]),
                                 channel: Channel = .shell) -> (String, [Outgoing]) {
        let msg = factory.message(msgType, content: content)
        let id = msg.header.msgID
        requests[id] = msgType
        if channel == .control, !isDead {
            // Control requests do not wait for readiness (interrupts and shutdowns must get through).
            return (id, [Outgoing(channel: .control, message: msg)])
        }
        return (id, submit(Outgoing(channel: channel, message: msg)))
    }

    private var isDead: Bool {
        if case .dead = state { return true }
        return false
    }

    /// Answers the pending `input_request` of execution `requestID`.
    public mutating func inputReply(_ value: String, for requestID: String) -> [Outgoing] {
        guard let header = pendingInput.removeValue(forKey: requestID) else { return [] }
        return [Outgoing(channel: .stdin, message: factory.message("input_reply", content: ["value": .string(value)], parent: header))]
    }

    /// Adds an output made on this side to execution `requestID` (the `stdin` stream echoing an
    /// answered input prompt, as JupyterLab keeps it), reported like the kernel's outputs.
    public mutating func appendOutput(_ output: KernelOutput, to requestID: String) {
        guard executions[requestID] != nil else { return }
        executions[requestID]!.outputs.add(output)
        events.append(.outputsChanged(requestID: requestID))
    }

    /// Whether execution `requestID` waits for input.
    public func awaitsInput(_ requestID: String) -> Bool { pendingInput[requestID] != nil }

    /// Forgets a finished execution (its outputs no longer receive display updates).
    public mutating func discard(_ requestID: String) {
        executions.removeValue(forKey: requestID)
        idleWithoutReply[requestID] = nil
    }

    // MARK: Incoming

    /// Handles one received message.
    public mutating func receive(_ message: Message, on channel: Channel, now: Date) -> [Outgoing] {
        switch channel {
        case .iopub: return receiveIOPub(message, now: now)
        case .shell, .control: return receiveReply(message, now: now)
        case .stdin: receiveStdin(message); return []
        case .heartbeat: return []
        }
    }

    private mutating func receiveReply(_ message: Message, now: Date) -> [Outgoing] {
        guard let parent = message.parentID else { return [] }
        if parent == probeID, message.msgType == "kernel_info_reply" {
            kernelInfo = message.content
            probeReplyAt = probeReplyAt ?? now
            return becomeReadyIfProven(now: now)
        }
        if let id = replyChecks.removeValue(forKey: parent) {
            // Everything the kernel answered before this reached us first: a missing reply is lost.
            if executions[id]?.awaitsReplyAfterIdle == true {
                executions[id]!.endWithoutReply()
                events.append(.executionFinished(requestID: id))
            }
            return []
        }
        if executions[parent] != nil, message.msgType == "execute_reply" {
            idleWithoutReply[parent] = nil
            executions[parent]!.handleReply(message)
            if executions[parent]!.isFinished { events.append(.executionFinished(requestID: parent)) }
            return []
        }
        if requests.removeValue(forKey: parent) != nil {
            if message.msgType == "kernel_info_reply" { kernelInfo = message.content }
            events.append(.reply(requestID: parent, message: message))
        }
        return []
    }

    private mutating func receiveStdin(_ message: Message) {
        guard message.msgType == "input_request", let parent = message.parentID else { return }
        pendingInput[parent] = message.header
        events.append(.inputRequested(requestID: parent, prompt: message.content["prompt"]?.stringValue ?? "",
                                      password: message.content["password"]?.boolValue ?? false))
    }

    private mutating func receiveIOPub(_ message: Message, now: Date) -> [Outgoing] {
        var out: [Outgoing] = []
        if state == .connecting {
            sawIOPub = true
            out += becomeReadyIfProven(now: now)
        }
        if message.msgType == "status", let s = message.content["execution_state"]?.stringValue {
            kernelStatus = s
            events.append(.kernelStatus(s))
        }
        if message.msgType == "update_display_data" {
            applyDisplayUpdate(message)
            return out
        }
        if message.msgType == "display_data" || message.msgType == "execute_result",
           message.content["transient"]?["display_id"]?.stringValue != nil {
            // A new output with a known display id also updates the earlier ones (then is added).
            applyDisplayUpdate(message)
        }
        if message.msgType == "comm_open" {
            // No comm targets here: close it, as frontends do for unknown targets.
            let commID = message.content["comm_id"] ?? .null
            let close = factory.message("comm_close", content: ["comm_id": commID, "data": .object([:])])
            out += submit(Outgoing(channel: .shell, message: close))
            return out
        }
        guard let parent = message.parentID, executions[parent] != nil else { return out }
        let wasFinished = executions[parent]!.isFinished
        let changed = executions[parent]!.handleIOPub(message)
        if message.msgType == "execute_input" {
            events.append(.executionStarted(requestID: parent, executionCount: executions[parent]!.executionCount))
        }
        if changed { events.append(.outputsChanged(requestID: parent)) }
        if !wasFinished, executions[parent]!.isFinished { events.append(.executionFinished(requestID: parent)) }
        if executions[parent]!.awaitsReplyAfterIdle, idleWithoutReply[parent] == nil, !replyChecks.values.contains(parent) {
            idleWithoutReply[parent] = now
        }
        return out
    }

    private mutating func applyDisplayUpdate(_ message: Message) {
        guard let id = message.content["transient"]?["display_id"]?.stringValue else { return }
        let data = message.content["data"] ?? .object([:])
        let metadata = message.content["metadata"] ?? .object([:])
        var touched: [String] = []
        for key in executions.keys.sorted() where executions[key]!.outputs.shows(id) {
            executions[key]!.outputs.updateDisplay(id, data: data, metadata: metadata)
            touched.append(key)
        }
        guard !touched.isEmpty || message.msgType == "update_display_data" else { return }
        events.append(.displayUpdated(displayID: id, data: data, metadata: metadata, requestIDs: touched))
        for key in touched { events.append(.outputsChanged(requestID: key)) }
    }

    private mutating func becomeReadyIfProven(now: Date) -> [Outgoing] {
        guard state == .connecting, probeReplyAt != nil, sawIOPub else { return [] }
        guard stdinProven else {
            provenWithoutStdinAt = provenWithoutStdinAt ?? now
            return []
        }
        provenWithoutStdinAt = nil
        state = .ready
        probeID = nil
        probeSentAt = nil
        events.append(.ready(kernelInfo: kernelInfo ?? .object([:])))
        defer { queued.removeAll() }
        return queued
    }

    // MARK: Death and restart

    /// The kernel is gone: every open request and execution ends with `reason`.
    public mutating func markDead(_ reason: String) {
        guard !isDead else { return }
        failOpenRequests(reason)
        state = .dead(reason)
        events.append(.died(reason: reason))
    }

    /// The kernel restarts: open requests fail, probing starts again.
    public mutating func restart(now: Date) -> [Outgoing] {
        failOpenRequests("kernel restarted")
        return connect(now: now)
    }

    private mutating func failOpenRequests(_ reason: String) {
        for key in executions.keys.sorted() where !executions[key]!.isFinished {
            executions[key]!.fail(reason)
            events.append(.executionFinished(requestID: key))
        }
        for key in requests.keys.sorted() { events.append(.requestFailed(requestID: key, reason: reason)) }
        requests.removeAll()
        pendingInput.removeAll()
        queued.removeAll()
        idleWithoutReply.removeAll()
        replyChecks.removeAll()
    }
}
