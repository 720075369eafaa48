import Foundation
import Testing
import TestSupport

/// Ctrl+C during `callisto run`: the first interrupts the kernel, a second stops the run and shuts
/// the kernel down.
@Suite(.serialized) struct RunInterruptTests {
    func start(_ arguments: [String]) throws -> Process {
        let p = Process()
        p.executableURL = ProjectPaths.callisto
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in RunCommandTests.environment { env[k] = v }
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    func waitFor(_ path: String, timeout: TimeInterval = 60) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let s = try? String(contentsOfFile: path, encoding: .utf8), s.hasSuffix("\n") { return s }
            usleep(20_000)
        }
        throw CocoaError(.fileNoSuchFile)
    }

    func waitExit(_ p: Process, timeout: TimeInterval = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning, Date() < deadline { usleep(20_000) }
        if p.isRunning { kill(p.processIdentifier, SIGKILL); return nil }
        return p.terminationStatus
    }

    func notebook(_ dir: URL, _ source: String) throws -> URL {
        let path = dir.appendingPathComponent("slow.ipynb")
        let r = try ProcessRunner.python("""
            import sys, nbformat as nbf
            nb = nbf.v4.new_notebook()
            nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
            nb.cells = [nbf.v4.new_code_cell(sys.argv[2]), nbf.v4.new_code_cell("print('not reached')")]
            nbf.write(nb, sys.argv[1])
            """, arguments: [path.path, source])
        #expect(r.status == 0)
        return path
    }

    @Test func firstCtrlCInterruptsTheCell() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let marker = dir.appendingPathComponent("started").path
        let input = try notebook(dir, "import os, time\nopen(\(marker.debugDescription), 'w').write(f'{os.getpid()}\\n')\ntime.sleep(60)")
        let out = dir.appendingPathComponent("out.ipynb")
        let p = try start(["run", input.path, "-o", out.path])
        _ = try waitFor(marker)
        kill(p.processIdentifier, SIGINT)
        #expect(waitExit(p) == 1)
        let check = try ProcessRunner.python("import sys, nbformat; nb = nbformat.read(sys.argv[1], 4); print(nb.cells[0].outputs[-1].ename, nb.cells[1].execution_count)",
                                             arguments: [out.path])
        #expect(check.stdoutText == "KeyboardInterrupt None\n")
    }

    @Test func secondCtrlCStopsAndShutsTheKernelDown() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let marker = dir.appendingPathComponent("started").path, caught = dir.appendingPathComponent("caught").path
        let input = try notebook(dir, """
            import os, time
            while True:
                try:
                    # Written inside the try, so the Ctrl+C that follows it is always caught here.
                    open(\(marker.debugDescription), 'w').write(f'{os.getpid()}\\n')
                    time.sleep(60)
                except KeyboardInterrupt:
                    open(\(caught.debugDescription), 'w').write('caught\\n')
            """)
        let p = try start(["run", input.path])
        let kernelPid = try #require(Int32(try waitFor(marker).trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(p.processIdentifier, SIGINT)
        _ = try waitFor(caught)
        kill(p.processIdentifier, SIGINT)
        #expect(waitExit(p) == 130)
        #expect(kill(kernelPid, 0) != 0)
    }

    @Test func terminationShutsTheKernelDown() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let marker = dir.appendingPathComponent("started").path
        let input = try notebook(dir, "import os, time\nopen(\(marker.debugDescription), 'w').write(f'{os.getpid()}\\n')\ntime.sleep(60)")
        let p = try start(["run", input.path])
        let kernelPid = try #require(Int32(try waitFor(marker).trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(p.processIdentifier, SIGTERM)
        #expect(waitExit(p) == 130)
        #expect(kill(kernelPid, 0) != 0)
    }
}
