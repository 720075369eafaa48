import Foundation

/// Finds the connection file of a running kernel like jupyter_client's `find_connection_file`
/// (`jupyter console --existing [NAME]`): an existing path as given; else a file of that name in the
/// current directory or the runtime directory; else the newest `*NAME*` match in the runtime
/// directory; no name means the newest `kernel-*.json` there.
public struct ConnectionFileFinder: Sendable {
    public var paths: JupyterPaths
    public var currentDirectory: String

    public init(paths: JupyterPaths = JupyterPaths(),
                currentDirectory: String = FileManager.default.currentDirectoryPath) {
        self.paths = paths
        self.currentDirectory = currentDirectory
    }

    /// The connection file for `name` (or the newest one when `nil`).
    public func find(_ name: String? = nil) throws -> String {
        let fm = FileManager.default
        let runtime = paths.runtimeDirectory
        if let name, !name.isEmpty {
            let expanded = name.hasPrefix("~/") ? paths.home + name.dropFirst() : name
            if fm.fileExists(atPath: expanded), name.contains("/") || fm.fileExists(atPath: currentDirectory + "/" + name) {
                return expanded.hasPrefix("/") ? expanded : currentDirectory + "/" + expanded
            }
            for dir in [currentDirectory, runtime] where fm.fileExists(atPath: dir + "/" + name) {
                return dir + "/" + name
            }
            let matches = jsonFiles(in: runtime).filter { ($0 as NSString).lastPathComponent.contains(name) }
            guard let newest = newestOf(matches) else {
                throw KernelError.invalidFile(path: name, reason: "no connection file matches in \(runtime)")
            }
            return newest
        }
        let candidates = jsonFiles(in: runtime).filter {
            let base = ($0 as NSString).lastPathComponent
            return base.hasPrefix("kernel-") && base.hasSuffix(".json")
        }
        guard let newest = newestOf(candidates) else {
            throw KernelError.invalidFile(path: runtime, reason: "no kernel connection files")
        }
        return newest
    }

    private func jsonFiles(in dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasSuffix(".json") }.map { dir + "/" + $0 }
    }

    private func newestOf(_ files: [String]) -> String? {
        files.max { modified($0) < modified($1) }
    }

    private func modified(_ path: String) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
    }
}
