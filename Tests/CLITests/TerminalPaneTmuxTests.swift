import Foundation
import Glibc
import Testing
import TestSupport

/// Terminal panes end to end: the real binary in tmux runs a real `/bin/sh` on a pty inside a tab;
/// the outer tmux pane is what a user would see. Output, colours, full-screen programs, resize, the
/// escape key, floods, exit and hang-up.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"), .serialized)
struct TerminalPaneTmuxTests {
    static let width = 120, height = 30
    /// Rows of the terminal's body: the screen less the tab bar and the status bar.
    static var bodyRows: Int { height - 2 }

    /// Callisto with one terminal tab open and its first prompt shown.
    func start() throws -> (TmuxSession, TmuxHome) {
        let setup = try TmuxHome("callisto-term-e2e")
        let session = try setup.start("--no-restore", width: Self.width, height: Self.height)
        try session.waitFor("the welcome tab") { $0.contains("Welcome") }
        try session.sendKeys("C-w", "t")
        try session.waitFor("the shell's prompt") { $0.contains(" TERM ") && Self.showsPrompt($0) }
        return (session, setup)
    }

    /// Whether a line of `screen` is an empty shell prompt (`$`, or `#` for root; tmux trims the
    /// space after it).
    static func showsPrompt(_ screen: String) -> Bool {
        screen.split(separator: "\n").contains { $0 == "$" || $0 == "#" }
    }

    /// Types a command line into the shell.
    func run(_ session: TmuxSession, _ line: String) throws {
        try session.sendLiteral(line)
        try session.sendKeys("Enter")
    }

    func finish(_ session: TmuxSession, _ setup: TmuxHome) {
        session.close()
        setup.remove()
    }

