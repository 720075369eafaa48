import Foundation
import Testing
import TestSupport

/// A cell printing a million lines (and more, until the test lets it finish) while the user types in
/// another cell: the real binary under tmux with a real ipykernel. The typed text arrives while the
/// flood runs, the output is collapsed to its tail and bounded by `notebook.output-memory-limit`,
/// and the editor's memory stays bounded.
@Suite(.enabled(if: WorkspaceProbe.binaryRunsTheWorkspace), .serialized)
struct OutputFloodTmuxTests {
    /// The editor's peak memory while about 16 MiB of output is kept and the notebook is modified
    /// (so crash-recovery copies are serialised during the flood): about 130 MB in a debug build
    /// when each copy is held once, about 165-175 MB when the copies are duplicated.
    static let peakBoundKB = 150 * 1024

    @Test func typingStaysLiveWhileACellPrintsAMillionLines() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-flood")
        let flag = dir.appendingPathComponent("stop-flag").path
        let source = """
        import os
        i = 0
        while i < 1_000_000 or not os.path.exists(\(RealOutputsLiteral.quote(flag))):
            print(f'flood line {i}')
            i += 1
        print('FLOOD' + '-END', i >= 1_000_000)
        """
        let nb = dir.appendingPathComponent("flood.ipynb").path
        let write = try ProcessRunner.python("""
        import sys, nbformat
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.cells = [nbformat.v4.new_code_cell(sys.argv[2]), nbformat.v4.new_code_cell("")]
        nbformat.write(nb, sys.argv[1])
        """, arguments: [nb, source])
        try #require(write.status == 0, "\(write.stderrText)")
        let config = dir.appendingPathComponent("config/callisto")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "[ui]\nside-panel = false\n[notebook]\noutput-memory-limit = 16\noutput-max-lines = 30\n"
            .write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let (s, _) = try NotebookKernelTmuxTests().start("flood.ipynb", in: dir)
        defer {
            FileManager.default.createFile(atPath: flag, contents: Data())
            s.close()
        }
        try s.waitFor(timeout: 20, "notebook") { $0.contains("COMMAND") && $0.contains("Cell 1/2") }
        try s.sendKeys("C-e")
        try s.waitFor(timeout: 60, "the flood") { $0.contains("flood line") && $0.contains("more lines above") }
        // The flood is running (it cannot end before the flag exists): type in the other cell.
        try s.sendKeys("j")
        try s.waitFor(timeout: 30, "cell 2") { $0.contains("Cell 2/2") }
        try s.sendKeys("Enter")
        try s.waitFor(timeout: 30, "edit mode") { $0.contains("EDIT") }
        let typed = "typed_while_flooding = 42"
        for ch in typed { try s.sendLiteral(String(ch)) }
        let screen = try s.waitFor(timeout: 60, "the typed text") { $0.contains(typed) }
        #expect(!screen.contains("FLOOD-END"), "the flood was still running while the text was typed")
        #expect(screen.contains("busy"), "the kernel is still busy with the flood")
        // The editor's memory stays bounded while the output grows far past the limit.
        let pid = try s.panePID()
        let peakKB = try peakMemoryKB(pid)
        #expect(peakKB < Self.peakBoundKB, "peak RSS \(peakKB / 1024) MB")
        FileManager.default.createFile(atPath: flag, contents: Data())
        try s.waitFor(timeout: 300, "the end of the flood") { $0.contains("FLOOD-END True") }
        try s.sendKeys("Escape")
        try s.waitFor(timeout: 30, "command mode") { $0.contains("COMMAND") }
        try s.sendKeys("C-s")
        try s.waitFor(timeout: 30, "saved") { $0.contains("saved") }
        let finalPeakKB = try peakMemoryKB(pid)
        #expect(finalPeakKB < Self.peakBoundKB, "peak RSS \(finalPeakKB / 1024) MB")
        let check = try ProcessRunner.python("""
        import sys, nbformat
        nb = nbformat.read(sys.argv[1], as_version=4)
        text = "".join(o.get("text", "") for o in nb.cells[0].outputs if o.output_type == "stream")
        dropped = [l for l in text.split("\\n") if l.startswith("… ") and l.endswith(" lines dropped …")]
        print(len(text.encode()) <= 16 * 1048576, text.startswith("flood line 0\\n"), text.endswith("FLOOD-END True\\n"),
              len(dropped), nb.cells[1].source)
        """, arguments: [nb])
        #expect(check.stdoutText == "True True True 1 \(typed)\n", "\(check.stdoutText) \(check.stderrText)")
    }

    func peakMemoryKB(_ pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
        return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? .max
    }
}

/// Python string literals for test sources.
enum RealOutputsLiteral {
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
