import Foundation
import NotebookFormat

/// A text file open for editing, tied to its file: the editor state (buffer, selection, undo),
/// whether it changed since it was read or saved, and saving through the safe writer (temporary
/// file, fsync, rename, mode kept), refusing to overwrite a file that changed on disk unless forced.
/// Several views of one document share it.
///
/// Only UTF-8 text is edited: a file with NUL bytes or invalid UTF-8 does not open (`OpenError.binary`).
/// A byte order mark and `\r\n` line breaks are kept as they were read.
public final class TextDocument {
    /// Why a file cannot be edited as text.
    public enum OpenError: Error, Equatable, CustomStringConvertible {
        /// NUL bytes or invalid UTF-8: `reason` says which.
        case binary(path: String, size: Int, reason: String)
        /// Larger than `TextDocument.sizeLimit`.
        case tooLarge(path: String, size: Int)
        /// A pipe, socket or device: reading it could block or never end.
        case special(path: String)
        /// The file could not be read.
        case file(NotebookFileError)

        public var description: String {
            switch self {
            case let .binary(path, size, reason):
                return "\((path as NSString).lastPathComponent) is a binary file (\(size) bytes); \(reason) and is not shown as text"
            case let .tooLarge(path, size):
                return "\((path as NSString).lastPathComponent) is \(size >> 20) MB, more than the \(TextDocument.sizeLimit >> 20) MB a text tab edits"
            case let .special(path): return "\((path as NSString).lastPathComponent) is not a regular file (a pipe, socket or device)"
            case let .file(e): return e.description
            }
        }
    }

    /// Files larger than this are not edited (they open read-only).
    public static let sizeLimit = 64 << 20

    public var state: TextEditorState
    /// The file's path.
    public private(set) var path: String
    /// The file as last read or written (nil for a file not yet on disk).
    public private(set) var fingerprint: FileFingerprint?
    private var savedVersion: Int
    /// Whether the file started with a UTF-8 byte order mark (written back on save).
    public private(set) var byteOrderMark: Bool

    /// A document holding `text`, for `path` as read with `fingerprint`.
    public init(path: String, text: String, fingerprint: FileFingerprint?, byteOrderMark: Bool = false,
                options: TextEditingOptions = TextEditingOptions()) {
        self.path = path
        var options = options
        options.language = TextLanguage.named(Self.languageName(for: path))
        state = TextEditorState(text: text, options: options)
        self.fingerprint = fingerprint
        self.byteOrderMark = byteOrderMark
        savedVersion = state.buffer.version
    }

    /// Opens the file at `path`; a path that does not exist gives an empty document saved there later.
    public static func open(path: String, options: TextEditingOptions = TextEditingOptions()) throws(OpenError) -> TextDocument {
        if isSpecial(path) { throw .special(path: path) }
        let data: Data
        let fingerprint: FileFingerprint
        do {
            (data, fingerprint) = try SafeFile.read(path)
        } catch .notFound {
            return TextDocument(path: path, text: "", fingerprint: nil, options: options)
        } catch {
            throw .file(error)
        }
        let (text, bom) = try decode(data, path: path)
        return TextDocument(path: path, text: text, fingerprint: fingerprint, byteOrderMark: bom, options: options)
    }

    /// Whether `path` is a pipe, socket or device (reading it could block or never end).
    public static func isSpecial(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        return st.st_mode & S_IFMT != S_IFREG && st.st_mode & S_IFMT != S_IFDIR
    }

    /// The text of `data`, or why it is not text: NUL bytes, invalid UTF-8, too large.
    public static func decode(_ data: Data, path: String) throws(OpenError) -> (text: String, byteOrderMark: Bool) {
        if data.count > sizeLimit { throw .tooLarge(path: path, size: data.count) }
        if data.contains(0) { throw .binary(path: path, size: data.count, reason: "it contains NUL bytes") }
        let bom = data.starts(with: [0xEF, 0xBB, 0xBF])
        guard let text = String(validating: bom ? data.dropFirst(3) : data, as: UTF8.self) else {
            throw .binary(path: path, size: data.count, reason: "it is not valid UTF-8")
        }
        return (text, bom)
    }

    /// The file name.
    public var title: String { (path as NSString).lastPathComponent }

    /// The language name for highlighting and comments: the file extension (`py`, `md`, `json` …),
    /// or the file name for extension-less files (`Makefile`).
    public var language: String { Self.languageName(for: path) }

    static func languageName(for path: String) -> String {
        let name = (path as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension.lowercased()
        return ext.isEmpty ? name.lowercased() : ext
    }

    /// Whether there are unsaved changes.
    public var isModified: Bool { state.buffer.version != savedVersion }

    /// Whether the file is on disk (it was read or saved).
    public var isOnDisk: Bool { fingerprint != nil }

    /// Whether the file changed on disk since it was read or saved.
    public var changedOnDisk: Bool {
        guard let fingerprint else { return false }
        return (try? fingerprint.differs(fromFileAt: path)) ?? false
    }

    /// The bytes a save writes.
    public var contents: Data {
        var data = Data(byteOrderMark ? [0xEF, 0xBB, 0xBF] : [])
        data.append(contentsOf: state.text.utf8)
        return data
    }

    /// Saves to the file (or to `newPath`, which then becomes the document's file). Without `force`
    /// a file changed on disk since it was read is not overwritten (`NotebookFileError.changedOnDisk`),
    /// nor is an existing file at a new path.
    public func save(to newPath: String? = nil, force: Bool = false) throws(NotebookFileError) {
        let target = newPath ?? path
        if !force {
            if target == path, let fingerprint, try fingerprint.differs(fromFileAt: path) { throw .changedOnDisk(path: path) }
            if target != path, FileManager.default.fileExists(atPath: target) {
                throw .system(path: target, operation: "save", message: "a file of that name exists")
            }
        }
        // The safe writer replaces the file by a rename, which a read-only file would not stop.
        if FileManager.default.fileExists(atPath: target), access(target, W_OK) != 0 {
            throw .permissionDenied(path: target, operation: "save: the file is read-only")
        }
        fingerprint = try SafeFile.write(contents, to: target)
        path = target
        savedVersion = state.buffer.version
    }

    /// Reads the file again, dropping unsaved changes; the cursor stays where it can.
    public func reload() throws(OpenError) {
        let fresh = try Self.open(path: path, options: state.options)
        let keep = state.selection
        state = fresh.state
        state.selection = keep
        fingerprint = fresh.fingerprint
        byteOrderMark = fresh.byteOrderMark
        savedVersion = state.buffer.version
    }

    /// Replaces the text with `text` (one undoable step; the document is then modified).
    public func restore(_ text: String, now: Double = 0) {
        state.setText(text, now: now)
    }
}
