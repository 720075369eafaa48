import Foundation
import TestSupport

/// Runs Python snippets in the project's venv and returns trimmed standard output.
enum TestPython {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ code: String, arguments: [String] = []) throws -> String {
        let result = try ProcessRunner.python(code, arguments: arguments)
        guard result.status == 0 else { throw Failure(description: "python failed: \(result.stderrText)") }
        return result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
