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
        let id = c.execute("echo started; sleep 60")
        // The echo comes from bash inside the kernel's handler: bash_kernel now waits on it and
        // turns one SIGINT into a ^C for the running command.
        try c.run(timeout: 30, what: "started") { c.execution(id)?.streamText() == "started\n" }
        k.interrupt()
        try c.run(timeout: 50, what: "interrupt") { c.execution(id)!.isFinished }
        // bash_kernel answers an interrupted command with status "abort" (not the protocol's "aborted").
        guard case .error? = c.execution(id)?.status else {
            Issue.record("expected an interrupted command, got \(String(describing: c.execution(id)?.status))")
            return
        }
        #expect(try c.executeAndWait("echo after", timeout: 30).streamText() == "after\n")
    }
}
