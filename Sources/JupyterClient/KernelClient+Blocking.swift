import Foundation
import JupyterProtocol

/// Blocking conveniences for headless use (`callisto run`, tests, benchmarks). Each one runs the
/// client's own small poll loop until its condition holds, the deadline passes or the kernel dies.
extension KernelClient {
    /// Polls and processes until `done` returns true. Events are passed to `onEvent` as they come.
    /// Throws `KernelError.timedOut` at the deadline.
    public func run(timeout: TimeInterval?, what: String, onEvent: (KernelEvent) -> Void = { _ in },
                    until done: () -> Bool) throws {
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        while true {
            for e in takeEvents() { onEvent(e) }
            if done() { return }
            let now = Date()
            if let deadline, now >= deadline { throw KernelError.timedOut(what) }
            var wait = nextDeadline(now: now)
            if let deadline { wait = min(wait, deadline.timeIntervalSince(now)) }
            let items = pollDescriptors
            if items.isEmpty { throw KernelError.transport("connection closed") }
            let ready = EventPoller.poll(items, timeoutMillis: max(0, Int((wait * 1000).rounded(.up))))
            if !ready.isEmpty { processIncoming() }
            tick()
        }
    }

    /// Waits until the kernel is ready; throws if it dies first or time runs out.
    public func waitUntilReady(timeout: TimeInterval = 60) throws {
        try run(timeout: timeout, what: "waiting for the kernel to become ready") { isReady || isDead }
        if case .dead(let reason) = session.state { throw KernelError.died(reason) }
    }

    /// Executes `code` and waits until it finished (reply and idle). `input` answers `input()` and
    /// `getpass()` requests (prompt, password flag); without it stdin is not allowed.
    public func executeAndWait(_ code: String, options: ExecuteOptions = ExecuteOptions(), timeout: TimeInterval? = nil,
                               input: ((String, Bool) -> String)? = nil,
                               onEvent: (KernelEvent) -> Void = { _ in }) throws -> Execution {
        var opts = options
        opts.allowStdin = input != nil
        let id = execute(code, options: opts)
        try run(timeout: timeout, what: "execution", onEvent: { event in
            if case .inputRequested(let rid, let prompt, let password) = event, rid == id, let input {
                sendInput(input(prompt, password), for: rid)
            }
            onEvent(event)
        }, until: { execution(id)?.isFinished ?? true })
        return execution(id)!
    }

    /// Sends a request and waits for its reply message.
    public func requestAndWait(_ msgType: String, content: MessageJSON = .object([:]), channel: Channel = .shell,
                               timeout: TimeInterval = 30) throws -> Message {
        let id = request(msgType, content: content, channel: channel)
        return try waitForReply(id, timeout: timeout)
    }

    /// Waits for the reply to request `id`.
    public func waitForReply(_ id: String, timeout: TimeInterval = 30) throws -> Message {
        var reply: Message?
        var failure: String?
        try run(timeout: timeout, what: "reply to \(id)", onEvent: { event in
            switch event {
            case .reply(let rid, let message) where rid == id: reply = message
            case .requestFailed(let rid, let reason) where rid == id: failure = reason
            default: break
            }
        }, until: { reply != nil || failure != nil })
        if let failure { throw KernelError.died(failure) }
        return reply!
    }
}
