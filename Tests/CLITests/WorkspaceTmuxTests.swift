import Foundation
import Glibc
import Testing
import TestSupport

/// The real `callisto` binary in a private tmux server: the workspace end to end.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct WorkspaceTmuxTests {
    static var callisto: String { ProjectPaths.callisto.path }
    /// Settings the tests rely on: no user configuration, side panel hidden.
    static let configHome: URL = {
        let dir = try! ProjectPaths.makeTemporaryDirectory("callisto-ws-e2e")
        let config = dir.appendingPathComponent("callisto")
        try! FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try! "[ui]\nside-panel = false\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        try! (1...80).map { "note line \($0)" }.joined(separator: "\n").write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        return dir
    }()
    static var notes: String { configHome.appendingPathComponent("notes.txt").path }

    func start(_ args: String = notes, width: Int = 100, height: Int = 30, environment: [String: String] = [:],
               shell: Bool = false) throws -> TmuxSession {
        let env = ["XDG_CONFIG_HOME": Self.configHome.path].merging(environment) { $1 }
        // The shell stays after callisto exits and prints its status, so the terminal state left
        // behind can be inspected (tmux resets a dead pane's modes).
        let command = shell ? "bash --norc --noprofile -i" : "\(Self.callisto) \(args); echo callisto-exit=$?; sleep 600"
        let session = try TmuxSession(command: command, width: width, height: height, environment: env)
        if !shell { try waitForWorkspace(session) }
        return session
    }

    func waitForWorkspace(_ session: TmuxSession, _ text: String = "note line 1") throws {
        try session.waitFor("the workspace") { $0.contains(text) && ($0.contains(" EDIT ") || $0.contains("Command palette")) }
    }

    /// The pid of callisto under the pane's shell.
    func callistoPID(_ session: TmuxSession) throws -> Int32 {
        let shell = try session.panePID()
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        for pid in children.split(separator: " ").compactMap({ Int32($0) }) {
            let cmdline = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
            if cmdline.contains("callisto") { return pid }
        }
        return -1
    }

    /// Waits until callisto has exited; returns its exit status.
    func waitForExit(_ session: TmuxSession) throws -> Int? {
        let screen = try session.waitFor("callisto to exit") { $0.contains("callisto-exit=") }
        return screen.firstMatch(of: /callisto-exit=(\d+)/).flatMap { Int($0.1) }
    }

    /// Alternate screen left, cursor visible, mouse reports off.
    func isRestored(_ session: TmuxSession) throws -> Bool {
        try session.display("#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{mouse_sgr_flag}") == "0 1 0 0"
    }

    @Test func startsOnTheAlternateScreenAndQuitsRestoringTheTerminal() throws {
        let session = try start()
        defer { session.close() }
        #expect(try session.display("#{alternate_on} #{mouse_sgr_flag}") == "1 1")
        let screen = try session.capture()
        #expect(screen.hasPrefix(" notes.txt │"))
        #expect(screen.contains("\nnote line 2"))
        try session.sendKeys("C-q")
        #expect(try waitForExit(session) == 0)
        #expect(try isRestored(session))
    }

    @Test func splitsFocusAndClose() throws {
        let session = try start()
        defer { session.close() }
        try session.sendKeys("C-w", "v")
        try session.waitFor("two panes") { $0.components(separatedBy: "notes.txt │").count == 3 }
        try session.sendKeys("C-w", "s")
        try session.waitFor("a third pane below") { $0.contains("├────") || $0.contains("─────┤") }
        try session.sendKeys("C-w", "q", "C-w", "q")
        try session.waitFor("one pane again") { $0.hasPrefix(" notes.txt │ notes.txt │ notes.txt │") && !$0.contains("────") }
        let rows = try session.capture().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows[0].hasPrefix(" notes.txt │ notes.txt │ notes.txt │"), "the closed panes' tabs moved over")
    }

    @Test func thePaletteFiltersAndRunsACommand() throws {
        let session = try start()
        defer { session.close() }
        try session.sendKeys("C-Space")
        try session.waitFor("the palette") { $0.contains("Commands") && $0.contains("> ") }
        try session.sendLiteral("split down")
        try session.waitFor("the filter") { $0.contains("> split down") }
        try session.sendKeys("Enter")
        try session.waitFor("a split below") { !$0.contains("Commands") && $0.contains("────────") }
    }

    @Test func resizeRedrawsAndATinyTerminalGetsANotice() throws {
        let session = try start(width: 100, height: 30)
        defer { session.close() }
        try session.resize(width: 50, height: 15)
        try session.waitFor("the narrow layout") { s in
            let rows = s.split(separator: "\n", omittingEmptySubsequences: false)
            return rows.count >= 15 && rows[14].contains(" EDIT ") && rows[14].contains("Ln 1/80")
        }
        try session.resize(width: 20, height: 6)
        try session.waitFor("the notice") { $0.contains("Terminal too small") }
        try session.resize(width: 90, height: 25)
        try session.waitFor("the workspace again") { $0.contains("note line 1") && $0.contains("note line 23") && $0.contains("Ln 1/80") }
    }

    @Test func pasteIsTextNotKeys() throws {
        let session = try start()
        defer { session.close() }
        // Ctrl+Q inside a paste must not quit: the text tab takes it as text (a control picture).
        try session.paste("abc\u{11}def")
        try session.waitFor("the pasted text") { $0.contains("abc␑defnote line 1") }
        #expect(try session.display("#{pane_dead}") == "0")
        try session.sendKeys("F1")
        try session.waitFor("the palette") { $0.contains("Commands") }
        try session.paste("split right")
        try session.waitFor("pasted into the filter") { $0.contains("> split right") }
        try session.sendKeys("Enter")
        try session.waitFor("two panes") { $0.components(separatedBy: "notes.txt ● │").count == 3 }
    }

    @Test func ctrlZSuspendsToTheShellAndFgResumes() throws {
        let session = try start(shell: true)
        defer { session.close() }
        try session.waitFor("the shell") { $0.contains("$") || $0.contains("#") }
        // No file: in a text tab Ctrl+Z is undo; on the welcome tab it suspends.
        try session.sendLiteral("\(Self.callisto) --no-restore")
        try session.sendKeys("Enter")
        try waitForWorkspace(session, "Callisto")
        try session.sendKeys("C-z")
        try session.waitFor("the shell after suspend") { $0.contains("Stopped") }
        #expect(try isRestored(session))
        try session.sendLiteral("fg")
        try session.sendKeys("Enter")
        try waitForWorkspace(session, "Callisto")
        #expect(try session.display("#{alternate_on}") == "1")
        try session.sendKeys("C-q")
        try session.waitFor("the shell after quit") { !$0.contains("Command palette") }
        #expect(try isRestored(session))
    }

    @Test(arguments: [SIGHUP, SIGTERM]) func terminationSignalsRestoreTheTerminal(_ sig: Int32) throws {
        let session = try start()
        defer { session.close() }
        let pid = try callistoPID(session)
        #expect(pid > 0)
        #expect(kill(pid, sig) == 0)
        #expect(try waitForExit(session) == Int(128 + sig))
        #expect(try isRestored(session))
    }

    @Test func monochromeMarksFocusWithReverseVideoAndNoColours() throws {
        let session = try start(environment: ["NO_COLOR": "1"])
        defer { session.close() }
        try session.sendKeys("C-w", "v")
        try session.waitFor("two panes") { $0.components(separatedBy: "notes.txt │").count == 3 }
        let styled = try session.capture(escapes: true)
        let colour = try Regex(#"\x1b\[[0-9;]*(3[0-7]|4[0-7]|38;5|48;5|38;2|48;2)[;m]"#)
        #expect(styled.firstMatch(of: colour) == nil, "no colour on a monochrome terminal")
        let firstRow = styled.split(separator: "\n")[0]
        #expect(firstRow.contains("\u{1b}[7m") || firstRow.contains(";7m"), "the focused tab in reverse video: \(firstRow.debugDescription)")
    }

    @Test func idleLoopDoesNotWakeUp() throws {
        let session = try start()
        defer { session.close() }
        let pid = try callistoPID(session)
        func cpuTicks() -> Int {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return -1 }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
        }
        func wakeups() -> Int {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return -1 }
            return status.split(separator: "\n").filter { $0.hasPrefix("voluntary_ctxt_switches") || $0.hasPrefix("nonvoluntary_ctxt_switches") }
                .compactMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }.reduce(0, +)
        }
        // Let the first frame settle, then count context switches over a quiet second: a loop that
        // polls with a timeout would switch at least every tick.
        usleep(300_000)
        let before = wakeups()
        usleep(1_000_000)
        let after = wakeups()
        #expect(before >= 0 && after - before <= 5, "context switches while idle: \(after - before)")
        #expect(cpuTicks() >= 0)
    }
}
