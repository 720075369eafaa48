import Foundation
import NotebookFormat

/// Recovery copies of modified notebooks, written on SIGHUP and SIGTERM and periodically, so a
/// crash or a dropped connection loses little; offered back when the notebook is opened again.
///
/// Copies live in `$XDG_STATE_HOME/callisto/recovery/` (default `~/.local/state/...`), one per
/// notebook, named after the notebook's absolute path (a hash of it and the file name).
public struct NotebookRecovery: Sendable {
    /// The folder copies go to.
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// The folder from the environment: `$XDG_STATE_HOME/callisto/recovery`, else
    /// `$HOME/.local/state/callisto/recovery`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> NotebookRecovery {
        NotebookRecovery(directory: StateDirectory.path("recovery", environment: environment))
    }

    /// The copy's path for the notebook at `path`.
    public func copyPath(for path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let name = (absolute as NSString).lastPathComponent
        return (directory as NSString).appendingPathComponent(StateDirectory.hash(absolute) + "-" + name)
    }

    /// Writes `notebook` as the copy of `path`.
    public func write(_ notebook: Notebook, for path: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try NotebookFile.save(notebook, to: copyPath(for: path))
    }

    /// The copy of `path`, if one exists and reads as a notebook.
    public func copy(for path: String) -> Notebook? {
        let p = copyPath(for: path)
        guard FileManager.default.fileExists(atPath: p) else { return nil }
        return try? NotebookFile.open(path: p).notebook
    }

    /// Removes the copy of `path` (after a save, or when the user discards it).
    public func discard(for path: String) {
        try? FileManager.default.removeItem(atPath: copyPath(for: path))
    }
}

extension NotebookDocument {
    /// Writes a recovery copy when there are unsaved changes; returns whether one was written.
    @discardableResult
    public func writeRecovery(_ recovery: NotebookRecovery) -> Bool {
        guard isModified else { return false }
        return (try? recovery.write(model.notebook, for: path)) != nil
    }

    /// Replaces the cells by those of a recovery copy (an undoable cell action; the document is
    /// then modified).
    public func restore(_ notebook: Notebook) {
        model.replaceAllCells(with: notebook.cells)
    }
}

extension NotebookModel {
    /// Replaces every cell (one undoable step).
    public mutating func replaceAllCells(with newCells: [Cell]) {
        if mode == .edit { enterCommandMode() }
        var made = newCells.map { make($0) }
        if made.isEmpty { made = [make(newCell(.code))] }
        splice(0..<cells.count, with: made, selection: CellSelection(0))
    }
}
