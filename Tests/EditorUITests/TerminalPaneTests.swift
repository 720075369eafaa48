import EditorCore
@testable import EditorUI
import Foundation
import TermCore
import TerminalEmulator
import Testing
import TestSupport

/// Terminal panes in the headless app with a real `/bin/sh` on a real pty: output reaches the
/// screen, keys reach the shell, the escape key leaves, copy mode copies, exit and close end the
/// child. Each wait polls the pty with a deadline; nothing depends on a fixed sleep.
@Suite("Terminal pane", .serialized)
struct TerminalPaneTests {
    static let config = Pilot.standardConfig + "\n[terminal]\nshell = \"/bin/sh\""

    /// A pilot with one terminal tab open in a temporary directory.
    static func start(width: Int = 80, height: Int = 24) throws -> (Pilot, TerminalPane, URL) {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-term")
        let pilot = Pilot(width: width, height: height, paths: nil, config: config)
        let pane = try #require(pilot.app.openTerminal(in: dir.path))
        pilot.settle()
        // Typing before the first prompt would mix the prompt into the output lines.
        wait(pilot, pane, "first prompt") { pane.session.visibleText.contains { !$0.isEmpty } }
        return (pilot, pane, dir)
    }

    /// Pumps the pty and runs the app until `condition` holds or 15 s pass.
    @discardableResult
    static func wait(_ pilot: Pilot, _ pane: TerminalPane, _ what: String, until condition: () -> Bool) -> Bool {
        let deadline = ContinuousClock.now.advanced(by: .seconds(15))
        while ContinuousClock.now < deadline {
            if condition() { return true }
            if pane.wantsRead {
                var pfd = pollfd(fd: pane.session.fd, events: Int16(POLLIN), revents: 0)
                _ = poll(&pfd, 1, 50)
                pane.pump()
            } else {
                usleep(10_000)
            }
            pane.reap()
            _ = pilot.app.serviceTerminals()
            pilot.advance(.milliseconds(20))
        }
        Issue.record("timed out waiting for \(what); screen:\n\(pilot.screenText)")
        return false
    }

    @Test func echoReachesTheScreenAndTheTabHasATitle() throws {
        let (pilot, pane, dir) = try Self.start()
        defer { pane.shutDown() }
        pilot.type("echo hello-''callisto; pwd\n")
        Self.wait(pilot, pane, "echo output") { pilot.contains("hello-callisto") }
        Self.wait(pilot, pane, "pwd") { pilot.rows.contains { $0.hasPrefix(dir.path) || $0.contains(dir.resolvingSymlinksInPath().path) } }
        #expect(pilot.app.keyContext == .terminal)
        #expect(pilot.rows.first?.contains("Terminal") == true)
        #expect(pilot.app.statusModel.position.contains("<C-\\>"))
        pilot.type("printf '\\033]2;my-title\\007'\r")
        Self.wait(pilot, pane, "title") { pilot.rows.first?.contains("my-title") == true }
    }

    @Test func coloursArePassedThrough() throws {
        let (pilot, pane, _) = try Self.start()
        defer { pane.shutDown() }
        pilot.type("printf 'A\\033[31mRED\\033[0mB\\n'\r")
        let found = { pilot.rows.firstIndex { $0.contains("AREDB") && !$0.contains("printf") } }
        Self.wait(pilot, pane, "coloured output") { found() != nil }
        let y = try #require(found())
        let x = try #require(pilot.rows[y].range(of: "AREDB")).lowerBound.utf16Offset(in: pilot.rows[y])
        let red = pilot.backend.screen[x + 1, y].style.foreground
        let plain = pilot.backend.screen[x, y].style.foreground
        #expect(red != plain)
        var isRed = false
        if case .indexed(1)? = red { isRed = true }
        if case let .rgb(r, g, _)? = red, r > 100, g < 100 { isRed = true }
        #expect(isRed, "\(String(describing: red))")
    }

    @Test func escapeKeyLeavesAndEnterReturns() throws {
        let (pilot, pane, _) = try Self.start()
        defer { pane.shutDown() }
        pilot.press("<C-\\>")
        #expect(pilot.app.keyContext == .terminalNormal)
        #expect(pilot.app.statusModel.mode == "SCROLL")
        pilot.press("i")
        #expect(pilot.app.keyContext == .terminal)
        // A key bound in the global context goes to the shell while typing.
        pilot.type("echo ok-\r")
        Self.wait(pilot, pane, "typed text") { pilot.contains("ok-") }
    }

