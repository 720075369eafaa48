import Foundation
import NotebookFormat

/// A document whose unsaved changes are kept as a recovery copy (on SIGHUP and SIGTERM and
/// periodically) and offered back when it is opened again: notebooks and text files alike.
public protocol RecoverableDocument: AnyObject {
    /// The file's path (the copy is named after it).
    var path: String { get }
    /// Whether there are unsaved changes.
    var isModified: Bool { get }
    /// Whether the file changed on disk since it was read or saved.
    var changedOnDisk: Bool { get }
    /// Writes a recovery copy when there are unsaved changes; returns whether one was written.
    @discardableResult func writeRecovery(_ recovery: NotebookRecovery) -> Bool
    /// Removes the recovery copy (after a save, or when the user discards it).
    func discardRecovery(_ recovery: NotebookRecovery)
    /// Saves to the file, refusing to overwrite a file changed on disk.
    func saveInPlace() throws(NotebookFileError)
}

extension NotebookDocument: RecoverableDocument {
    public func discardRecovery(_ recovery: NotebookRecovery) { recovery.discard(for: path) }
    public func saveInPlace() throws(NotebookFileError) { try save() }
}

extension TextDocument: RecoverableDocument {
    @discardableResult
    public func writeRecovery(_ recovery: NotebookRecovery) -> Bool {
        guard isModified else { return false }
        return (try? recovery.writeText(state.text, for: path)) != nil
    }

    public func discardRecovery(_ recovery: NotebookRecovery) { recovery.discardText(for: path) }
    public func saveInPlace() throws(NotebookFileError) { try save() }
}

/// Recovery copies of text files: beside the notebook copies, named after the file's path with
/// `.text` added, holding the text as it was.
extension NotebookRecovery {
    /// The text copy's path for the file at `path`.
    public func textCopyPath(for path: String) -> String { copyPath(for: path) + ".text" }

    /// Writes `text` as the copy of `path` (safely: a crash while writing keeps the older copy).
    public func writeText(_ text: String, for path: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try SafeFile.write(Data(text.utf8), to: textCopyPath(for: path))
    }

    /// The text copy of `path`, if one exists.
    public func text(for path: String) -> String? {
        guard let (data, _) = try? SafeFile.read(textCopyPath(for: path)) else { return nil }
        return String(validating: data, as: UTF8.self)
    }

    /// Removes the text copy of `path`.
    public func discardText(for path: String) {
        try? FileManager.default.removeItem(atPath: textCopyPath(for: path))
    }
}
