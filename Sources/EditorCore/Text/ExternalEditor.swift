import Foundation

/// Editing text in `$VISUAL` / `$EDITOR` (fallback `vi`): the text goes to a private temporary
/// file, the caller suspends the screen and runs `command`, then `readResult()` reads it back.
public struct ExternalEditor: Sendable {
    /// The temporary file holding the text.
    public let fileURL: URL
    /// The program and arguments to run (through `/bin/sh -c`, so `EDITOR="code -w"` works).
    public let command: [String]
    /// The editor command line as the environment gave it.
    public let editor: String

    /// Errors reading the result back.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unreadable(String)
        case notUTF8(String)
        public var description: String {
            switch self {
            case let .unreadable(path): return "cannot read the edited text back from \(path)"
            case let .notUTF8(path): return "the edited file \(path) is not UTF-8 text"
            }
        }
    }

    /// The editor named by the environment: `VISUAL`, then `EDITOR`, then `vi`.
    public static func editorCommand(environment: [String: String]) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return "vi"
    }

    /// Writes `text` to a new temporary file (mode 0600) named with `fileExtension` so the editor
    /// picks the right syntax, and prepares the command.
    public static func prepare(text: String, fileExtension: String = "txt",
                               environment: [String: String] = ProcessInfo.processInfo.environment,
                               directory: URL = FileManager.default.temporaryDirectory) throws -> ExternalEditor {
        let safeExtension = String(fileExtension.filter { $0.isLetter || $0.isNumber }.prefix(16))
        let name = "callisto-edit-\(UUID().uuidString).\(safeExtension.isEmpty ? "txt" : safeExtension)"
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let editor = editorCommand(environment: environment)
        return ExternalEditor(fileURL: url, command: ["/bin/sh", "-c", editor + " \"$1\"", "sh", url.path], editor: editor)
    }

    /// The edited text; a single trailing line break added by the editor is dropped.
    public func readResult() throws -> String {
        guard let data = FileManager.default.contents(atPath: fileURL.path) else { throw Failure.unreadable(fileURL.path) }
        guard var text = String(data: data, encoding: .utf8) else { throw Failure.notUTF8(fileURL.path) }
        if text.hasSuffix("\r\n") { text.removeLast() } else if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Removes the temporary file.
    public func cleanUp() {
        try? FileManager.default.removeItem(at: fileURL)
    }
}
