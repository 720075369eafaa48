import Foundation
import Testing
import JupyterProtocol
@testable import JupyterClient

/// A kernel's stdin ROUTER silently drops an `input_request` for a client it has not met, and ZeroMQ
/// connects each socket on its own schedule: readiness therefore waits for the stdin connection too.
@Suite struct StdinReadinessTests {
    /// Answers readiness probes: the reply on shell and an idle status on IOPub.
    static func serveProbes(_ fake: FakeKernel) -> Message? {
        _ = fake.receive(on: .heartbeat)
        guard let request = fake.receive(on: .shell) else { return nil }
        if request.msgType == "kernel_info_request" {
            fake.send(fake.message("kernel_info_reply", content: ["status": "ok"], parent: request.header), on: .shell)
            fake.send(fake.message("status", content: ["execution_state": "idle"], parent: request.header), on: .iopub)
            return nil
        }
        return request
    }

    @Test func readinessWaitsUntilStdinIsConnected() throws {
        let fake = try FakeKernel(later: [.stdin])
        let client = try KernelClient(connection: fake.connection)
        defer { client.close() }
        // Shell and IOPub answer; nothing listens on the stdin port yet.
        let until = Date().addingTimeInterval(1.0)
        try fake.pump(client, step: { _ = Self.serveProbes($0) }, until: { Date() > until || client.isReady })
        #expect(!client.isReady)
        #expect(client.session.waitsForStdin)

        try fake.bind(.stdin)
        try fake.pump(client, step: { _ = Self.serveProbes($0) }, until: { client.isReady })

        // The kernel can reach the client on stdin at once.
        let id = client.execute("input()", options: ExecuteOptions(allowStdin: true))
        var prompted = false
        try fake.pump(client, step: { fake in
            guard let request = Self.serveProbes(fake), request.msgType == "execute_request" else { return }
            fake.send(fake.message("input_request", content: ["prompt": "? ", "password": false], parent: request.header), on: .stdin)
        }, until: {
            prompted = prompted || client.takeEvents().contains {
                if case .inputRequested(let rid, "? ", false) = $0 { return rid == id }
                return false
            }
            return prompted
        })
        #expect(prompted)
    }

    static let t0 = Date(timeIntervalSince1970: 1000)

    /// Probes, then answers on shell and IOPub (after `first` ran on the probing session).
    static func proveShellAndIOPub(_ s: inout KernelSession, first: (inout KernelSession) -> Void = { _ in }) {
        var kernel = MessageFactory(session: "kernel")
        let probe = s.connect(now: t0)[0].message
        first(&s)
        _ = s.receive(kernel.message("kernel_info_reply", content: ["status": "ok"], parent: probe.header), on: .shell, now: t0)
        _ = s.receive(kernel.message("status", content: ["execution_state": "idle"], parent: probe.header), on: .iopub, now: t0)
    }

    @Test func readinessStopsWaitingForStdinAfterTheGrace() {
        let t0 = Self.t0
        var s = KernelSession(factory: MessageFactory(session: "client"))
        s.awaitsStdin = true
        Self.proveShellAndIOPub(&s)
        #expect(s.state == .connecting)
        #expect(s.tick(now: t0.addingTimeInterval(1)).isEmpty, "no new probe while only stdin is missing")
        #expect(s.nextDeadline(now: t0.addingTimeInterval(1)) == KernelSession.stdinGrace - 1)
        _ = s.tick(now: t0.addingTimeInterval(KernelSession.stdinGrace))
        #expect(s.state == .ready)
    }

    @Test func aConnectedStdinMakesItReadyAtOnce() {
        let t0 = Self.t0
        var s = KernelSession(factory: MessageFactory(session: "client"))
        s.awaitsStdin = true
        Self.proveShellAndIOPub(&s) { s in
            #expect(s.stdinConnected(now: t0).isEmpty)
            #expect(s.state == .connecting)
        }
        #expect(s.state == .ready)
        // A restart waits for a new connection again.
        _ = s.restart(now: t0)
        #expect(s.waitsForStdin)
    }
}
