import Foundation
import Testing
import JupyterProtocol
@testable import JupyterClient

/// The session state machine alone, fed hand-made kernel messages.
@Suite final class KernelSessionTests {
    var kernel = MessageFactory(session: "kernel")
    let t0 = Date(timeIntervalSince1970: 1000)

    func reply(_ type: String, to request: Message, _ content: MessageJSON = ["status": "ok"]) -> Message {
        kernel.message(type, content: content, parent: request.header)
    }

    func status(_ state: String, parent: Message?) -> Message {
        kernel.message("status", content: ["execution_state": .string(state)], parent: parent?.header)
    }

    func readySession() -> KernelSession {
        var s = KernelSession(factory: MessageFactory(session: "client"))
        let probe = s.connect(now: t0)[0].message
        _ = s.receive(reply("kernel_info_reply", to: probe), on: .shell, now: t0)
        _ = s.receive(status("idle", parent: probe), on: .iopub, now: t0)
        return s
    }

    @Test func readyNeedsReplyAndIOPub() {
        var s = KernelSession(factory: MessageFactory(session: "client"))
        let first = s.connect(now: t0)
        #expect(first.map(\.message.msgType) == ["kernel_info_request"])
        #expect(s.tick(now: t0.addingTimeInterval(0.5)).isEmpty)
        let again = s.tick(now: t0.addingTimeInterval(1.1))
        #expect(again.count == 1)
        // Requests wait until ready.
        let (_, held) = s.execute("1")
        #expect(held.isEmpty)
        _ = s.receive(reply("kernel_info_reply", to: again[0].message), on: .shell, now: t0.addingTimeInterval(1.2))
        #expect(s.state == .connecting)
        let flushed = s.receive(status("busy", parent: again[0].message), on: .iopub, now: t0.addingTimeInterval(1.3))
        #expect(s.state == .ready)
        #expect(flushed.map(\.message.msgType) == ["execute_request"])
        #expect(s.takeEvents().contains { if case .ready = $0 { return true }; return false })
    }

    @Test func replyWithoutIOPubProbesAgain() {
        var s = KernelSession(factory: MessageFactory(session: "client"))
        let probe = s.connect(now: t0)[0].message
        _ = s.receive(reply("kernel_info_reply", to: probe), on: .shell, now: t0)
        #expect(s.tick(now: t0.addingTimeInterval(0.1)).isEmpty)
        #expect(s.tick(now: t0.addingTimeInterval(0.4)).count == 1)
    }

    @Test(arguments: [true, false]) func executionEndsOnReplyAndIdleInEitherOrder(_ replyFirst: Bool) {
        var s = readySession()
        let (id, out) = s.execute("print(1)")
        let req = out[0].message
        _ = s.receive(status("busy", parent: req), on: .iopub, now: t0)
        _ = s.receive(kernel.message("stream", content: ["name": "stdout", "text": "1\n"], parent: req.header), on: .iopub, now: t0)
        let rep = reply("execute_reply", to: req, ["status": "ok", "execution_count": 5])
        let idle = status("idle", parent: req)
        _ = s.receive(replyFirst ? rep : idle, on: replyFirst ? .shell : .iopub, now: t0)
        #expect(s.executions[id]?.isFinished == false)
        _ = s.receive(replyFirst ? idle : rep, on: replyFirst ? .iopub : .shell, now: t0)
        #expect(s.executions[id]?.status == .ok)
        #expect(s.executions[id]?.executionCount == 5)
        #expect(s.executions[id]?.outputs.outputs.map(\.text) == ["1\n"])
        let finished = s.takeEvents().filter { if case .executionFinished = $0 { return true }; return false }
        #expect(finished.count == 1)
    }

    @Test func foreignParentsAreIgnoredAndAbortedIsReported() {
        var s = readySession()
        let (id, out) = s.execute("x")
        let req = out[0].message
        let other = kernel.message("execute_request", content: [:])
        _ = s.receive(kernel.message("stream", content: ["name": "stdout", "text": "not mine"], parent: other.header), on: .iopub, now: t0)
        _ = s.receive(reply("execute_reply", to: req, ["status": "aborted"]), on: .shell, now: t0)
        _ = s.receive(status("idle", parent: req), on: .iopub, now: t0)
        #expect(s.executions[id]?.status == .aborted)
        #expect(s.executions[id]?.outputs.outputs.isEmpty == true)
    }

