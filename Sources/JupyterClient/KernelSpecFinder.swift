import Foundation

/// Finds kernelspecs like jupyter_client: every `kernels/` directory in `JupyterPaths.kernelDirectories`
/// order, the first directory holding a name wins, names are lower-cased, lookup ignores case.
public struct KernelSpecFinder: Sendable {
    /// The search rules.
    public var paths: JupyterPaths

    /// A finder over `paths`.
    public init(paths: JupyterPaths = JupyterPaths()) { self.paths = paths }

    /// Kernel name → kernel directory for every kernel found.
    public func kernelDirectories() -> [String: String] {
        var found: [String: String] = [:]
        let fm = FileManager.default
        for dir in paths.kernelDirectories {
            guard let entries = try? fm.contentsOfDirectory(atPath: dir) else { continue }
            for entry in entries.sorted() {
                let path = dir + "/" + entry
                guard fm.fileExists(atPath: path + "/kernel.json") else { continue }
                let name = entry.lowercased()
                if found[name] == nil { found[name] = path }
            }
        }
        return found
    }

    /// Every loadable kernelspec by name; specs that fail to load are reported through `problems`.
    public func allSpecs(problems: ((String) -> Void)? = nil) -> [String: KernelSpec] {
        var specs: [String: KernelSpec] = [:]
        for (name, dir) in kernelDirectories() {
            do { specs[name] = try KernelSpec.load(directory: dir) } catch {
                problems?("skipping kernel \(name): \(error)")
            }
        }
        return specs
    }

    /// The spec named `name` (case-insensitive).
    public func spec(named name: String) throws -> KernelSpec {
        let dirs = kernelDirectories()
        guard let dir = dirs[name.lowercased()] else {
            throw KernelError.noSuchKernel(name, available: dirs.keys.sorted())
        }
        return try KernelSpec.load(directory: dir)
    }
}
