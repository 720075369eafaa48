/// Which saved workspace a start restores and which one it keeps saving, from the command line.
///
/// - No paths: the working directory's workspace is restored and saved.
/// - Paths: only those files open; the directory's saved workspace is neither restored nor
///   overwritten (a quick look at one file does not replace the project's layout).
/// - `--workspace NAME`: that named workspace is restored and saved; paths open on top of it.
/// - `--no-restore`: nothing is restored and nothing saved; the saved workspace stays as it was.
public struct WorkspaceLaunch: Hashable, Sendable {
    /// The workspace to bring back, if any.
    public var restore: WorkspaceStore.Key?
    /// The workspace to save to while running and on exit, if any.
    public var save: WorkspaceStore.Key?

    public init(restore: WorkspaceStore.Key?, save: WorkspaceStore.Key?) {
        self.restore = restore
        self.save = save
    }

    /// The plan for a start in `directory` with `paths`, `--no-restore` and `--workspace name`.
    public static func plan(directory: String, paths: [String], noRestore: Bool, name: String?) -> WorkspaceLaunch {
        if noRestore { return WorkspaceLaunch(restore: nil, save: nil) }
        if let name { return WorkspaceLaunch(restore: .named(name), save: .named(name)) }
        if paths.isEmpty { return WorkspaceLaunch(restore: .directory(directory), save: .directory(directory)) }
        return WorkspaceLaunch(restore: nil, save: nil)
    }
}
