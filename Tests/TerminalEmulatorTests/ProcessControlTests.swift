import Foundation
import TermCore
import Testing
@testable import TerminalEmulator

/// The child's life on the pty: size changes, signals from keys, exit status, hang-up on close,
/// bracketed paste.
@Suite(.serialized) struct ProcessControlTests {
    @Test func resizeReachesTheChild() throws {
        let pty = try PtyHarness.bash()
        pty.session.type("stty size\n")
        #expect(pty.waitForRow { $0 == "24 80" }, "\(pty.screenDump)")
        pty.session.resize(Size(width: 100, height: 30))
        #expect(pty.session.size == Size(width: 100, height: 30))
        pty.session.type("stty size; tput cols\n")
        #expect(pty.waitForRow { $0 == "30 100" }, "\(pty.screenDump)")
        #expect(pty.waitForRow { $0 == "100" }, "\(pty.screenDump)")
        pty.session.close()
    }

    @Test func ctrlCInterruptsTheForegroundJob() throws {
        let pty = try PtyHarness.bash()
        pty.session.type("sh -c 'echo started; exec sleep 100'\n")
        #expect(pty.waitForRow { $0 == "started" }, "\(pty.screenDump)")
        pty.session.send(.ctrl("c"))
        pty.session.type("echo \"status-$?\"\n")
        #expect(pty.waitForRow { $0 == "status-130" }, "\(pty.screenDump)")
        pty.session.close()
    }

    @Test func exitStatusIsReported() throws {
        let pty = try PtyHarness.bash()
        pty.session.type("exit 3\n")
        #expect(pty.waitForExit(), "\(pty.screenDump)")
        #expect(pty.session.exitStatus == .exited(3))
    }

    @Test func inputAfterTheChildEndedIsDropped() throws {
        let pty = try PtyHarness.script("exit 0")
        #expect(pty.waitForExit())
        pty.session.paste(String(repeating: "x", count: 100_000))
        #expect(!pty.session.process.hasPendingOutput)
        #expect(pty.session.pollEvents == 0)
    }

    @Test func aChildThatStopsReadingDoesNotBlockWrites() throws {
        let pty = try PtyHarness.script("stty -echo; echo ready; sleep 1000")
        #expect(pty.waitFor("ready"))
        pty.session.paste(String(repeating: "y", count: 1 << 20))
        #expect(pty.session.process.hasPendingOutput)
        #expect(pty.session.pollEvents & Int16(POLLOUT) != 0)
        pty.session.close(grace: .milliseconds(100))
        #expect(!pty.session.process.hasPendingOutput)
    }

    @Test func deathBySignalIsReported() throws {
        let pty = try PtyHarness.script("kill -TERM $$")
        #expect(pty.waitForExit())
        #expect(pty.session.exitStatus == .signaled(SIGTERM))
        #expect(pty.session.exitStatus?.code == 128 + SIGTERM)
    }

    @Test func closeKillsBackgroundJobsToo() throws {
        let pty = try PtyHarness.bash()
        pty.session.type("sleep 1000 & echo \"bg-pid=$!\"\n")
        #expect(pty.waitForRow { $0.hasPrefix("bg-pid=") }, "\(pty.screenDump)")
        let line = try #require(pty.rows.first { $0.hasPrefix("bg-pid=") })
        let pid = try #require(Int32(line.dropFirst("bg-pid=".count)))
        let shell = pty.session.process.pid
        #expect(ProcessControlTests.isAlive(pid))
        pty.session.close()
        #expect(pty.session.exitStatus != nil)
        let clock = ContinuousClock()
        let end = clock.now + .seconds(10)
        while clock.now < end, ProcessControlTests.isAlive(pid) { _ = poll(nil, 0, 10) }
        #expect(!ProcessControlTests.isAlive(pid))
        #expect(!ProcessControlTests.isAlive(shell))
    }

    @Test func closeIsIdempotentAndReapsAStubbornChild() throws {
        let pty = try PtyHarness.script("trap '' HUP; echo ready; while :; do sleep 1; done")
        #expect(pty.waitFor("ready"))
        pty.session.close(grace: .milliseconds(100))
        #expect(pty.session.exitStatus == .signaled(SIGKILL))
        pty.session.close()
        #expect(pty.session.fd == -1)
    }

    /// A process exists and is not a zombie.
    static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = SessionSignaller.stat(pid) else { return false }
        return stat.state != "Z"
    }

    @Test func pasteIsBracketedOnlyWhenTheChildAskedForIt() throws {
        let plain = try PtyHarness.script("stty -echo; head -n 1 | od -c | head -n 2")
        plain.session.paste("hi there\n")
        #expect(plain.waitForExit(), "\(plain.screenDump)")
        let plainText = plain.rows.joined(separator: "\n")
        #expect(plainText.contains("h   i       t   h   e   r   e  \\n"), "\(plain.screenDump)")
        #expect(!plainText.contains("033"))

        let bracketed = try PtyHarness.script(#"stty -echo -icanon min 1; printf '\033[?2004h'; echo ready; head -c 15 | od -c | head -n 2"#)
        #expect(bracketed.waitFor("ready"))
        bracketed.session.paste("hi\n")
        #expect(bracketed.waitForExit(), "\(bracketed.screenDump)")
        let text = bracketed.rows.joined(separator: "\n")
        #expect(text.contains("033   [   2   0   0   ~   h   i  \\n 033   [   2   0   1   ~"), "\(bracketed.screenDump)")
    }

    @Test func missingProgramOrDirectoryIsAClearError() {
        #expect(throws: PtyError.executableNotFound("/no/such/program")) {
            try TerminalSession(command: PtyCommand(executable: "/no/such/program"), size: Size(width: 10, height: 5))
        }
        #expect(throws: PtyError.workingDirectoryMissing("/no/such/dir")) {
            try TerminalSession(command: PtyCommand(executable: "/bin/sh", workingDirectory: "/no/such/dir"),
                                size: Size(width: 10, height: 5))
        }
    }

    @Test func environmentAdvertisesTheEmulator() throws {
        let pty = try PtyHarness(.script("echo \"$TERM $COLORTERM ${LINES-none}\"", environment: ["LINES": "99", "PATH": "/usr/bin:/bin"]))
        #expect(pty.waitForExit())
        #expect(pty.rows.first == "xterm-256color truecolor none")
    }
}
