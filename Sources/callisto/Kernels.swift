import Foundation
import ArgumentParser
import JupyterProtocol
import JupyterClient

/// `callisto kernels`: the installed kernelspecs, like `jupyter kernelspec list`.
struct Kernels: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernels",
        abstract: "List the installed Jupyter kernels (like `jupyter kernelspec list`).",
        discussion: """
            Kernels are searched in $JUPYTER_PATH, the user data directory, the active environment \
            ($VIRTUAL_ENV or $CONDA_PREFIX) and /usr/local/share/jupyter, /usr/share/jupyter; \
            the first directory holding a name wins.
            """
    )

    @Flag(name: .long, help: "Print JSON in the shape of `jupyter kernelspec list --json`.")
    var json = false

    func run() throws {
        let finder = KernelSpecFinder()
        if json {
            let specs = finder.allSpecs { FileHandle.standardError.write(Data("callisto: \($0)\n".utf8)) }
            var entries: [String: MessageJSON] = [:]
            for (name, spec) in specs {
                entries[name] = ["resource_dir": .string(spec.resourceDirectory), "spec": spec.json]
            }
            print(JSONPretty.string(["kernelspecs": .object(entries)]))
            return
        }
        let dirs = finder.kernelDirectories()
        guard !dirs.isEmpty else {
            print("No kernels available")
            return
        }
        let width = dirs.keys.map(\.count).max() ?? 0
        print("Available kernels:")
        for name in dirs.keys.sorted(by: { ($0 == "python3" ? 0 : 1, $0) < ($1 == "python3" ? 0 : 1, $1) }) {
            print("  \(name.padding(toLength: width, withPad: " ", startingAt: 0))    \(dirs[name]!)")
        }
    }
}
