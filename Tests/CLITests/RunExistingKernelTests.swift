import Foundation
import Testing
import TestSupport

/// `callisto run --existing`: runs on a kernel someone else started and leaves it running.
@Suite struct RunExistingKernelTests {
    @Test func runsOnAnExistingKernelAndLeavesItRunning() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let runtime = dir.appendingPathComponent("runtime")
        try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true)
        let connection = runtime.appendingPathComponent("kernel-existing-test.json")
        let write = try ProcessRunner.python("import sys; from jupyter_client import write_connection_file; write_connection_file(sys.argv[1])",
                                             arguments: [connection.path])
        #expect(write.status == 0, "\(write.stderrText)")
        let kernel = Process()
        kernel.executableURL = ProjectPaths.python
        kernel.arguments = ["-m", "ipykernel_launcher", "-f", connection.path]
        kernel.standardOutput = FileHandle.nullDevice
        kernel.standardError = FileHandle.nullDevice
        try kernel.run()
        defer { kill(kernel.processIdentifier, SIGKILL); kernel.waitUntilExit() }

        func notebook(_ name: String, _ source: String) throws -> URL {
            let path = dir.appendingPathComponent(name)
            let r = try ProcessRunner.python("import sys, nbformat as nbf; nb = nbf.v4.new_notebook(); nb.cells = [nbf.v4.new_code_cell(sys.argv[2])]; nbf.write(nb, sys.argv[1])",
                                             arguments: [path.path, source])
            #expect(r.status == 0)
            return path
        }
        var env = RunCommandTests.environment
        env["JUPYTER_RUNTIME_DIR"] = runtime.path
        let first = try notebook("first.ipynb", "shared = 'kept'")
        let r1 = try ProcessRunner.callisto(["run", first.path, "--existing", "existing-test"], environment: env, timeout: 120)
        #expect(r1.status == 0, "\(r1.stderrText)")
        #expect(kernel.isRunning)
        let second = try notebook("second.ipynb", "print(shared)")
        let r2 = try ProcessRunner.callisto(["run", second.path, "--existing", connection.path, "--inplace"], environment: env, timeout: 120)
        #expect(r2.status == 0, "\(r2.stderrText)")
        #expect(kernel.isRunning)
        let check = try ProcessRunner.python("import sys, nbformat; print(nbformat.read(sys.argv[1], 4).cells[0].outputs[0].text, end='')",
                                             arguments: [second.path])
        #expect(check.stdoutText == "kept\n")
        let none = try ProcessRunner.callisto(["run", second.path, "--existing", "no-such"], environment: env)
        #expect(none.status == 1)
        #expect(none.stderrText.contains("no connection file matches"))
    }
}
