import Foundation
import Glibc
import Testing
import TestSupport

/// Workspaces that come back, through the real binary in tmux: a restart after quitting, a restart
/// after SIGHUP, `--no-restore`, named workspaces and a document gone missing. Each test has its
/// own project folder and state folder.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"), .serialized)
struct WorkspaceRestoreTmuxTests {
    /// A working folder with a notebook, a text file and a subfolder.
    struct Project {
        let home: TmuxHome
        var root: URL { home.root }
        var dir: String { home.dir }
        var state: String { home.state }

        init() throws {
            home = try TmuxHome("callisto-ws-restore")
            try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
            try (1...80).map { "note line \($0)" }.joined(separator: "\n").write(toFile: dir + "/notes.txt", atomically: true, encoding: .utf8)
            try Self.notebook.write(toFile: dir + "/demo.ipynb", atomically: true, encoding: .utf8)
        }

        func start(_ args: String = "") throws -> TmuxSession { try home.start(args) }

        /// The saved workspace files.
        func savedFiles() -> [String] {
            let folder = state + "/callisto/workspaces"
            return (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".json") }
        }

        static let notebook = """
        {"cells": [
         {"cell_type": "markdown", "id": "m1", "metadata": {}, "source": ["# First heading"]},
         {"cell_type": "code", "execution_count": null, "id": "c1", "metadata": {}, "outputs": [], "source": ["alpha = 1"]},
         {"cell_type": "code", "execution_count": null, "id": "c2", "metadata": {}, "outputs": [], "source": ["beta = 2"]},
         {"cell_type": "code", "execution_count": null, "id": "c3", "metadata": {}, "outputs": [], "source": ["gamma = 3"]}
        ],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
        "nbformat": 4, "nbformat_minor": 5}
        """
    }

    let e2e = WorkspaceTmuxTests()

    func quit(_ session: TmuxSession) throws {
        try session.sendKeys("C-q")
        #expect(try e2e.waitForExit(session) == 0)
    }

    /// Rows of the screen.
    func rows(_ screen: String) -> [Substring] { screen.split(separator: "\n", omittingEmptySubsequences: false) }

    @Test func aNamedWorkspaceComesBackWithSplitsTabsAndTheActiveCell() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let first = try project.start("--workspace paper demo.ipynb notes.txt")
        defer { first.close() }
        try first.waitFor("the notebook") { $0.contains("First heading") && $0.contains("Cell 1/4") }
        try first.sendKeys("C-PageDown")
        try first.waitFor("the notes") { $0.contains("note line 1") && $0.contains(" EDIT ") }
        try first.sendKeys("C-w", "v")
        try first.waitFor("two panes") { $0.components(separatedBy: "notes.txt").count >= 3 }
        try first.sendKeys("C-w", "h", "C-PageUp")
        try first.waitFor("the notebook on the left") { $0.contains("First heading") && $0.contains("note line 1") }
        try first.sendKeys("j", "j")
        try first.waitFor("the third cell active") { $0.contains("Cell 3/4") }
        let before = try first.capture()
        try quit(first)
        #expect(project.savedFiles() == ["named/paper.json"])

        let second = try project.start("--workspace paper")
        defer { second.close() }
        let after = try second.waitFor("the same workspace") { $0.contains("note line 1") && $0.contains("Cell 3/4") }
        #expect(rows(after)[0] == rows(before)[0], "same tab bars:\n\(after)")
        #expect(after == before, "the same screen")
        try quit(second)
    }

    @Test func aPlainStartRestoresTheDirectorysWorkspaceWithATerminalWhereItWas() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let first = try project.start()
        defer { first.close() }
        try first.waitFor("the welcome tab") { $0.contains("Welcome") }
        try first.sendKeys("C-w", "s")
        try first.waitFor("a split") { $0.components(separatedBy: "Welcome").count >= 3 }
        try first.sendKeys("C-w", "t")
        try first.waitFor("a terminal") { $0.contains(" TERM ") && TerminalPaneTmuxTests.showsPrompt($0) }
        try first.sendLiteral("cd sub")
        try first.sendKeys("Enter")
        try first.sendLiteral("echo in-$(basename $PWD)")
        try first.sendKeys("Enter")
        try first.waitFor("the shell in sub") { $0.contains("in-sub") }
        try first.sendKeys("C-\\")
        try first.waitFor("out of the terminal") { $0.contains(" SCROLL ") }
        try quit(first)
        #expect(project.savedFiles().count == 1)
        #expect(project.savedFiles().first?.hasPrefix("by-directory/work-") == true)

        let second = try project.start()
        defer { second.close() }
        try second.waitFor("a fresh shell") { $0.contains(" TERM ") && TerminalPaneTmuxTests.showsPrompt($0) && !$0.contains("in-sub") }
        try second.sendLiteral("echo now-in-$(basename $PWD)")
        try second.sendKeys("Enter")
        try second.waitFor("in sub again") { $0.contains("now-in-sub") }
        let screen = try second.capture()
        #expect(screen.contains("Welcome"), "the upper pane is back too")
        #expect(screen.contains("────"), "split below")
        try second.sendKeys("C-\\")
        try quit(second)
    }

    @Test func afterSIGHUPTheSameLayoutComesBack() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let first = try project.start("--workspace hup demo.ipynb")
        defer { first.close() }
        try first.waitFor("the notebook") { $0.contains("First heading") }
        try first.sendKeys("j", "j", "j")
        try first.waitFor("the fourth cell") { $0.contains("Cell 4/4") }
        try first.sendKeys("C-w", "v", "C-w", "s")
        try first.waitFor("three panes") { $0.components(separatedBy: "demo.ipynb").count >= 4 && $0.contains("────") }
        let before = try first.capture()
        let pid = try e2e.callistoPID(first)
        #expect(pid > 0)
        #expect(kill(pid, SIGHUP) == 0)
        #expect(try e2e.waitForExit(first) == Int(128 + SIGHUP))

        let second = try project.start("--workspace hup")
        defer { second.close() }
        let after = try second.waitFor("the same layout") { $0.components(separatedBy: "demo.ipynb").count >= 4 && $0.contains("Cell 4/4") }
        let top = { (s: String) in self.rows(s).prefix(3).map { String($0) } }
        #expect(top(after) == top(before), "same panes and tab bars:\n\(after)")
        try quit(second)
    }

    @Test func noRestoreStartsFreshAndLeavesTheSavedWorkspace() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let first = try project.start()
        defer { first.close() }
        try first.waitFor("the welcome tab") { $0.contains("Welcome") }
        try first.sendKeys("C-w", "v")
        try first.waitFor("two panes") { $0.components(separatedBy: "Welcome").count >= 3 }
        try quit(first)

        let fresh = try project.start("--no-restore")
        defer { fresh.close() }
        let screen = try fresh.waitFor("a single welcome tab") { $0.contains("Welcome") && $0.contains("WELCOME") }
        #expect(screen.components(separatedBy: "Welcome │").count == 2, "one pane:\n\(screen)")
        try quit(fresh)

        let again = try project.start()
        defer { again.close() }
        try again.waitFor("the saved two panes") { $0.components(separatedBy: "Welcome │").count == 3 }
        try quit(again)
    }

    @Test func aMissingDocumentIsReportedInTheStatusBar() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let first = try project.start("--workspace gone notes.txt demo.ipynb")
        defer { first.close() }
        try first.waitFor("the notes") { $0.contains("note line 1") }
        try quit(first)
        try FileManager.default.removeItem(atPath: project.dir + "/notes.txt")

        let second = try project.start("--workspace gone")
        defer { second.close() }
        let screen = try second.waitFor("the message") { $0.contains("not found") }
        #expect(screen.contains("notes.txt"))
        #expect(screen.contains("First heading"), "the notebook is back")
        #expect(try second.display("#{pane_dead}") == "0")
        try quit(second)
    }

    @Test func aDamagedWorkspaceFileGivesAMessageAndAFreshStart() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let named = project.state + "/callisto/workspaces/named"
        try FileManager.default.createDirectory(atPath: named, withIntermediateDirectories: true)
        try "{\"version\": 1, \"layout\": ".write(toFile: named + "/broken.json", atomically: true, encoding: .utf8)
        let session = try project.start("--workspace broken")
        defer { session.close() }
        let screen = try session.waitFor("the message") { $0.contains("damaged") }
        #expect(screen.contains("Welcome"))
        try quit(session)
        #expect(FileManager.default.fileExists(atPath: named + "/broken.json.corrupt"))
    }

    @Test func aBadWorkspaceNameIsAUsageError() throws {
        let result = try ProcessRunner.callisto(["--workspace", "../x", "--summary"])
        #expect(result.status != 0)
        #expect(result.stderrText.contains("workspace name"))
    }
}