    @Test func stdinRequestIsAnsweredWithItsHeaderAsParent() {
        var s = readySession()
        let (id, out) = s.execute("input()", options: ExecuteOptions(allowStdin: true))
        let ask = kernel.message("input_request", content: ["prompt": "? ", "password": true], parent: out[0].message.header)
        _ = s.receive(ask, on: .stdin, now: t0)
        #expect(s.takeEvents().contains { if case .inputRequested(id, "? ", true) = $0 { return true }; return false })
        let answer = s.inputReply("secret", for: id)
        #expect(answer.first?.channel == .stdin)
        #expect(answer.first?.message.parentID == ask.header.msgID)
        #expect(answer.first?.message.content["value"]?.stringValue == "secret")
        #expect(s.inputReply("again", for: id).isEmpty)
    }

    @Test func clientOutputsJoinTheExecutionWithoutMergingIntoStdout() {
        var s = readySession()
        let (id, out) = s.execute("print(input('n? '))", options: ExecuteOptions(allowStdin: true))
        _ = s.receive(kernel.message("stream", content: ["name": "stdout", "text": "before\n"], parent: out[0].message.header), on: .iopub, now: t0)
        _ = s.takeEvents()
        s.appendOutput(.stream("stdin", "n?  Ada\n"), to: id)
        #expect(s.takeEvents().contains { if case .outputsChanged(id) = $0 { return true }; return false })
        _ = s.receive(kernel.message("stream", content: ["name": "stdout", "text": "Ada\n"], parent: out[0].message.header), on: .iopub, now: t0)
        #expect(s.executions[id]?.outputs.outputs.map(\.name) == ["stdout", "stdin", "stdout"])
        #expect(s.executions[id]?.outputs.outputs.map(\.text) == ["before\n", "n?  Ada\n", "Ada\n"])
        _ = s.takeEvents()
        s.appendOutput(.stream("stdin", "x\n"), to: "no-such-request")
        #expect(s.takeEvents().isEmpty)
    }

    @Test func deathFailsEverythingOpen() {
        var s = readySession()
        let (id, _) = s.execute("while True: pass")
        let (rid, _) = s.request("complete_request", content: ["code": "", "cursor_pos": 0])
        _ = s.takeEvents()
        s.markDead("exit status 1")
        #expect(s.executions[id]?.status == .failed("exit status 1"))
        let events = s.takeEvents()
        #expect(events.contains { if case .requestFailed(rid, "exit status 1") = $0 { return true }; return false })
        #expect(events.contains { if case .died("exit status 1") = $0 { return true }; return false })
        let (late, out) = s.execute("1")
        #expect(out.isEmpty)
        #expect(s.executions[late]?.status == .failed("exit status 1"))
    }

    /// An execution that went idle: its request, and the session.
    func idleExecution() -> (KernelSession, String, Message) {
        var s = readySession()
        let (id, out) = s.execute("time.sleep(60)")
        let req = out[0].message
        _ = s.receive(status("busy", parent: req), on: .iopub, now: t0)
        _ = s.receive(status("idle", parent: req), on: .iopub, now: t0)
        _ = s.takeEvents()
        return (s, id, req)
    }

    @Test func lostReplyIsDetectedByALaterShellReply() {
        var (s, id, _) = idleExecution()
        #expect(s.nextDeadline(now: t0) == KernelSession.replyGrace)
        #expect(s.tick(now: t0.addingTimeInterval(KernelSession.replyGrace / 2)).isEmpty)
        let check = s.tick(now: t0.addingTimeInterval(KernelSession.replyGrace))
        #expect(check.map(\.message.msgType) == ["kernel_info_request"])
        #expect(check.map(\.channel) == [.shell])
        #expect(s.tick(now: t0.addingTimeInterval(10)).isEmpty)
        #expect(s.executions[id]?.isFinished == false)
        _ = s.receive(reply("kernel_info_reply", to: check[0].message), on: .shell, now: t0.addingTimeInterval(1))
        #expect(s.executions[id]?.status == .noReply)
        #expect(s.takeEvents().contains { if case .executionFinished(id) = $0 { return true }; return false })
    }

    @Test func replyAheadOfTheCheckEndsTheExecutionNormally() {
        var (s, id, req) = idleExecution()
        let check = s.tick(now: t0.addingTimeInterval(KernelSession.replyGrace))
        _ = s.receive(reply("execute_reply", to: req, ["status": "ok", "execution_count": 1]), on: .shell, now: t0)
        _ = s.receive(reply("kernel_info_reply", to: check[0].message), on: .shell, now: t0)
        #expect(s.executions[id]?.status == .ok)
    }

    @Test func replyWithinTheGraceSendsNoCheck() {
        var (s, id, req) = idleExecution()
        _ = s.receive(reply("execute_reply", to: req, ["status": "ok"]), on: .shell, now: t0)
        #expect(s.executions[id]?.status == .ok)
        #expect(s.nextDeadline(now: t0) == nil)
        #expect(s.tick(now: t0.addingTimeInterval(10)).isEmpty)
    }
}
