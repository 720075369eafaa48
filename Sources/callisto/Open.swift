import ArgumentParser
import EditorCore
import Foundation
import NotebookFormat

/// `callisto [PATH…]`: open files in the full-screen workspace. When standard input or output is not
/// a terminal, or with `--summary`, it reads and validates each file and prints a short summary instead.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open notebooks and files in the workspace (the default command)."
    )

    @Argument(help: "Files to open.")
    var paths: [String] = []

    @Flag(name: .long, help: "Print a summary of each file instead of opening the workspace.")
    var summary = false

    @Flag(name: .long, help: "Start without the saved workspace of this directory (and leave it as it was).")
    var noRestore = false

    @Option(name: .long, help: ArgumentHelp("Restore and save the workspace saved under this name.", valueName: "name"))
    var workspace: String?

    func validate() throws {
        if let workspace, let problem = WorkspaceStore.problem(withName: workspace) { throw ValidationError(problem) }
    }

    func run() throws {
        if !summary && isatty(0) == 1 && isatty(1) == 1 {
            let status: Int32
            do {
                status = try App.run(paths: paths, noRestore: noRestore, workspace: workspace)
            } catch {
                CommandSupport.error("callisto: \(error)")
                throw ExitCode.failure
            }
            if status != 0 { throw ExitCode(status) }
            return
        }
        try printSummary()
    }

    /// The non-interactive form: one line per file.
    private func printSummary() throws {
        var failed = false
        for path in paths {
            if CommandSupport.isScript(path) || !path.lowercased().hasSuffix(".ipynb") {
                var isDirectory: ObjCBool = false
                if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                    CommandSupport.error("\(path): no such file")
                    failed = true
                } else {
                    print("\(path): \(isDirectory.boolValue ? "directory" : "file")")
                }
                continue
            }
            do {
                let file = try CommandSupport.open(path)
                let issues = NotebookValidator.validate(file.notebook)
                print("\(path): \(NotebookSummary(file.notebook).text)\(issues.isEmpty ? "" : ", INVALID")")
                for issue in issues {
                    CommandSupport.error("\(path): \(issue)")
                }
                if !issues.isEmpty { failed = true }
            } catch {
                CommandSupport.error("\(error)")
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }
}

/// A one-line description of a notebook: version, kernel, cells by type, outputs.
struct NotebookSummary {
    let text: String

    init(_ notebook: Notebook) {
        var counts: [String: Int] = [:]
        var order: [String] = []
        var outputs = 0
        for cell in notebook.cells {
            let t = cell.cellType.rawValue
            if counts[t] == nil { order.append(t) }
            counts[t, default: 0] += 1
            outputs += cell.outputs.count
        }
        let byType = order.sorted { ["code", "markdown", "raw"].firstIndex(of: $0) ?? 9 < ["code", "markdown", "raw"].firstIndex(of: $1) ?? 9 }
            .map { "\(counts[$0]!) \($0)" }.joined(separator: ", ")
        let kernel: String
        if let name = notebook.kernelName {
            let display = notebook.metadata["kernelspec"]?["display_name"]?.stringValue
            kernel = "kernel \(name)" + (display.map { " (\($0))" } ?? "")
        } else {
            kernel = "no kernel"
        }
        let cells = "\(notebook.cells.count) cell\(notebook.cells.count == 1 ? "" : "s")"
        text = "nbformat \(notebook.nbformat).\(notebook.nbformatMinor), \(kernel), \(cells)"
            + (byType.isEmpty ? "" : " (\(byType))") + ", \(outputs) output\(outputs == 1 ? "" : "s")"
    }
}