    /// The first of `names` found on PATH.
    static func program(_ names: String...) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") { return name }
        }
        return nil
    }

    @Test func echoPrintsWhatTheShellComputed() throws {
        let (session, setup) = try start()
        defer { finish(session, setup) }
        try run(session, "echo hello-$((6*7)) in-$(basename $PWD)")
        try session.waitFor("the output") { $0.contains("hello-42 in-work") }
    }

    @Test func printfColoursReachTheOuterTerminal() throws {
        let (session, setup) = try start()
        defer { finish(session, setup) }
        // The words are split in the command line, so only the output has them whole.
        try run(session, #"printf '\033[31m%s\033[0m \033[1;38;5;208m%s\033[0m \033[44m%s\033[0m\n' RE''D-word OR''ANGE-word BL''UE-back"#)
        let screen = try session.waitFor(escapes: true, "coloured output") { $0.contains("RED-word") && $0.contains("UE-back") }
        func sgr(before word: String) -> String {
            guard let range = screen.range(of: word) else { return "" }
            // The SGR sequences directly in front of the word.
            let prefix = screen[..<range.lowerBound]
            let codes = prefix.matches(of: /\x1b\[([0-9;]*)m/).suffix(3).map { String($0.1) }
            return codes.joined(separator: "|")
        }
        let red = sgr(before: "RED-word"), orange = sgr(before: "ORANGE-word"), blue = sgr(before: "BLUE-back")
        #expect(red.contains("31") || red.contains("38;5;1") || red.contains("91"), "red: \(red)")
        #expect(orange.contains("38;5;208") || orange.contains("38;2;255;135;0"), "orange: \(orange)")
        #expect(orange.split(separator: "|").last?.split(separator: ";").contains("1") == true || orange.contains("|1|") || orange.hasPrefix("1"), "bold: \(orange)")
        #expect(blue.contains("44") || blue.contains("48;5;4"), "blue background: \(blue)")
    }

    @Test func vimEditsSavesAndQuits() throws {
        let vim = try #require(Self.program("vim", "vim.tiny", "vi"), "vim is installed by .ci/setup.sh")
        let (session, setup) = try start()
        defer { finish(session, setup) }
        try run(session, "\(vim) --clean note.txt")
        try session.waitFor("vim's empty buffer") { $0.contains("\n~") && $0.contains("note.txt") }
        try session.sendKeys("i")
        try session.waitFor("insert mode") { $0.contains("-- INSERT --") }
        try session.sendLiteral("written by vim")
        try session.waitFor("the typed text") { $0.contains("written by vim") }
        try session.sendKeys("Escape")
        try session.waitFor("normal mode") { !$0.contains("-- INSERT --") }
        try session.sendLiteral(":wq")
        try session.sendKeys("Enter")
        let file = setup.dir + "/note.txt"
        try session.waitUntil("the file on disk") { (try? String(contentsOfFile: file, encoding: .utf8)) == "written by vim\n" }
        try session.waitFor("vim gone, the prompt back") { !$0.contains("\n~") && Self.showsPrompt($0) }
        try run(session, "echo after-vim-$((1+1))")
        try session.waitFor("the shell takes commands") { $0.contains("after-vim-2") && !$0.contains("\n~") }
    }

    @Test func lessOpensScrollsAndQuits() throws {
        let (session, setup) = try start()
        defer { finish(session, setup) }
        try (1...300).map { "row \($0) of the file" }.joined(separator: "\n").write(toFile: setup.dir + "/rows.txt", atomically: true, encoding: .utf8)
        try run(session, "less rows.txt")
        try session.waitFor("less showing the start") { $0.contains("row 1 of the file") && $0.contains("rows.txt") }
        try session.sendKeys("Space")
        try session.waitFor("the next page") { !$0.contains("row 1 of the file") && $0.contains("row \(Self.bodyRows + 5) of the file") }
        try session.sendKeys("G")
        try session.waitFor("the end") { $0.contains("row 300 of the file") && $0.contains("(END)") }
        try session.sendKeys("q")
        try session.waitFor("the shell after less") { !$0.contains("(END)") && ($0.contains("$ less rows.txt") || $0.contains("# less rows.txt")) }
        try run(session, "echo after-less-$((2+2))")
        try session.waitFor("the shell takes commands") { $0.contains("after-less-4") }
    }

    @Test func theProgramSeesTheNewSizeAfterAResize() throws {
        let (session, setup) = try start()
        defer { finish(session, setup) }
        try run(session, "echo size=$(stty size)")
        try session.waitFor("the first size") { $0.contains("size=\(Self.bodyRows) \(Self.width)") }
        try session.resize(width: 90, height: 20)
        try session.waitFor("the narrower screen") { $0.split(separator: "\n", omittingEmptySubsequences: false).count <= 21 && $0.contains(" TERM ") }
        try run(session, "clear; echo size=$(stty size)")
        try session.waitFor("the new size") { $0.contains("size=18 90") }
    }

    @Test func theEscapeKeyReturnsToTheWorkspace() throws {
        let (session, setup) = try start()
        defer { finish(session, setup) }
        #expect(try session.capture().contains("<C-\\> leaves"), "the status bar names the escape key")
        try session.sendKeys("C-\\")
        try session.waitFor("browsing mode") { $0.contains(" SCROLL ") && $0.contains("i/Enter types") }
        try session.sendKeys("C-w", "v")
        try session.waitFor("the workspace took the keys: a split") { $0.components(separatedBy: " │").count >= 3 && $0.contains("Terminal") }
        try session.sendKeys("C-w", "h", "Enter")
        try session.waitFor("typing again") { $0.contains(" TERM ") }
        try run(session, "echo back-$((3+4))")
        try session.waitFor("keys reach the shell") { $0.contains("back-7") }
    }

    @Test func aFloodFinishesAndTheEditorStaysResponsive() throws {
        let (session, setup) = try start()
        defer { finish(session, setup) }
        try run(session, "yes | head -n 2000000; echo flood-$((5*5))-done")
        try session.waitFor(timeout: 300, "the flood to end") { $0.contains("flood-25-done") }
        try session.sendKeys("C-\\")
        try session.waitFor("a key after the flood works") { $0.contains(" SCROLL ") }
    }

    @Test func aShellThatExitsSaysSoAndClosesOnAKey() throws {
        let (session, setup) = try start()
        defer { finish(session, setup) }
        try run(session, "exit 3")
        let screen = try session.waitFor("the exit status") { $0.contains("exited with status 3") }
        #expect(screen.contains("press a key to close"))
        #expect(screen.contains("[done]"))
        try session.sendKeys("x")
        try session.waitFor("the tab closed") { !$0.contains("[done]") && !$0.contains("exited with status") }
        #expect(try session.display("#{pane_dead}") == "0", "callisto is still running")
    }

    @Test func closingTheTabHangsUpTheChildAndItsJobs() throws {
        let (session, setup) = try start()
        defer { finish(session, setup) }
        let marker = 86_400 + Int.random(in: 1...99_999)
        try run(session, "sleep \(marker + 1) & sleep \(marker)")
        try session.waitUntil("both sleeps running") { Self.processes(matching: "sleep \(marker)").count == 1 && Self.processes(matching: "sleep \(marker + 1)").count == 1 }
        try session.sendKeys("C-\\")
        try session.waitFor("browsing mode") { $0.contains(" SCROLL ") }
        try session.sendKeys("C-w", "c")
        try session.waitFor("the tab closed") { !$0.contains(" SCROLL ") && !$0.contains(" TERM ") }
        try session.waitUntil("no process left") {
            Self.processes(matching: "sleep \(marker)").isEmpty && Self.processes(matching: "sleep \(marker + 1)").isEmpty
        }
        #expect(try session.display("#{pane_dead}") == "0", "callisto is still running")
    }

    /// Live processes whose command line is exactly `command` (arguments joined by spaces).
    static func processes(matching command: String) -> [Int32] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { name -> Int32? in
            guard let pid = Int32(name),
                  let raw = FileManager.default.contents(atPath: "/proc/\(name)/cmdline"), !raw.isEmpty,
                  let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")"), stat[stat.index(after: close)...].dropFirst().first != "Z" else { return nil }
            let line = raw.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
            return line == command ? pid : nil
        }
    }
}
