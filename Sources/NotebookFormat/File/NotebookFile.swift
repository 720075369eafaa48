import Foundation

/// A notebook tied to its file: opened with a fingerprint, saved safely, refusing to overwrite a file
/// that changed on disk in the meantime unless forced.
public struct NotebookFile: Sendable {
    /// The file's path as given.
    public var path: String
    /// The notebook.
    public var notebook: Notebook
    /// Warnings from reading (newer minor version, repaired ids, …).
    public var warnings: [String]
    /// The file as last read or written by us.
    public var fingerprint: FileFingerprint?

    /// A notebook that is not yet on disk (or whose file is not to be checked).
    public init(path: String, notebook: Notebook) {
        self.path = path
        self.notebook = notebook
        self.warnings = []
        self.fingerprint = nil
    }

    /// Opens and reads the notebook at `url`.
    public static func open(_ url: URL) throws(NotebookFileError) -> NotebookFile {
        try open(path: url.path)
    }

    /// Opens and reads the notebook at `path`.
    public static func open(path: String) throws(NotebookFileError) -> NotebookFile {
        let (data, fingerprint) = try SafeFile.read(path)
        let result: NotebookReader.Result
        do { result = try NotebookReader.read(data) } catch { throw .unreadable(path: path, error) }
        var file = NotebookFile(path: path, notebook: result.notebook)
        file.warnings = result.warnings
        file.fingerprint = fingerprint
        return file
    }

    /// Whether the file on disk differs from what was read or last saved (size, modification time,
    /// then content). A deleted file does not count as changed.
    public func changedOnDisk() throws(NotebookFileError) -> Bool {
        guard let fingerprint else { return false }
        return try fingerprint.differs(fromFileAt: path)
    }

    /// Whether saving would write different bytes from those last read or written.
    public var saveWouldChangeFile: Bool {
        guard let fingerprint else { return true }
        var copy = notebook
        copy.repairCellIDs()
        let data = copy.serialized()
        return Int64(data.count) != fingerprint.size || FileFingerprint.hash(data) != fingerprint.contentHash
    }

    /// Saves the notebook in nbformat's exact form. Cells of 4.5+ notebooks get missing ids first.
    /// Throws `NotebookFileError.changedOnDisk` if the file changed since it was read, unless `force`.
    public mutating func save(force: Bool = false) throws(NotebookFileError) {
        if !force, try changedOnDisk() { throw .changedOnDisk(path: path) }
        notebook.repairCellIDs()
        fingerprint = try SafeFile.write(notebook.serialized(), to: path)
    }

    /// Saves `notebook` to `path` (no change detection).
    public static func save(_ notebook: Notebook, to path: String) throws(NotebookFileError) {
        var file = NotebookFile(path: path, notebook: notebook)
        try file.save(force: true)
    }
}
