import Foundation
import NotebookFormat

/// Where saved workspaces live and how they are read and written.
///
/// Files go to `$XDG_STATE_HOME/callisto/workspaces/` (default `~/.local/state/...`): the workspace
/// of a working directory in `by-directory/<folder name>-<hash of the absolute path>.json` (the path
/// is stored inside too, so a hash collision is noticed), a named one in `named/<name>.json`.
/// Writes are atomic (temporary file, fsync, rename), so a crash mid-write leaves the old file.
/// Reading never fails hard: a missing file is `.none`, anything unreadable is `.unreadable` with a
/// message, and the damaged file is kept beside as `<file>.corrupt` for inspection.
public struct WorkspaceStore: Sendable {
    /// Which saved workspace.
    public enum Key: Hashable, Sendable {
        /// The one of a working directory (an absolute path).
        case directory(String)
        /// One saved under a name (`--workspace NAME`).
        case named(String)
    }

    /// What reading a saved workspace found.
    public enum LoadResult: Hashable, Sendable {
        case none
        case loaded(WorkspaceSnapshot)
        /// The file exists but cannot be used; the message says why.
        case unreadable(String)
    }

    /// The `workspaces` folder.
    public let folder: String

    public init(folder: String) { self.folder = folder }

    /// The folder from the environment: `$XDG_STATE_HOME/callisto/workspaces`, else
    /// `$HOME/.local/state/callisto/workspaces`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> WorkspaceStore {
        WorkspaceStore(folder: StateDirectory.path("workspaces", environment: environment))
    }

    /// Why `name` cannot name a workspace, or nil: 1 to 100 letters, digits, `-`, `_`, `.`, not
    /// starting with a dot.
    public static func problem(withName name: String) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        if name.isEmpty || name.count > 100 { return "a workspace name has 1 to 100 characters" }
        if name.hasPrefix(".") || !name.allSatisfy(allowed.contains) {
            return "workspace name \"\(name)\": use letters, digits, '-', '_' and '.' (not first)"
        }
        return nil
    }

    /// The file of `key`.
    public func path(for key: Key) -> String {
        switch key {
        case let .directory(dir):
            let base = (dir as NSString).lastPathComponent
            let safe = String(base.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }.prefix(40))
            return "\(folder)/by-directory/\(safe.isEmpty ? "root" : safe)-\(StateDirectory.hash(dir)).json"
        case let .named(name):
            return "\(folder)/named/\(name).json"
        }
    }

    /// Reads the workspace saved under `key`.
    public func load(_ key: Key) -> LoadResult {
        let file = path(for: key)
        guard FileManager.default.fileExists(atPath: file) else { return .none }
        guard let data = FileManager.default.contents(atPath: file) else {
            return .unreadable("cannot read the saved workspace \(file)")
        }
        switch Self.decode(data) {
        case let .success(snapshot):
            if case let .directory(dir) = key, snapshot.directory != dir {
                return .unreadable("the saved workspace file belongs to \(snapshot.directory), not \(dir): \(file)")
            }
            return .loaded(snapshot)
        case let .failure(message):
            keepCorrupt(file)
            return .unreadable("the saved workspace is damaged (\(message.text)); starting afresh; the file was kept as \(file).corrupt")
        }
    }

    /// A reason a workspace file was not usable.
    public struct DecodeFailure: Error, Hashable, Sendable { public var text: String }

    /// Decodes and checks a workspace file's bytes.
    public static func decode(_ data: Data) -> Result<WorkspaceSnapshot, DecodeFailure> {
        struct Version: Decodable { var version: Int? }
        guard let version = try? JSONDecoder().decode(Version.self, from: data) else {
            return .failure(DecodeFailure(text: "not a JSON object"))
        }
        guard let v = version.version else { return .failure(DecodeFailure(text: "no version")) }
        guard v <= WorkspaceSnapshot.currentVersion else {
            return .failure(DecodeFailure(text: "version \(v) is newer than this Callisto's \(WorkspaceSnapshot.currentVersion)"))
        }
        do {
            let snapshot = try JSONDecoder().decode(WorkspaceSnapshot.self, from: data)
            if let problem = snapshot.problem { return .failure(DecodeFailure(text: problem)) }
            return .success(snapshot)
        } catch let DecodingError.keyNotFound(key, context) {
            return .failure(DecodeFailure(text: "missing \(Self.describe(context.codingPath + [key]))"))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
                let DecodingError.dataCorrupted(context) {
            return .failure(DecodeFailure(text: "bad value at \(Self.describe(context.codingPath))"))
        } catch {
            return .failure(DecodeFailure(text: "\(error)"))
        }
    }

    private static func describe(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "the top" : path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    /// The JSON text of `snapshot` (sorted keys, indented, so files diff well).
    public static func encode(_ snapshot: WorkspaceSnapshot) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(snapshot)
    }

    /// Writes `snapshot` under `key` atomically, creating the folders.
    public func save(_ snapshot: WorkspaceSnapshot, as key: Key) throws {
        let file = path(for: key)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try SafeFile.write(Self.encode(snapshot), to: file)
    }

    /// Moves a damaged file aside so the next save does not lose what was in it.
    private func keepCorrupt(_ file: String) {
        let aside = file + ".corrupt"
        try? FileManager.default.removeItem(atPath: aside)
        try? FileManager.default.moveItem(atPath: file, toPath: aside)
    }
}
