import Foundation

/// Where things are when tests run: the package root, the project's virtual environment, the built binary.
public enum ProjectPaths {
    /// The package root (the folder holding Package.swift).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// The project's virtual environment (`.venv`, or `$CALLISTO_VENV`).
    public static var venv: URL {
        if let env = ProcessInfo.processInfo.environment["CALLISTO_VENV"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return root.appendingPathComponent(".venv")
    }

    /// The venv's Python interpreter, which has nbformat, jupytext, jupyter_client, nbclient and ipykernel.
    public static var python: URL { venv.appendingPathComponent("bin/python") }

    /// The venv's Jupyter data folder, where its kernelspecs are registered.
    public static var venvJupyterPath: URL { venv.appendingPathComponent("share/jupyter") }

    /// The folder holding the built products of the running test build (`.build/debug` or similar).
    public static var binDir: URL {
        // The test bundle (or test executable) lives in the bin directory itself.
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("callisto").path) { return dir }
            dir.deleteLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug")
    }

    /// The `callisto` executable of this build.
    public static var callisto: URL { binDir.appendingPathComponent("callisto") }

    /// A fresh temporary directory, removed by the caller when done (or left for inspection on failure).
    public static func makeTemporaryDirectory(_ prefix: String = "callisto-test") throws -> URL {
        let base = URL(fileURLWithPath: NSTemporaryDirectory())
        let url = base.appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
