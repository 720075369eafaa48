import Foundation
import NotebookFormat
import Testing
import TestSupport

/// A crash while a notebook has unsaved changes: the real binary under tmux crashes on purpose
/// (`CALLISTO_TEST_CRASH`, F12); the terminal must be given back and a recovery copy written, which
/// the next start offers and which Discard removes.
@Suite(.enabled(if: WorkspaceProbe.binaryRunsTheWorkspace), .serialized)
struct NotebookCrashTmuxTests {
    /// Runs callisto under a shell that prints its exit status and stays, so the terminal state after
    /// the crash can be read.
    func start(_ arguments: String, in dir: URL, crash: String?) throws -> TmuxSession {
        var env = ["XDG_STATE_HOME": dir.appendingPathComponent("state").path,
                   "XDG_CONFIG_HOME": dir.appendingPathComponent("config").path]
        if let crash { env["CALLISTO_TEST_CRASH"] = crash }
        return try TmuxSession(command: "cd '\(dir.path)' && '\(ProjectPaths.callisto.path)' \(arguments); echo callisto-exit=$?; sleep 600",
                               width: 100, height: 30, environment: env)
    }

    func keys(_ s: TmuxSession, _ keys: String..., mode: String = "COMMAND") throws {
        for k in keys { try s.sendKeys(k) }
        try s.waitFor("mode \(mode)") { $0.contains(mode) }
    }

    func makeNotebook(in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("work.ipynb").path
        var nb = Notebook()
        nb.cells = [nb.makeCell(.code, source: "first = 1")]
        try NotebookFile.save(nb, to: path)
        return path
    }

    @Test(arguments: ["trap", "segv", "abort"])
    func crashRestoresTheTerminalAndKeepsARecoveryCopy(_ kind: String) throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-crash")
        let path = try makeNotebook(in: dir)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let s = try start("work.ipynb", in: dir, crash: kind)
        defer { s.close() }
        try s.waitFor("notebook") { $0.contains("first = 1") }
        try keys(s, "b")
        try s.waitFor("second cell") { $0.contains("Cell 2/2") }
        try keys(s, "Enter", mode: "EDIT")
        try s.sendLiteral("crashed = 3")
        try s.waitFor("typed") { $0.contains("crashed = 3") }
        try keys(s, "Escape")
        try s.sendKeys("F12")
        let screen = try s.waitFor("exit status") { $0.contains("callisto-exit=") }
        let status = screen.firstMatch(of: /callisto-exit=(\d+)/).flatMap { Int32($0.1) } ?? 0
        let expected: [Int32] = kind == "trap" ? [SIGILL, SIGTRAP] : kind == "segv" ? [SIGSEGV] : [SIGABRT]
        #expect(expected.map { 128 + $0 }.contains(status), "killed by the signal, not exited: \(status)")
        #expect(try s.display("#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{mouse_sgr_flag}") == "0 1 0 0",
                "terminal restored")

        let recoveryDir = dir.appendingPathComponent("state/callisto/recovery")
        let copies = try FileManager.default.contentsOfDirectory(atPath: recoveryDir.path)
        #expect(copies.count == 1 && copies[0].hasSuffix("work.ipynb"), "\(copies)")
        let copy = try NotebookFile.open(path: recoveryDir.appendingPathComponent(copies[0]).path).notebook
        #expect(copy.cells.count == 2 && copy.cells[0].source == "first = 1")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the notebook itself untouched")
    }

    @Test func discardingTheOfferedCopyRemovesIt() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-crash")
        _ = try makeNotebook(in: dir)
        let recovery = NotebookRecoveryPaths(state: dir.appendingPathComponent("state"))
        let first = try start("work.ipynb", in: dir, crash: "trap")
        try first.waitFor("notebook") { $0.contains("first = 1") }
        try keys(first, "b")
        try first.waitFor("second cell") { $0.contains("Cell 2/2") }
        try first.sendKeys("F12")
        try first.waitFor("exit status") { $0.contains("callisto-exit=") }
        first.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: recovery.directory.path).count == 1)

        let again = try start("work.ipynb", in: dir, crash: nil)
        defer { again.close() }
        try again.waitFor("recovery offer") { $0.contains("Recover work.ipynb?") }
        try again.sendKeys("Right")
        try again.sendKeys("Enter")
        try again.waitFor("offer gone") { !$0.contains("Recover work.ipynb?") && $0.contains("Cell 1/1") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: recovery.directory.path).isEmpty, "Discard removes the copy")
        try again.sendKeys("C-q")
        try again.waitFor("quit") { $0.contains("callisto-exit=0") }
    }
}

/// The recovery folder under a test's `XDG_STATE_HOME`.
struct NotebookRecoveryPaths {
    let directory: URL
    init(state: URL) { directory = state.appendingPathComponent("callisto/recovery") }
}
