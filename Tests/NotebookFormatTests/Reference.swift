import Foundation
import Testing
import TestSupport

/// Runs the reference implementations (nbformat, jupytext, Python's json) from the project's venv.
enum Reference {
    /// The folder of the Python helper scripts of these tests.
    static let scripts = ProjectPaths.root.appendingPathComponent("Tests/NotebookFormatTests/Python")

    /// Runs a helper script, failing the test with its stderr if it fails.
    static func script(_ name: String, _ arguments: [String], stdin: Data? = nil) throws -> ProcessResult {
        let result = try ProcessRunner.run(ProjectPaths.python, [scripts.appendingPathComponent(name).path] + arguments,
                                           stdin: stdin, timeout: 300)
        try #require(result.status == 0, "\(name) failed: \(result.stderrText)")
        return result
    }

    /// Runs Python code, failing the test with its stderr if it fails.
    static func python(_ code: String, _ arguments: [String] = [], stdin: Data? = nil) throws -> ProcessResult {
        let result = try ProcessRunner.python(code, arguments: arguments, stdin: stdin, timeout: 300)
        try #require(result.status == 0, "python failed: \(result.stderrText)")
        return result
    }

    /// The differential corpus: generated once per test run with nbformat into a temporary folder.
    static let corpus: Result<URL, Error> = Result {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-corpus")
        _ = try script("make_corpus.py", [dir.path, "120"])
        return dir
    }

    /// The corpus inputs (`NAME.ipynb`, not `NAME.expected.ipynb`), sorted.
    static func corpusInputs() throws -> [URL] {
        let dir = try corpus.get()
        return try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "ipynb" && !$0.lastPathComponent.hasSuffix(".expected.ipynb") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Writes `text` to a new temporary file named `name` and returns its URL.
    static func temporaryFile(_ name: String, _ contents: Data) throws -> URL {
        let dir = try ProjectPaths.makeTemporaryDirectory()
        let url = dir.appendingPathComponent(name)
        try contents.write(to: url)
        return url
    }
}

/// A readable first difference between two byte strings, for failure messages.
func firstDifference(_ a: Data, _ b: Data) -> String {
    let x = [UInt8](a), y = [UInt8](b)
    var i = 0
    while i < min(x.count, y.count) && x[i] == y[i] { i += 1 }
    let from = max(0, i - 60)
    let ctx = { (z: [UInt8]) in String(decoding: z[from..<min(z.count, i + 60)], as: UTF8.self) }
    return "differ at byte \(i) (sizes \(x.count) vs \(y.count))\n--- callisto:\n\(ctx(x))\n--- reference:\n\(ctx(y))"
}
