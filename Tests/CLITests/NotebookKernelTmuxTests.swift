import Foundation
import Testing
import TestSupport

/// Running cells in the real binary under tmux with a real ipykernel: the run keys, prompts and
/// outputs on screen, a traceback in colour, the saved outputs equal to nbclient's, and no kernel
/// left behind on quit or on SIGTERM.
@Suite(.enabled(if: WorkspaceProbe.binaryRunsTheWorkspace), .serialized)
struct NotebookKernelTmuxTests {
    /// A session running callisto on `file` in `dir`, with the `.venv`'s kernels and a private
    /// Jupyter runtime folder (returned, to find the kernel processes by their connection files).
    func start(_ file: String, in dir: URL) throws -> (TmuxSession, String) {
        let runtime = dir.appendingPathComponent("runtime").path
        try FileManager.default.createDirectory(atPath: runtime, withIntermediateDirectories: true)
        let env = ["XDG_STATE_HOME": dir.appendingPathComponent("state").path,
                   "XDG_CONFIG_HOME": dir.appendingPathComponent("config").path,
                   "JUPYTER_PATH": ProjectPaths.venvJupyterPath.path, "JUPYTER_RUNTIME_DIR": runtime,
                   "PATH": ProjectPaths.venv.appendingPathComponent("bin").path + ":/usr/local/bin:/usr/bin:/bin",
                   "PYDEVD_DISABLE_FILE_VALIDATION": "1"]
        let s = try TmuxSession(command: "cd '\(dir.path)' && exec '\(ProjectPaths.callisto.path)' \(file)",
                                width: 100, height: 40, environment: env)
        return (s, runtime)
    }

    /// Kernel processes started with a connection file in `runtime` (the tmux server's own command
    /// line names the folder but no connection file).
    func kernels(_ runtime: String) throws -> [String] {
        let pattern = URL(fileURLWithPath: runtime).resolvingSymlinksInPath().path + "/kernel-"
        let r = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/pgrep"), ["-f", pattern])
        return r.stdoutText.split(separator: "\n").map(String.init)
    }

    func keys(_ s: TmuxSession, _ keys: String..., mode: String = "COMMAND") throws {
        for k in keys { try s.sendKeys(k) }
        try s.waitFor(timeout: 30, "mode \(mode)") { $0.contains(mode) }
    }

    @Test func runKeysShowPromptsOutputsAndSaveWhatNbclientStores() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-kernel-e2e")
        let (s, runtime) = try start("nb.ipynb", in: dir)
        defer { s.close() }
        try s.waitFor(timeout: 20, "notebook") { $0.contains("COMMAND") && $0.contains("[ ]:") }
        try keys(s, "Enter", mode: "EDIT")
        try s.sendLiteral("print('hello')")
        try keys(s, "S-Enter", mode: "EDIT")
        try s.waitFor(timeout: 60, "first output") { $0.contains("[1]:") && $0.contains("hello") && $0.contains("Cell 2/2") }
        #expect(try !kernels(runtime).isEmpty)
        try s.sendLiteral("6 * 7")
        try keys(s, "M-Enter", mode: "EDIT")
        try s.waitFor(timeout: 30, "a result") { $0.contains("Out[2]:") && $0.contains("42") && $0.contains("Cell 3/3") }
        try s.sendLiteral("import sys; print('warn', file=sys.stderr)")
        try keys(s, "C-r", mode: "EDIT")
        try s.waitFor(timeout: 30, "stderr") { $0.contains("[3]:") && $0.contains("warn") && $0.contains("Cell 4/4") }
        try s.sendLiteral("1/0")
        try keys(s, "C-e")
        try s.waitFor(timeout: 30, "traceback") { $0.contains("[4]:") && $0.contains("ZeroDivisionError") && $0.contains("idle") }
        // The traceback keeps the kernel's colours (an SGR foreground on the error line).
        let coloured = try s.capture(escapes: true).split(separator: "\n").filter { $0.contains("ZeroDivisionError") }
        #expect(coloured.contains { $0.contains("\u{1b}[") && ($0.contains("31m") || $0.contains("91m") || $0.contains("38;")) },
                "\(coloured)")
        try keys(s, "C-s")
        try s.waitFor("saved") { $0.contains("saved") }
        try s.sendKeys("C-q")
        try s.waitUntil(timeout: 20, "exit") { try s.display("#{pane_dead}") == "1" }
        try s.waitUntil(timeout: 10, "no kernel left") { try kernels(runtime).isEmpty }
        let r = try ProcessRunner.python(Self.compareWithNbclient, arguments: [dir.appendingPathComponent("nb.ipynb").path],
                                         environment: ["JUPYTER_PATH": ProjectPaths.venvJupyterPath.path,
                                                       "JUPYTER_RUNTIME_DIR": runtime])
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(r.stdoutText == "same 4 cells\n", "\(r.stdoutText)")
    }

    /// Runs the saved notebook's sources with nbclient and compares outputs and execution counts.
    static let compareWithNbclient = """
    import copy, json, sys, os, nbformat, nbclient
    path = sys.argv[1]
    ours = nbformat.read(path, as_version=4)
    nbformat.validate(ours)
    fresh = copy.deepcopy(ours)
    for c in fresh.cells:
        if c.cell_type == "code":
            c.outputs = []
            c.execution_count = None
    nbclient.NotebookClient(fresh, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": os.path.dirname(path)}}).execute()
    def summary(nb):
        return [(c.execution_count, c.outputs) for c in nb.cells if c.cell_type == "code"]
    a, b = summary(ours), summary(fresh)
    if a != b:
        print(json.dumps(a, indent=1)); print("---"); print(json.dumps(b, indent=1))
    else:
        print(f"same {len(a)} cells")
    """

    @Test func aKernelThatExitsIsAnnouncedWithItsStatus() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-kernel-e2e")
        let (s, runtime) = try start("dies.ipynb", in: dir)
        defer { s.close() }
        try s.waitFor(timeout: 20, "notebook") { $0.contains("COMMAND") }
        try keys(s, "Enter", mode: "EDIT")
        try s.sendLiteral("import os; os._exit(3)")
        try keys(s, "C-e")
        // The loop learns of the exit from SIGCHLD while it sleeps in zmq_poll.
        try s.waitFor(timeout: 60, "death") { $0.contains("exit status 3") && $0.contains("dead") }
        #expect(try s.capture().contains("import os; os._exit(3)"))
        try s.waitUntil(timeout: 10, "no kernel process") { try kernels(runtime).isEmpty }
        try s.sendKeys("C-q")
        try s.waitFor("quit asks") { $0.contains("Quit Callisto?") }
    }

    @Test func sigtermShutsTheKernelDown() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-kernel-e2e")
        let (s, runtime) = try start("term.ipynb", in: dir)
        defer { s.close() }
        try s.waitFor(timeout: 20, "notebook") { $0.contains("COMMAND") }
        try keys(s, "Enter", mode: "EDIT")
        try s.sendLiteral("import time; time.sleep(30)")
        try keys(s, "C-e")
        try s.waitFor(timeout: 60, "running") { $0.contains("[*]:") && $0.contains("busy") }
        #expect(try kernels(runtime).count == 1)
        kill(try s.panePID(), SIGTERM)
        try s.waitUntil(timeout: 20, "exit after SIGTERM") { try s.display("#{pane_dead}") == "1" }
        try s.waitUntil(timeout: 10, "no kernel left") { try kernels(runtime).isEmpty }
    }
}
