import Foundation
import NotebookFormat
import Testing
import TestSupport

/// Whether tmux is here and the built binary opens the workspace on a terminal (a build without a
/// terminal backend says so and exits).
enum WorkspaceProbe {
    static let binaryRunsTheWorkspace: Bool = {
        guard TmuxSession.isAvailable, let s = try? TmuxSession(command: "'\(ProjectPaths.callisto.path)'; sleep 60") else { return false }
        defer { s.close() }
        let screen = (try? s.waitFor(timeout: 20, "first screen") { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) ?? ""
        return !screen.isEmpty && !screen.contains("no terminal backend")
    }()
}

/// The notebook editor end to end: the real binary under tmux, keys as a terminal sends them, files
/// checked with nbformat.
@Suite(.enabled(if: WorkspaceProbe.binaryRunsTheWorkspace), .serialized)
struct NotebookEditorTmuxTests {
    /// A session running callisto in `dir` with its own config and state folders.
    func start(_ arguments: String, in dir: URL) throws -> TmuxSession {
        let env = ["XDG_STATE_HOME": dir.appendingPathComponent("state").path,
                   "XDG_CONFIG_HOME": dir.appendingPathComponent("config").path]
        return try TmuxSession(command: "cd '\(dir.path)' && exec '\(ProjectPaths.callisto.path)' \(arguments)",
                               width: 100, height: 30, environment: env)
    }

    /// Sends keys (tmux names) one at a time, then waits for the status bar to show `mode`.
    func keys(_ s: TmuxSession, _ keys: String..., mode: String = "COMMAND") throws {
        for k in keys { try s.sendKeys(k) }
        try s.waitFor("mode \(mode)") { $0.contains(mode) }
    }

    func type(_ s: TmuxSession, _ text: String) throws {
        try s.sendLiteral(text)
        try s.waitFor("typed \(text)") { $0.contains(text) }
    }

    func python(_ code: String, _ path: String) throws -> String {
        let r = try ProcessRunner.python(code, arguments: [path])
        #expect(r.status == 0, "\(r.stderrText)")
        return r.stdoutText
    }

    @Test func authorANotebookFromNothing() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-nbe2e")
        let s = try start("", in: dir)
        defer { s.close() }
        try s.waitFor("welcome") { $0.contains("Callisto") || $0.contains("palette") }
        try keys(s, "C-n")
        try keys(s, "Enter", mode: "EDIT")
        try type(s, "x = 1")
        try keys(s, "Escape")
        try keys(s, "b")
        try keys(s, "Enter", mode: "EDIT")
        try type(s, "y = 2")
        try keys(s, "Escape")
        try keys(s, "a")
        try keys(s, "m")
        try keys(s, "Enter", mode: "EDIT")
        try type(s, "# Title")
        try keys(s, "Escape")
        try s.waitFor("rendered heading") { !$0.contains("# Title") && $0.contains("Title") }
        try keys(s, "M-Up")
        try keys(s, "j")
        try keys(s, "M")
        try s.waitFor("merged") { $0.contains("Cell 2/2") }
        try keys(s, "Enter", mode: "EDIT")
        try keys(s, "Down", "Down", "M--", mode: "EDIT")
        try s.waitFor("split") { $0.contains("Cell 3/3") }
        try keys(s, "Escape")
        try keys(s, "z")
        try s.waitFor("undone") { $0.contains("Cell 2/2") }
        try keys(s, "Z")
        try s.waitFor("redone") { $0.contains("Cell 3/3") }
        try keys(s, "C-s")
        let path = dir.appendingPathComponent("Untitled.ipynb").path
        try s.waitUntil("saved file") { FileManager.default.fileExists(atPath: path) }
        try s.sendKeys("C-q")
        try s.waitUntil("exit") { try s.display("#{pane_dead}") == "1" }
        let out = try python("""
        import nbformat, sys
        nb = nbformat.read(sys.argv[1], as_version=4)
        nbformat.validate(nb)
        print([c.cell_type for c in nb.cells])
        print([c.source for c in nb.cells])
        """, path)
        #expect(out == "['markdown', 'code', 'code']\n['# Title', 'x = 1', 'y = 2']\n")
    }

    @Test func openAndSaveIsByteIdentical() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-nbe2e")
        let path = dir.appendingPathComponent("written.ipynb").path
        _ = try python("""
        import nbformat, sys
        from nbformat.v4 import new_notebook, new_code_cell, new_markdown_cell, new_output
        nb = new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
        nb.cells = [new_markdown_cell("# Héading\\n\\n* item"),
                    new_code_cell("for i in range(3):\\n    print(i)", execution_count=7,
                                  outputs=[new_output("stream", name="stdout", text="0\\n1\\n2\\n")]),
                    new_code_cell("1/0", execution_count=8, outputs=[new_output("error", ename="ZeroDivisionError",
                                  evalue="division by zero", traceback=["\\x1b[31mZeroDivisionError\\x1b[0m"])])]
        nbformat.write(nb, sys.argv[1])
        """, path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let s = try start("written.ipynb", in: dir)
        defer { s.close() }
        try s.waitFor("notebook") { $0.contains("[7]:") && $0.contains("ZeroDivisionError") }
        try keys(s, "j", "j", "k")
        try keys(s, "C-s")
        try s.waitFor("saved message") { $0.contains("saved") }
        try s.sendKeys("C-q")
        try s.waitUntil("exit") { try s.display("#{pane_dead}") == "1" }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func hangupKeepsARecoveryCopyThatIsOfferedBack() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-nbe2e")
        let path = dir.appendingPathComponent("work.ipynb").path
        var nb = Notebook()
        nb.cells = [nb.makeCell(.code, source: "first = 1")]
        try NotebookFile.save(nb, to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let s = try start("work.ipynb", in: dir)
        try s.waitFor("notebook") { $0.contains("first = 1") }
        try keys(s, "b")
        try keys(s, "Enter", mode: "EDIT")
        try type(s, "recovered = 2")
        try keys(s, "Escape")
        let pid = try s.panePID()
        kill(pid, SIGHUP)
        try s.waitUntil("exit after SIGHUP") { try s.display("#{pane_dead}") == "1" }
        s.close()
        let recoveryDir = dir.appendingPathComponent("state/callisto/recovery")
        let copies = try FileManager.default.contentsOfDirectory(atPath: recoveryDir.path)
        #expect(copies.count == 1 && copies[0].hasSuffix("work.ipynb"), "\(copies)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)

        let again = try start("work.ipynb", in: dir)
        defer { again.close() }
        try again.waitFor("recovery offer") { $0.contains("Recover work.ipynb?") }
        try again.sendKeys("Enter")
        try again.waitFor("restored") { $0.contains("recovered = 2") && $0.contains("Cell 1/2") }
        try keys(again, "C-s")
        try again.waitFor("saved") { $0.contains("saved") }
        let out = try python("""
        import nbformat, sys
        nb = nbformat.read(sys.argv[1], as_version=4)
        nbformat.validate(nb)
        print([c.source for c in nb.cells])
        """, path)
        #expect(out == "['first = 1', 'recovered = 2']\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: recoveryDir.path).isEmpty)
    }
}
