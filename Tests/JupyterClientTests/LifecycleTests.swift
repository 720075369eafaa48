import Foundation
import Testing
import TestSupport
import JupyterProtocol
@testable import JupyterClient

/// Restart, death and shutdown: each test owns its kernel because it breaks it.
@Suite(.serialized) struct LifecycleTests {
    @Test func restartKeepsTheConnectionAndForgetsState() throws {
        let k = try TestKernels.start()
        defer { k.shutdown() }
        let c = k.client
        _ = try c.executeAndWait("x = 41", timeout: 30)
        let oldPid = try #require(k.process?.pid)
        let ports = c.connection
        try k.restart()
        #expect(k.process?.pid != oldPid)
        #expect(c.connection == ports)
        #expect(kill(oldPid, 0) != 0)
        let e = try c.executeAndWait("x", timeout: 30)
        guard case .error(let ename, _, _)? = e.status else { Issue.record("x survived the restart"); return }
        #expect(ename == "NameError")
        #expect(try c.executeAndWait("print('back')", timeout: 30).streamText() == "back\n")
    }

    @Test func exitingKernelIsReportedDeadWithStatus() throws {
        let k = try TestKernels.start()
        defer { k.shutdown() }
        let c = k.client
        let id = c.execute("import os; os._exit(3)")
        var died: String?
        try c.run(timeout: 20, what: "death", onEvent: { if case .died(let r) = $0 { died = r } }) { died != nil }
        #expect(died == "exit status 3")
        #expect(c.execution(id)?.status == .failed("exit status 3"))
        // Requests after death fail at once.
        let later = try c.executeAndWait("1", timeout: 5)
        #expect(later.status == .failed("exit status 3"))
        // A dead kernel can be restarted.
        try k.restart()
        #expect(try c.executeAndWait("2+2", timeout: 30).status == .ok)
    }

    @Test func shutdownReapsTheProcessAndRemovesTheConnectionFile() throws {
        let k = try TestKernels.start()
        let pid = try #require(k.process?.pid)
        let file = k.connectionFile
        #expect(FileManager.default.fileExists(atPath: file))
        let attrs = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        // A child of the kernel in its process group.
        let child = try k.client.executeAndWait("import subprocess; p = subprocess.Popen(['sleep', '300']); print(p.pid)", timeout: 30)
        let childPid = try #require(Int32(child.streamText().trimmingCharacters(in: .whitespacesAndNewlines)))
        k.shutdown()
        #expect(kill(pid, 0) != 0 && errno == ESRCH)
        #expect(!FileManager.default.fileExists(atPath: file))
        // The orphaned sleep was killed with the group (it may linger as a zombie of init briefly).
        try pollUntil(timeout: 5) { kill(childPid, 0) != 0 || processState(childPid) == "Z" }
        k.shutdown()  // idempotent
    }

    @Test func attachingUsesTheConnectionFileAndNeverShutsDown() throws {
        let k = try TestKernels.start()
        defer { k.shutdown() }
        _ = try k.client.executeAndWait("shared = 'from the first client'", timeout: 30)
        let attached = try KernelClient(connectionFile: k.connectionFile)
        try attached.waitUntilReady(timeout: 30)
        #expect(try attached.executeAndWait("print(shared)", timeout: 30).streamText() == "from the first client\n")
        attached.close()
        #expect(k.process?.isRunning == true)
        #expect(try k.client.executeAndWait("1", timeout: 30).status == .ok)
    }

    @Test func attachedClientNoticesDeathByHeartbeat() throws {
        let k = try TestKernels.start()
        defer { k.shutdown() }
        let attached = try KernelClient(connectionFile: k.connectionFile)
        try attached.waitUntilReady(timeout: 30)
        k.process?.signal(SIGKILL)
        var died: String?
        try attached.run(timeout: 20, what: "heartbeat death", onEvent: { if case .died(let r) = $0 { died = r } }) { died != nil }
        #expect(died?.contains("heartbeat") == true)
    }

    @Test func missingKernelNameIsAClearError() {
        #expect(throws: KernelError.self) { _ = try KernelManager(kernelName: "no-such-kernel", options: TestKernels.options()) }
        do { _ = try KernelManager(kernelName: "no-such-kernel", options: TestKernels.options()) } catch {
            #expect("\(error)".contains("python3"))
        }
    }

    @Test func kernelThatFailsToStartIsReportedDead() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = KernelSpec(name: "broken", resourceDirectory: dir.path, argv: ["/bin/sh", "-c", "exit 7", "{connection_file}"],
                              displayName: "Broken", language: "none", interruptMode: "signal", env: [:],
                              metadata: .object([:]), kernelProtocolVersion: "")
        let k = try KernelManager(spec: spec, options: TestKernels.options())
        defer { k.shutdown() }
        #expect(throws: KernelError.died("exit status 7")) { try k.client.waitUntilReady(timeout: 20) }
    }
}

func pollUntil(timeout: TimeInterval, _ condition: () -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while !condition() {
        if Date() > deadline { throw KernelError.timedOut("condition") }
        usleep(20_000)
    }
}

func processState(_ pid: Int32) -> String? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return nil }
    return stat[stat.index(close, offsetBy: 2)...].split(separator: " ").first.map(String.init)
}
