import Foundation
import Testing
import TestSupport

/// The ncurses backend on a real terminal: `callisto-termtest` inside a private tmux server.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct CursesBackendTmuxTests {
    static var program: String { ProjectPaths.binDir.appendingPathComponent("callisto-termtest").path }

    func start(width: Int = 60, height: Int = 12, term: String = "tmux-256color",
               environment: [String: String] = [:]) throws -> TmuxSession {
        let session = try TmuxSession(command: "exec \(Self.program)", width: width, height: height, term: term,
                                      environment: environment)
        try session.waitFor("the first frame") { $0.contains("termtest \(width)x\(height)") && $0.contains("┘") }
        return session
    }

    /// Runs the program under a shell that reports its exit status and stays, so the terminal state
    /// after the program can be inspected.
    func startInShell() throws -> (TmuxSession, pid: Int32) {
        let session = try TmuxSession(command: "\(Self.program); echo termtest-exit=$?; sleep 600", width: 60, height: 12)
        let screen = try session.waitFor("the first frame") { $0.contains("termtest 60x12") && $0.contains("┘") }
        var pid = screen.firstMatch(of: /pid=(\d+)\s/).flatMap { Int32($0.1) } ?? -1
        let command = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
        if !command.contains("callisto-termtest") { pid = -1 }
        return (session, pid)
    }

    /// Alternate screen left, cursor visible, mouse reporting off.
    func isRestored(_ session: TmuxSession) throws -> Bool {
        try session.display("#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{mouse_sgr_flag}") == "0 1 0 0"
    }

    @Test func drawsWideCharactersColoursAndBox() throws {
        let session = try start()
        defer { session.close() }
        let plain = try session.capture()
        let rows = plain.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows[1].hasPrefix("日本語 😀 é orange"))
        #expect(rows[2].hasPrefix("┌─events pid=") && rows[2].hasSuffix("┐"))
        #expect(rows[11].hasPrefix("└") && rows[11].hasSuffix("┘"))
        #expect(rows[2].count == 60 && rows[1].count == "日本語 😀 é orange".count)
        let styled = try session.capture(escapes: true)
        #expect(styled.contains("\u{1b}[38;5;196m\u{1b}[48;5;21m日本語"))
        #expect(styled.contains("\u{1b}[4mé"))
        #expect(styled.contains("\u{1b}[38;5;208m"), "true colour degraded to the nearest of 256")
        #expect(try session.display("#{alternate_on} #{cursor_flag} #{mouse_sgr_flag}") == "1 0 1")
    }

    @Test(arguments: [("vt100", [String: String]()), ("tmux-256color", ["NO_COLOR": "1"]), ("screen", [:])])
    func colourDepthFollowsTheTerminal(_ term: String, _ environment: [String: String]) throws {
        let session = try start(term: term, environment: environment)
        defer { session.close() }
        let styled = try session.capture(escapes: true)
        if term == "screen" {
            #expect(try session.capture().contains("depth=ansi8"))
            #expect(styled.contains("\u{1b}[31m\u{1b}[44m日本語") || styled.contains("\u{1b}[44m\u{1b}[31m日本語"), "\(styled.debugDescription)")
        } else {
            #expect(try session.capture().contains("depth=monochrome"))
            let colour = try Regex(#"\x1b\[(3|4)[0-7](;|m)|38;5|48;5|38;2"#)
            #expect(!styled.contains(colour), "no colour escapes on a monochrome terminal")
            #expect(styled.contains("\u{1b}[4mé"), "attributes still shown")
        }
    }

    @Test(arguments: ["truecolor", "24bit"])
    func trueColourWithoutDirectColourInTerminfo(_ colorterm: String) throws {
        // xterm-256color has no direct colour in terminfo: the RGB colours come from the overlay.
        let session = try start(term: "xterm-256color", environment: ["COLORTERM": colorterm])
        defer { session.close() }
        #expect(try session.capture().contains("depth=trueColor"))
        let styled = try session.waitFor(escapes: true, "the RGB cells") { $0.contains("38;2;") }
        #expect(styled.contains("\u{1b}[38;2;255;135;0m\u{1b}[49m orange") || styled.contains("\u{1b}[38;2;255;135;0m orange"),
                "the exact 24-bit colour: \(styled.debugDescription)")
        #expect(styled.contains("\u{1b}[38;5;196m\u{1b}[48;5;21m日本語"), "256-colour cells as before")
        #expect(styled.contains("\u{1b}[4mé"))
        let rows = try session.capture().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows[1].hasPrefix("日本語 😀 é orange"), "text in place after the overlay")
        // A resize repaints; the RGB cells are written again.
        try session.resize(width: 50, height: 10)
        try session.waitFor(escapes: true, "the smaller frame with its RGB cells") {
            $0.contains("termtest 50x10") && $0.contains("38;2;255;135;0m")
        }
    }

    @Test func decodesKeysPasteMouseAndFocus() throws {
        let session = try start(height: 24)
        defer { session.close() }
        try session.sendKeys("C-Up", "C-Enter", "S-Enter", "M-x", "F5", "BTab", "a", "日", "C-e")
        try session.waitFor("keys") { $0.contains("key <C-e>") }
        try session.sendKeys("Escape")
        try session.waitFor("a lone Escape after the timeout") { $0.contains("key <Esc>") }
        try session.paste("line one\nline two \u{1b}[A")
        try session.waitFor("the paste") { $0.contains("paste") }
        try session.sendLiteral("\u{1b}[<0;5;3M\u{1b}[<64;2;2M\u{1b}[I")
        let screen = try session.waitFor("mouse and focus") { $0.contains("focus in") }
        let expected = ["key <C-Up>", "key <C-Enter>", "key <S-Enter>", "key <A-x>", "key <F5>", "key <S-Tab>", "key a",
                        "key 日", "key <C-e>", "key <Esc>", #"paste "line one\nline two \u{1B}[A""#,
                        "mouse press(TermCore.MouseButton.left) 4,2", "mouse scrollUp 1,1", "focus in"]
        let logged = screen.split(separator: "\n").compactMap { row -> String? in
            guard row.hasPrefix("│"), !row.hasPrefix("│ ") else { return nil }
            return row.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
        }
        #expect(logged == expected)
    }

    /// Whether the frame's box fills exactly `width`×`height`.
    static func boxFills(_ screen: String, width: Int, height: Int) -> Bool {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard rows.count >= height else { return false }
        return rows[2].hasPrefix("┌") && rows[2].hasSuffix("┐") && rows[2].count == width
            && rows[height - 1].hasPrefix("└") && rows[height - 1].hasSuffix("┘") && rows[height - 1].count == width
    }

    @Test func resizeRelaysOut() throws {
        let session = try start()
        defer { session.close() }
        try session.resize(width: 72, height: 16)
        let screen = try session.waitFor("the resized frame") { $0.contains("termtest 72x16") && Self.boxFills($0, width: 72, height: 16) }
        #expect(screen.contains("resize 72x16"))
        try session.resize(width: 40, height: 8)
        try session.waitFor("the smaller frame") { $0.contains("termtest 40x8") && Self.boxFills($0, width: 40, height: 8) }
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
    func terminationSignalsRestoreTheTerminal(_ signal: Int32) throws {
        let (session, pid) = try startInShell()
        defer { session.close() }
        #expect(try session.display("#{alternate_on} #{mouse_any_flag}") == "1 1")
        try #require(pid > 0)
        kill(pid, signal)
        let screen = try session.waitFor("the exit status") { $0.contains("termtest-exit=") }
        #expect(screen.contains("termtest: signal \(signal)") && screen.contains("termtest-exit=\(128 + signal)"))
        #expect(try isRestored(session))
    }

    @Test func crashRestoresTheTerminal() throws {
        let (session, _) = try startInShell()
        defer { session.close() }
        try session.sendKeys("F12")
        let screen = try session.waitFor("the exit status") { $0.contains("termtest-exit=") }
        let status = screen.firstMatch(of: /termtest-exit=(\d+)/).flatMap { Int($0.1) } ?? 0
        #expect([128 + Int(SIGILL), 128 + Int(SIGTRAP)].contains(status), "killed by the trap signal, not exited")
        #expect(try isRestored(session))
    }

    @Test func suspendAndResumeInAShell() throws {
        let session = try TmuxSession(command: "exec bash --norc --noprofile -i", width: 60, height: 12,
                                      environment: ["PS1": "$ "])
        defer { session.close() }
        try session.waitFor("the prompt") { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        try session.sendLiteral(Self.program)
        try session.sendKeys("Enter")
        try session.waitFor("the first frame") { $0.contains("termtest 60x12 resumes=0") }
        try session.sendKeys("C-z")
        try session.waitFor("the job to stop") { $0.contains("Stopped") }
        #expect(try session.display("#{alternate_on} #{cursor_flag} #{mouse_any_flag}") == "0 1 0")
        try session.sendLiteral("fg")
        try session.sendKeys("Enter")
        let resumed = try session.waitFor("the redrawn frame") { $0.contains("termtest 60x12 resumes=1") }
        #expect(resumed.contains("日本語 😀 é orange") && resumed.contains("┌─events pid="))
        #expect(try session.display("#{alternate_on} #{mouse_any_flag}") == "1 1")
        try session.sendKeys("C-q")
        try session.waitFor("the shell after quitting") { $0.contains("termtest: quit") }
        #expect(try session.display("#{alternate_on} #{cursor_flag} #{mouse_any_flag}") == "0 1 0")
    }
}
