import Foundation
import Testing
import TestSupport

/// Stored outputs full of terminal escape sequences, opened by the real binary under tmux: the
/// title, the clipboard and the screen outside the output stay as they were.
@Suite(.enabled(if: WorkspaceProbe.binaryRunsTheWorkspace), .serialized)
struct NotebookOutputTmuxTests {
    static let hostile = "A\u{1b}]52;c;aGFja2Vk\u{07}B\u{1b}]0;pwned-title\u{07}C\u{1b}]2;pwned-two\u{1b}\\D\u{1b}[2J\u{1b}[HE"
        + "\u{1b}[20;1HXYZZY\u{1b}[?1049hF\u{1b}cG\u{1b}P+q544e\u{1b}\\H\u{1b}_apc\u{1b}\\I\u{9b}2JJ\u{07}K\u{1b}[31mred\u{1b}[0m\u{1b}"

    func writeNotebook(in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("hostile.ipynb").path
        let script = """
        import sys, nbformat
        text = sys.argv[2]
        nb = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell("print(hostile)")
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=text + "\\n"),
                        nbformat.v4.new_output("error", ename="E", evalue="v", traceback=[text]),
                        nbformat.v4.new_output("display_data", data={"text/plain": text, "text/markdown": "# T " + text})]
        nb.cells = [cell, nbformat.v4.new_markdown_cell("after the outputs")]
        nbformat.write(nb, sys.argv[1])
        """
        let r = try ProcessRunner.python(script, arguments: [path, Self.hostile])
        #expect(r.status == 0, "\(r.stderrText)")
        return path
    }

    @Test func hostileOutputsLeaveTheScreenIntact() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-hostile")
        let path = try writeNotebook(in: dir)
        let env = ["XDG_STATE_HOME": dir.appendingPathComponent("state").path,
                   "XDG_CONFIG_HOME": dir.appendingPathComponent("config").path]
        let s = try TmuxSession(command: "exec '\(ProjectPaths.callisto.path)' '\(path)'", width: 100, height: 30, environment: env)
        defer { s.close() }
        try s.tmux(["set", "-g", "set-clipboard", "on"])
        try s.tmux(["set", "-g", "allow-rename", "on"])
        let titleBefore = try s.display("#{pane_title}")
        let screen = try s.waitFor(timeout: 20, "the notebook") { $0.contains("after the outputs") && $0.contains("COMMAND") }
        let rows = screen.components(separatedBy: "\n")
        // The outputs are drawn in place, in order, and nothing else is.
        #expect(rows.first?.contains("hostile.ipynb") == true, "the tab bar is still on the first row")
        #expect(rows.contains { $0.contains("ABCDE") })
        #expect(!screen.contains("pwned"))
        #expect(!screen.contains("aGFja2Vk"))
        #expect(!screen.contains("apc"))
        let xyzzy = rows.indices.filter { rows[$0].contains("XYZZY") }
        #expect(!xyzzy.isEmpty)
        for y in xyzzy { #expect(rows[y].contains("ABCDEXYZZYFGHIJ"), "XYZZY is drawn in its line, not where the cursor move pointed: \(rows[y])") }
        #expect(rows.contains { $0.contains("COMMAND") })
        // Title, clipboard, alternate screen and the terminal's state are untouched.
        #expect(try s.display("#{pane_title}") == titleBefore)
        #expect(try s.tmux(["list-buffers"]).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        // The editor still works: move down and back.
        try s.sendKeys("j")
        try s.waitFor("cell 2") { $0.contains("Cell 2/2") }
        try s.sendKeys("k")
        try s.waitFor("cell 1") { $0.contains("Cell 1/2") }
    }
}
