import Foundation
import NotebookFormat
import TermCore

/// A piece of text with the theme scope it is drawn in, and the text's own colours laid over the
/// scope's (ANSI colours of kernel output).
public struct ScopedSpan: Hashable, Sendable {
    public var text: String
    public var scope: String
    public var style: Style?
    public init(_ text: String, _ scope: String = "ui.window", style: Style? = nil) {
        self.text = text
        self.scope = scope
        self.style = style
    }
}

/// The lines of a file shown read-only: plain text as it is, a notebook as its cells with `[n]:`
/// prompts and text outputs, a binary or unreadable file as a notice. Built once when the file is
/// opened; views share it.
public final class ReadOnlyText: @unchecked Sendable {
    public let title: String
    public let path: String?
    /// Lines of spans; tabs are expanded and control characters shown as visible symbols.
    public let lines: [[ScopedSpan]]
    /// A one-line note for the status bar (why the text is not the file's).
    public let note: String?
    /// Whether the content is a notebook's rendering.
    public let isNotebook: Bool
    /// The widest line's width in columns.
    public let width: Int

    public init(title: String, path: String?, lines: [[ScopedSpan]], note: String? = nil, isNotebook: Bool = false) {
        self.title = title
        self.path = path
        self.lines = lines.isEmpty ? [[]] : lines
        self.note = note
        self.isNotebook = isNotebook
        width = lines.lazy.map { $0.reduce(0) { $0 + $1.text.displayWidth } }.max() ?? 0
    }

    /// Files larger than this are shown up to this many bytes.
    public static let sizeLimit = 32 << 20

    /// Reads `path`: never throws; problems become a notice in the text.
    public static func load(path: String) -> ReadOnlyText {
        let title = (path as NSString).lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return notice(title: title, path: path, "\(path): no such file.")
        }
        if isDirectory.boolValue { return notice(title: title, path: path, "\(path) is a folder; the file browser will show folders.") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return notice(title: title, path: path, "\(path): cannot be read (permission denied).")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: sizeLimit + 1)) ?? Data()
        let truncated = data.count > sizeLimit
        let bytes = truncated ? data.prefix(sizeLimit) : data
        if looksBinary(bytes) {
            return notice(title: title, path: path, "\(title) is a binary file (\(bytes.count) bytes\(truncated ? " or more" : "")); it cannot be shown as text.")
        }
        if path.lowercased().hasSuffix(".ipynb"), !truncated {
            if let notebook = try? Notebook(data: Data(bytes)) {
                return ReadOnlyText(title: title, path: path, lines: NotebookText.lines(notebook), note: "read-only view", isNotebook: true)
            }
            let text = plain(String(decoding: bytes, as: UTF8.self))
            return ReadOnlyText(title: title, path: path, lines: text, note: "not a valid notebook: shown as text")
        }
        let text = plain(String(decoding: bytes, as: UTF8.self))
        return ReadOnlyText(title: title, path: path, lines: text, note: truncated ? "file larger than \(sizeLimit >> 20) MB: showing the start" : nil)
    }

    /// A text holding one message.
    public static func notice(title: String, path: String?, _ message: String) -> ReadOnlyText {
        ReadOnlyText(title: title, path: path, lines: [[], [ScopedSpan("  " + message, "ui.text.warning")]], note: message)
    }

    /// Whether bytes look like a binary file: a NUL byte or mostly invalid UTF-8 in the first 8 KB.
    static func looksBinary(_ bytes: Data) -> Bool {
        let head = bytes.prefix(8192)
        if head.contains(0) { return true }
        guard !head.isEmpty else { return false }
        var cut = head
        // A multi-byte character cut at the end of the sample is not a sign of binary data.
        while let last = cut.last, last & 0xC0 == 0x80 || last >= 0xC0, cut.count > head.count - 4 { cut.removeLast() }
        return String(validating: cut, as: UTF8.self) == nil && String(decoding: cut, as: UTF8.self).filter({ $0 == "\u{FFFD}" }).count * 20 > cut.count
    }

    /// Plain text lines in the window's scope.
    static func plain(_ text: String) -> [[ScopedSpan]] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { [ScopedSpan(sanitize(String($0)))] }
    }

    /// Tabs expanded to 4 columns; other control characters shown as Unicode control pictures.
    public static func sanitize(_ line: String) -> String {
        guard line.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) }) else { return line }
        var out = ""
        var column = 0
        for scalar in line.unicodeScalars {
            switch scalar.value {
            case 0x09:
                let n = 4 - column % 4
                out += String(repeating: " ", count: n); column += n
            case 0x00..<0x20:
                out.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!); column += 1
            case 0x7F:
                out += "␡"; column += 1
            case 0x80..<0xA0:
                out += "�"; column += 1
            default:
                out.unicodeScalars.append(scalar); column += 1
            }
        }
        return out
    }
}