    @Test func copyModeCopiesALine() throws {
        let (pilot, pane, _) = try Self.start()
        defer { pane.shutDown() }
        pilot.type("echo copy-''me-please\r")
        Self.wait(pilot, pane, "output") { pilot.contains("copy-me-please") }
        Self.wait(pilot, pane, "prompt") { pane.session.visibleText.filter { !$0.isEmpty }.count >= 3 }
        pilot.press("<C-\\>")
        let line = try #require(pane.session.visibleText.lastIndex { $0 == "copy-me-please" })
        let cursorRow = pane.session.copyMode!.cursor.line - pane.session.viewTopLine
        for _ in 0..<(cursorRow - line) { pilot.press("k") }
        pilot.press("0")
        pilot.press("v")
        pilot.press("$")
        pilot.press("y")
        let copied = pilot.app.serviceTerminals()
        #expect(copied == ["copy-me-please"])
        #expect(pilot.app.keyContext == .terminal)
    }

    @Test func resizeReachesTheChild() throws {
        let (pilot, pane, _) = try Self.start(width: 80, height: 24)
        defer { pane.shutDown() }
        pilot.resize(70, 20)
        let body = pilot.app.bodyArea(pilot.app.workspace.focused)
        pilot.type("stty size\r")
        Self.wait(pilot, pane, "stty size") { pilot.rows.contains { $0.hasPrefix("\(body.height) \(body.width)") } }
        #expect(pane.session.size == Size(width: body.width, height: body.height))
    }

    @Test func floodIsReadInBoundedSlices() throws {
        let (pilot, pane, _) = try Self.start()
        defer { pane.shutDown() }
        pilot.type("yes | head -n 200000; echo flood-''done\r")
        var largest = 0
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while !pilot.contains("flood-done"), ContinuousClock.now < deadline {
            var pfd = pollfd(fd: pane.session.fd, events: Int16(POLLIN), revents: 0)
            _ = poll(&pfd, 1, 50)
            largest = max(largest, pane.pump())
            _ = pilot.app.serviceTerminals()
            pilot.advance(.milliseconds(20))
        }
        #expect(pilot.contains("flood-done"))
        #expect(largest <= pane.session.readBudget)
        // The app still answers keys after the flood.
        pilot.press("<C-\\>")
        #expect(pilot.app.keyContext == .terminalNormal)
        #expect(pane.session.screen.scrollback.count > 100)
    }

    @Test func exitShowsTheStatusAndAKeyClosesTheTab() throws {
        let (pilot, pane, _) = try Self.start()
        pilot.type("exit 3\r")
        Self.wait(pilot, pane, "exit") { if case .ended(.exited(3)) = pane.state { return true } else { return false } }
        Self.wait(pilot, pane, "exit notice") { pilot.contains("exited with status 3") }
        pilot.press("x")
        _ = pilot.app.serviceTerminals()
        pilot.settle()
        #expect(pilot.app.terminalPanes.isEmpty)
    }

    @Test func closingTheTabHangsUpEveryProcess() throws {
        let (pilot, pane, dir) = try Self.start()
        let pidFile = dir.appendingPathComponent("pids").path
        pilot.type("sleep 1000 & echo $! $$ > \(pidFile)\r")
        Self.wait(pilot, pane, "pid file") { (try? String(contentsOfFile: pidFile, encoding: .utf8))?.split(separator: " ").count == 2 }
        let pids = try String(contentsOfFile: pidFile, encoding: .utf8).split(whereSeparator: \.isWhitespace).compactMap { Int32($0) }
        #expect(pids.count == 2)
        pilot.app.run("application:close")
        _ = pilot.app.serviceTerminals()
        #expect(pane.isShutDown)
        let deadline = ContinuousClock.now.advanced(by: .seconds(10))
        func alive(_ pid: Int32) -> Bool {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
            let state = stat.split(separator: ")").last?.split(separator: " ").first
            return state != "Z" && state != "X"
        }
        while pids.contains(where: alive), ContinuousClock.now < deadline { usleep(20_000) }
        for pid in pids { #expect(!alive(pid), "process \(pid) survived the tab") }
    }
}
