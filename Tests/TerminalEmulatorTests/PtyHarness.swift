import Foundation
import TermCore
import TerminalEmulator

/// Drives a `TerminalSession` the way the event loop does: poll the master fd, read, write, reap,
/// until a condition holds or a deadline passes. Never a fixed sleep.
final class PtyHarness {
    let session: TerminalSession
    /// Number of `handleReadable` calls and the largest amount one of them read.
    private(set) var reads = 0
    private(set) var largestRead = 0

    init(_ command: PtyCommand, size: Size = Size(width: 80, height: 24), scrollbackLines: Int = 10_000) throws {
        session = try TerminalSession(command: command, size: size, scrollbackLines: scrollbackLines)
    }

    /// A bash without startup files and with a `$ ` prompt, in `directory`.
    static func bash(size: Size = Size(width: 80, height: 24), directory: String? = nil) throws -> PtyHarness {
        var env = ProcessInfo.processInfo.environment
        env["PS1"] = "$ "
        env["HISTFILE"] = "/dev/null"
        env["PROMPT_COMMAND"] = nil
        let command = PtyCommand(executable: "/bin/bash", arguments: ["--norc", "--noprofile"], environment: env,
                                 workingDirectory: directory)
        return try PtyHarness(command, size: size)
    }

    /// `/bin/sh -c script`.
    static func script(_ script: String, size: Size = Size(width: 80, height: 24), scrollbackLines: Int = 10_000) throws -> PtyHarness {
        try PtyHarness(.script(script), size: size, scrollbackLines: scrollbackLines)
    }

    /// One loop turn: wait up to `timeout` ms for the fd, then handle what is ready.
    func turn(timeout: Int32 = 20) {
        var pfd = pollfd(fd: session.fd, events: session.pollEvents, revents: 0)
        if pfd.fd >= 0, pfd.events != 0 {
            let r = poll(&pfd, 1, timeout)
            if r > 0 {
                if pfd.revents & Int16(POLLOUT) != 0 { session.handleWritable() }
                if pfd.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                    let n = session.handleReadable()
                    reads += 1
                    largestRead = max(largestRead, n)
                }
            }
        } else {
            _ = poll(nil, 0, timeout)
        }
        session.reapChild()
    }

    /// Runs turns until `condition` holds; returns false when `deadline` passes first.
    @discardableResult
    func run(until condition: () -> Bool, deadline: Duration = .seconds(30)) -> Bool {
        let clock = ContinuousClock()
        let end = clock.now + deadline
        while clock.now < end {
            if condition() { return true }
            turn()
        }
        return condition()
    }

    /// Runs until some visible row satisfies `match`.
    @discardableResult
    func waitForRow(deadline: Duration = .seconds(30), _ match: (String) -> Bool) -> Bool {
        run(until: { session.visibleText.contains(where: match) }, deadline: deadline)
    }

    /// Runs until the visible screen contains `text`.
    @discardableResult
    func waitFor(_ text: String, deadline: Duration = .seconds(30)) -> Bool {
        waitForRow(deadline: deadline) { $0.contains(text) }
    }

    /// Runs until the child has exited and all its output is read.
    @discardableResult
    func waitForExit(deadline: Duration = .seconds(60)) -> Bool {
        run(until: { session.isFinished }, deadline: deadline)
    }

    var rows: [String] { session.visibleText }
    var screenDump: String { rows.enumerated().map { "\($0.offset): |\($0.element)|" }.joined(separator: "\n") }
}
