import ArgumentParser
import NotebookFormat

/// `callisto validate FILE…`: checks notebooks against the nbformat 4 schema.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check notebooks against the nbformat 4 schema.",
        discussion: """
            Prints each problem as FILE: JSON-PATH: message on standard error. Exits with 0 when every \
            file is a valid notebook, 1 otherwise.
            """
    )

    @Argument(help: "Notebooks to check.")
    var files: [String]

    @Flag(name: .shortAndLong, help: "Print nothing for valid files.")
    var quiet = false

    func run() throws {
        var failed = false
        for path in files {
            let file: NotebookFile
            do { file = try CommandSupport.open(path) } catch {
                CommandSupport.error("\(error)")
                failed = true
                continue
            }
            let issues = NotebookValidator.validate(file.notebook)
            if issues.isEmpty {
                if !quiet { print("\(path): valid (nbformat \(file.notebook.nbformat).\(file.notebook.nbformatMinor))") }
            } else {
                failed = true
                for issue in issues { CommandSupport.error("\(path): \(issue)") }
                CommandSupport.error("\(path): invalid: \(issues.count) problem\(issues.count == 1 ? "" : "s")")
            }
        }
        if failed { throw ExitCode.failure }
    }
}
