import Foundation
import Testing
import TestSupport
import JupyterProtocol
@testable import JupyterClient

/// Interrupting ipykernel by SIGINT: each test owns its kernel because it breaks its execution.
@Suite(.serialized) struct InterruptTests {
    @Test func interruptStopsASleepQuickly() throws {
        // The spawning thread blocks SIGINT: the kernel must still get an empty mask.
        let k = try withSIGINTBlocked { try TestKernels.start() }
        defer { k.shutdown() }
        let c = k.client
        let pid = try #require(k.process?.pid)
        let id = c.execute("import time\nprint('sleeping', flush=True)\ntime.sleep(60)")
        // The text comes from the cell's own code, so the kernel is inside it with its SIGINT handler.
        try c.run(timeout: 30, what: "started") { c.execution(id)?.streamText() == "sleeping\n" }
        let masks = try #require(SignalMasks(pid: pid))
        #expect(masks.catches(SIGINT))
        #expect(!masks.ignores(SIGINT))
        #expect(!masks.blocks(SIGINT))
        k.interrupt()
        // One signal, and a deadline far below the 60 s sleep: only the interrupt ends it in time.
        try c.run(timeout: 50, what: "interrupt") { c.execution(id)!.isFinished }
        guard case .error(let ename, _, _)? = c.execution(id)?.status else {
            Issue.record("expected KeyboardInterrupt, got \(String(describing: c.execution(id)?.status))")
            return
        }
        #expect(ename == "KeyboardInterrupt")
        #expect(try c.executeAndWait("1+1", timeout: 30).status == .ok)
    }

    /// ipykernel prepares a cell (IPython's input transformers) inside its handler but outside the
    /// guard that turns KeyboardInterrupt into an error reply: a SIGINT there ends the handler with no
    /// `execute_reply`, and the kernel goes idle with SIGINT ignored again. A slow input transformer
    /// holds the kernel in that window.
    @Test func interruptWhileTheKernelPreparesTheCellEndsItWithoutReply() throws {
        let k = try TestKernels.start()
        defer { k.shutdown() }
        let c = k.client
        let setup = try c.executeAndWait(KernelSnippets.slowTransform, timeout: 30)
        #expect(setup.status == .ok)
        let id = c.execute("# slow-transform\n1")
        try c.run(timeout: 30, what: "transforming") { c.execution(id)?.streamText() == "transforming\n" }
        k.interrupt()
        try c.run(timeout: 50, what: "the lost reply noticed") { c.execution(id)!.isFinished }
        #expect(c.execution(id)?.status == .noReply)
        // Idle again, the kernel ignores SIGINT (the check's own handler may still be finishing).
        let pid = try #require(k.process?.pid)
        try pollUntil(timeout: 10) { SignalMasks(pid: pid)?.ignores(SIGINT) == true }
        #expect(try c.executeAndWait("1+1", timeout: 30).status == .ok)
    }

    @Test func spawnedProcessGetsDefaultSignalsAndAnEmptyMask() throws {
        let p = try withSIGINTBlocked {
            try KernelProcess(argv: ["sleep", "30"], environment: ["PATH": "/usr/bin:/bin"], directory: nil, output: .discard)
        }
        defer { p.kill(); _ = p.waitBlocking() }
        let masks = try #require(SignalMasks(pid: p.pid))
        #expect(masks.blocked == 0)
        #expect(!masks.ignores(SIGINT))
        #expect(getpgid(p.pid) == p.pid)
        #expect(getsid(p.pid) == p.pid)
    }
}

/// Runs `body` on the calling thread with SIGINT and SIGTERM blocked, as a terminal UI thread does.
func withSIGINTBlocked<T>(_ body: () throws -> T) rethrows -> T {
    var set = sigset_t(), old = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    sigaddset(&set, SIGTERM)
    pthread_sigmask(SIG_BLOCK, &set, &old)
    defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
    return try body()
}

/// The signal sets of a process from `/proc/PID/status`.
struct SignalMasks {
    var ignored: UInt64 = 0, caught: UInt64 = 0, blocked: UInt64 = 0

    init?(pid: Int32) {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        var found = 0
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let value = UInt64(parts[1].trimmingCharacters(in: .whitespaces), radix: 16) else { continue }
            switch parts[0] {
            case "SigIgn": ignored = value; found += 1
            case "SigCgt": caught = value; found += 1
            case "SigBlk": blocked = value; found += 1
            default: break
            }
        }
        if found != 3 { return nil }
    }

    private func has(_ mask: UInt64, _ sig: Int32) -> Bool { mask & (1 << UInt64(sig - 1)) != 0 }
    func ignores(_ sig: Int32) -> Bool { has(ignored, sig) }
    func catches(_ sig: Int32) -> Bool { has(caught, sig) }
    func blocks(_ sig: Int32) -> Bool { has(blocked, sig) }
}
