import Foundation

/// Where Jupyter keeps its data and runtime files, following jupyter_core on Linux and macOS.
///
/// The environment is passed in so the rules can be tested; the default is the process environment.
public struct JupyterPaths: Sendable {
    /// The environment the rules read.
    public var environment: [String: String]
    /// The home directory.
    public var home: String

    /// Paths computed from `environment` (default: this process's).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        self.home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }

    private func value(_ name: String) -> String? {
        guard let v = environment[name], !v.isEmpty else { return nil }
        return v
    }

    /// The user data directory: `$JUPYTER_DATA_DIR`, else `${XDG_DATA_HOME:-~/.local/share}/jupyter`
    /// (`~/Library/Jupyter` on macOS).
    public var userDataDirectory: String {
        if let d = value("JUPYTER_DATA_DIR") { return d }
        #if os(macOS)
        return home + "/Library/Jupyter"
        #else
        return (value("XDG_DATA_HOME") ?? home + "/.local/share") + "/jupyter"
        #endif
    }

    /// The Python environment prefix Jupyter would call `sys.prefix`: `$VIRTUAL_ENV`, else `$CONDA_PREFIX`.
    public var environmentPrefix: String? { value("VIRTUAL_ENV") ?? value("CONDA_PREFIX") }

    /// Whether the environment directory comes before the user directory.
    ///
    /// `JUPYTER_PREFER_ENV_PATH` decides when set (false only for `0 false no off n 0.0` and similar);
    /// otherwise the environment is preferred inside a virtualenv or a non-base conda environment.
    public var prefersEnvironmentPath: Bool {
        if let raw = environment["JUPYTER_PREFER_ENV_PATH"] {
            return !["0", "false", "no", "off", "n", "0.0"].contains(raw.lowercased())
        }
        if value("VIRTUAL_ENV") != nil { return true }
        if let conda = value("CONDA_PREFIX") {
            return environment["CONDA_DEFAULT_ENV"] != "base" && FileManager.default.isWritableFile(atPath: conda)
        }
        return false
    }

    /// The system data directories.
    public static let systemDataDirectories = ["/usr/local/share/jupyter", "/usr/share/jupyter"]

    /// Jupyter data directories in search order: `$JUPYTER_PATH` entries, user and environment
    /// (ordered by `prefersEnvironmentPath`), then the system directories, without duplicates.
    public var dataDirectories: [String] {
        var dirs: [String] = []
        func add(_ d: String) {
            var path = d
            while path.count > 1, path.hasSuffix("/") { path.removeLast() }
            if !path.isEmpty, !dirs.contains(path) { dirs.append(path) }
        }
        if let jp = value("JUPYTER_PATH") {
            for entry in jp.split(separator: ":", omittingEmptySubsequences: true) { add(String(entry)) }
        }
        let user = [userDataDirectory]
        var env: [String] = []
        if let prefix = environmentPrefix {
            let d = prefix + "/share/jupyter"
            if !Self.systemDataDirectories.contains(d) { env.append(d) }
        }
        for d in prefersEnvironmentPath ? env + user : user + env { add(d) }
        for d in Self.systemDataDirectories { add(d) }
        return dirs
    }

    /// The directories searched for kernelspecs: each data directory's `kernels`, then `~/.ipython/kernels`.
    public var kernelDirectories: [String] {
        dataDirectories.map { $0 + "/kernels" } + [home + "/.ipython/kernels"]
    }

    /// The runtime directory for connection files: `$JUPYTER_RUNTIME_DIR`, else `<user data dir>/runtime`.
    public var runtimeDirectory: String {
        value("JUPYTER_RUNTIME_DIR") ?? userDataDirectory + "/runtime"
    }

    /// Creates the runtime directory (mode 0700) when missing and returns it.
    public func ensureRuntimeDirectory() throws -> String {
        let dir = runtimeDirectory
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) {
            guard isDir.boolValue else { throw KernelError.launchFailed("runtime path \(dir) is not a directory") }
            return dir
        }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        chmod(dir, 0o700)
        return dir
    }
}
