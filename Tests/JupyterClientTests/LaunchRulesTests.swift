import Foundation
import Testing
import TestSupport
import JupyterProtocol
@testable import JupyterClient

@Suite struct LaunchRulesTests {
    @Test func argvPlaceholders() {
        let values = ["connection_file": "/r/k.json", "resource_dir": "/spec"]
        #expect(LaunchTemplate.substituteArgument("-f={connection_file}", values: values, home: "/h") == "-f=/r/k.json")
        #expect(LaunchTemplate.substituteArgument("{unknown}{resource_dir}", values: values, home: "/h") == "{unknown}/spec")
        #expect(LaunchTemplate.substituteArgument("~/bin/k", values: values, home: "/h") == "/h/bin/k")
    }

    @Test func environmentTemplatesFollowPythonSafeSubstitute() throws {
        let env = ["HOME": "/h", "X_1": "x"]
        let cases = ["$HOME/a", "${HOME}b", "$$HOME", "$MISSING", "${MISSING}", "$", "$1", "${X_1}$X_1", "a$"]
        for c in cases {
            let ours = LaunchTemplate.substituteEnvironment(c, env: env)
            let python = try ProcessRunner.python("import sys,string; print(string.Template(sys.argv[1]).safe_substitute({'HOME': '/h', 'X_1': 'x'}), end='')",
                                                  arguments: [c]).stdoutText
            #expect(ours == python, "\(c)")
        }
    }

    @Test func dataDirectoryOrder() {
        let base = ["HOME": "/home/u", "JUPYTER_PATH": "/a/:/b"]
        var env = base
        env["VIRTUAL_ENV"] = "/venv"
        #expect(JupyterPaths(environment: env).dataDirectories ==
                ["/a", "/b", "/venv/share/jupyter", "/home/u/.local/share/jupyter", "/usr/local/share/jupyter", "/usr/share/jupyter"])
        env["JUPYTER_PREFER_ENV_PATH"] = "no"
        #expect(JupyterPaths(environment: env).dataDirectories[2...3] == ["/home/u/.local/share/jupyter", "/venv/share/jupyter"])
        var plain = base
        plain["XDG_DATA_HOME"] = "/xdg"
        #expect(JupyterPaths(environment: plain).dataDirectories == ["/a", "/b", "/xdg/jupyter", "/usr/local/share/jupyter", "/usr/share/jupyter"])
        #expect(JupyterPaths(environment: plain).kernelDirectories.last == "/home/u/.ipython/kernels")
        plain["JUPYTER_RUNTIME_DIR"] = "/run/j"
        #expect(JupyterPaths(environment: plain).runtimeDirectory == "/run/j")
    }

    @Test func firstDirectoryWinsAndNamesAreLowercased() throws {
        let root = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        func spec(_ dir: String, _ name: String, _ display: String) throws {
            let d = root.appendingPathComponent("\(dir)/kernels/\(name)")
            try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
            try #"{"argv": ["x", "{connection_file}"], "display_name": "\#(display)", "language": "l"}"#
                .write(to: d.appendingPathComponent("kernel.json"), atomically: true, encoding: .utf8)
        }
        try spec("one", "MyKernel", "first")
        try spec("two", "mykernel", "second")
        try spec("two", "broken", "x")
        try "{not json".write(to: root.appendingPathComponent("two/kernels/broken/kernel.json"), atomically: true, encoding: .utf8)
        let env = ["HOME": root.path, "JUPYTER_PATH": root.appendingPathComponent("one").path + ":" + root.appendingPathComponent("two").path]
        let finder = KernelSpecFinder(paths: JupyterPaths(environment: env))
        #expect(try finder.spec(named: "MYKERNEL").displayName == "first")
        var problems: [String] = []
        let all = finder.allSpecs { problems.append($0) }
        #expect(all["mykernel"]?.displayName == "first")
        #expect(all["broken"] == nil)
        #expect(problems.count == 1 && problems[0].contains("broken"))
    }

    @Test func spawnSubstitutesArgvAndEnvironmentAndUsesANewSession() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.txt").path
        let spec = KernelSpec(name: "probe", resourceDirectory: dir.path,
                              argv: ["/bin/sh", "-c", "echo \"$1|$2|$FOO|$BAR|$(pwd)|$(ps -o sid= -p $$)|$$\" > \(out)", "sh", "{connection_file}", "{resource_dir}"],
                              displayName: "", language: "none", interruptMode: "signal",
                              env: ["FOO": "${HOME}/x", "BAR": "$$lit $NOPE"], metadata: .object([:]), kernelProtocolVersion: "")
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = "/home/test"
        let options = KernelLaunchOptions(directory: dir.path, output: .discard, paths: JupyterPaths(environment: env))
        let process = try KernelManager.spawn(spec: spec, connectionFile: dir.path + "/k.json", options: options)
        #expect(process.waitBlocking() == .exited(0))
        let fields = try String(contentsOfFile: out, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let realDir = URL(fileURLWithPath: dir.path).resolvingSymlinksInPath().path
        #expect(fields[0] == realDir + "/k.json")
        #expect(fields[1] == dir.path)
        #expect(fields[2] == "/home/test/x")
        #expect(fields[3] == "$lit $NOPE")
        #expect(fields[4] == realDir)
        #expect(fields[5] == fields[6])  // session leader: its own session
    }

    @Test func connectionFilesAreFoundLikeJupyterExisting() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let runtime = dir.appendingPathComponent("runtime").path
        try FileManager.default.createDirectory(atPath: runtime, withIntermediateDirectories: true)
        let info = try ConnectionInfo.fresh(kernelName: "python3")
        for (i, name) in ["kernel-old.json", "kernel-new.json", "other-abc.json"].enumerated() {
            try info.write(path: runtime + "/" + name)
            let date = Date(timeIntervalSince1970: 1_000_000 + Double(i) * 1000)
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: runtime + "/" + name)
        }
        let finder = ConnectionFileFinder(paths: JupyterPaths(environment: ["HOME": dir.path, "JUPYTER_RUNTIME_DIR": runtime]),
                                          currentDirectory: dir.path)
        #expect(try finder.find() == runtime + "/kernel-new.json")
        #expect(try finder.find("old") == runtime + "/kernel-old.json")
        #expect(try finder.find("other-abc.json") == runtime + "/other-abc.json")
        #expect(try finder.find(runtime + "/kernel-old.json") == runtime + "/kernel-old.json")
        #expect(throws: KernelError.self) { try finder.find("missing") }
    }

    @Test func connectionFileRoundTripsAndIsPrivate() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let info = try ConnectionInfo.fresh(kernelName: "python3")
        #expect(Set([info.shellPort, info.iopubPort, info.stdinPort, info.controlPort, info.hbPort]).count == 5)
        let path = dir.appendingPathComponent("kernel-x.json").path
        try info.write(path: path)
        #expect(try ConnectionInfo.read(path: path) == info)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let viaJupyter = try ProcessRunner.python("import sys,json; from jupyter_client.connect import KernelConnectionInfo; d=json.load(open(sys.argv[1])); print(d['shell_port'], d['key'], d['kernel_name'])", arguments: [path])
        #expect(viaJupyter.stdoutText == "\(info.shellPort) \(info.key) python3\n")
        #expect(throws: KernelError.self) { try ConnectionInfo.read(path: dir.appendingPathComponent("none.json").path) }
    }
}
