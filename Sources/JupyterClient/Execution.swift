import Foundation
import JupyterProtocol

/// Options of an `execute_request`.
public struct ExecuteOptions: Sendable, Equatable {
    /// No side effects on IOPub, no history.
    public var silent = false
    /// Store in history (defaults to `!silent`).
    public var storeHistory = true
    /// Whether the kernel may ask for input (the caller answers `inputRequested` events).
    public var allowStdin = false
    /// Abort queued executions after an error.
    public var stopOnError = true
    /// Expressions evaluated after the code, name → expression.
    public var userExpressions: [String: String] = [:]
    /// Request metadata (e.g. `cellId`).
    public var metadata: MessageJSON = .object([:])
    /// The most text the execution's outputs keep (see `OutputArea.memoryLimit`); nil keeps all.
    public var outputMemoryLimit: Int?

    public init(silent: Bool = false, storeHistory: Bool? = nil, allowStdin: Bool = false, stopOnError: Bool = true,
                userExpressions: [String: String] = [:], metadata: MessageJSON = .object([:])) {
        self.silent = silent
        self.storeHistory = storeHistory ?? !silent
        self.allowStdin = allowStdin
        self.stopOnError = stopOnError
        self.userExpressions = userExpressions
        self.metadata = metadata
    }
}

/// How an execution ended.
public enum ExecutionStatus: Sendable, Equatable {
    /// `status: ok`.
    case ok
    /// `status: error` with the exception.
    case error(ename: String, evalue: String, traceback: [String])
    /// `status: aborted` (dropped after an earlier error).
    case aborted
    /// The kernel died or restarted before the execution ended.
    case failed(String)
    /// The kernel went idle after it and answered a later shell request first, so its
    /// `execute_reply` will never come. ipykernel drops the reply when a SIGINT lands while it
    /// prepares or wraps up the cell (outside the cell's own code): the request ends without a result.
    case noReply
}

/// Header dates of the messages that frame an execution (kernel clock), as sent.
public struct ExecutionTiming: Sendable, Equatable {
    public var busy: String?
    public var executeInput: String?
    public var executeReply: String?
    public var idle: String?
}

/// One `execute_request` and what came back, as a state machine: it is finished when both the
/// `execute_reply` (shell) and the `idle` status (IOPub) with its parent arrived, in either order.
public struct Execution: Sendable {
    /// Where the execution stands.
    public enum State: Sendable, Equatable {
        /// Sent (or queued until the kernel is ready), nothing heard yet.
        case pending
        /// The kernel is working on it (busy or some reply seen).
        case running
        /// Both the reply and idle arrived, or the kernel died.
        case finished(ExecutionStatus)
    }

    /// The request's `msg_id`.
    public let requestID: String
    /// The code sent.
    public let code: String
    /// Where it stands.
    public private(set) var state: State = .pending
    /// Outputs so far.
    public var outputs = OutputArea()
    /// The execution count from `execute_input` or the reply.
    public private(set) var executionCount: Int?
    /// The full `execute_reply` content, once received.
    public private(set) var reply: MessageJSON?
    /// Header dates of busy, execute_input, execute_reply and idle.
    public private(set) var timing = ExecutionTiming()
    private var replyStatus: ExecutionStatus?
    private var gotIdle = false

    public init(requestID: String, code: String) {
        self.requestID = requestID
        self.code = code
    }

    /// Whether it finished.
    public var isFinished: Bool {
        if case .finished = state { return true }
        return false
    }

    /// The final status, once finished.
    public var status: ExecutionStatus? {
        if case .finished(let s) = state { return s }
        return nil
    }

    /// Applies an IOPub message whose parent is this request. Returns whether outputs changed.
    @discardableResult
    public mutating func handleIOPub(_ message: Message) -> Bool {
        guard !isFinished else {
            // Output from background threads may arrive after idle: keep it.
            return applyOutput(message)
        }
        switch message.msgType {
        case "status":
            switch message.content["execution_state"]?.stringValue {
            case "busy":
                timing.busy = timing.busy ?? message.header.date
                if state == .pending { state = .running }
            case "idle":
                timing.idle = message.header.date
                gotIdle = true
                finishIfComplete()
            default: break
            }
            return false
        case "execute_input":
            timing.executeInput = message.header.date
            if let n = message.content["execution_count"]?.intValue { executionCount = n }
            if state == .pending { state = .running }
            return false
        default:
            return applyOutput(message)
        }
    }

    private mutating func applyOutput(_ message: Message) -> Bool {
        switch message.msgType {
        case "stream", "display_data", "execute_result", "error":
            guard let out = KernelOutput(message: message) else { return false }
            outputs.add(out)
            return true
        case "clear_output":
            outputs.clear(wait: message.content["wait"]?.boolValue ?? false)
            return true
        default:
            return false
        }
    }

    /// Applies the `execute_reply`.
    public mutating func handleReply(_ message: Message) {
        guard !isFinished else { return }
        let c = message.content
        reply = c
        timing.executeReply = message.header.date
        if let n = c["execution_count"]?.intValue { executionCount = n }
        switch c["status"]?.stringValue {
        case "ok": replyStatus = .ok
        case "aborted": replyStatus = .aborted
        default:
            replyStatus = .error(ename: c["ename"]?.stringValue ?? "", evalue: c["evalue"]?.stringValue ?? "",
                                 traceback: c["traceback"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        }
        if state == .pending { state = .running }
        finishIfComplete()
    }

    /// Whether the kernel went idle after it while its `execute_reply` is still missing.
    public var awaitsReplyAfterIdle: Bool { gotIdle && replyStatus == nil && !isFinished }

    /// Ends the execution whose reply is known to be lost (see `ExecutionStatus.noReply`).
    public mutating func endWithoutReply() {
        guard awaitsReplyAfterIdle else { return }
        state = .finished(.noReply)
    }

    /// Ends the execution because the kernel died or restarted.
    public mutating func fail(_ reason: String) {
        guard !isFinished else { return }
        state = .finished(.failed(reason))
    }

    private mutating func finishIfComplete() {
        if let replyStatus, gotIdle { state = .finished(replyStatus) }
    }
}
