import ArgumentParser
import Foundation
import NotebookFormat

/// Helpers shared by the headless notebook commands: messages on stderr, loading notebooks.
enum CommandSupport {
    /// Writes one line to standard error.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Writes text to standard output without adding a newline.
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Opens a notebook, printing read warnings as `PATH: warning: …` on stderr.
    static func open(_ path: String) throws(NotebookFileError) -> NotebookFile {
        let file = try NotebookFile.open(path: path)
        for w in file.warnings { error("\(path): warning: \(w)") }
        return file
    }

    /// Whether `path` names a Python script (converted as py:percent).
    static func isScript(_ path: String) -> Bool { path.lowercased().hasSuffix(".py") }
}
