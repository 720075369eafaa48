import ArgumentParser
import Foundation
import NotebookFormat

/// `callisto convert FILE --to ipynb|py|md [-o OUT]`.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a notebook to nbformat's exact form, a py:percent script or Markdown.",
        discussion: """
            ipynb: the notebook rewritten exactly as nbformat writes it (a .py input is read as a \
            py:percent script, as jupytext reads it). py: a py:percent script as jupytext writes it. \
            md: Markdown with fenced code and text outputs. Without -o the result goes beside the input \
            with the new extension (rewriting a notebook in place for --to ipynb); -o - writes to \
            standard output.
            """
    )

    /// The target formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case ipynb, py, md
    }

    @Argument(help: "The notebook (.ipynb) or percent script (.py) to convert.")
    var file: String

    @Option(name: .long, help: "Target format: ipynb, py or md.")
    var to: Format

    @Option(name: .shortAndLong, help: "Output file (- for standard output).")
    var output: String?

    func run() throws {
        let notebook: Notebook
        do {
            if CommandSupport.isScript(file) {
                let (data, _) = try SafeFile.read(file)
                notebook = PercentScript.notebook(from: String(decoding: data, as: UTF8.self))
            } else {
                notebook = try CommandSupport.open(file).notebook
            }
        } catch {
            CommandSupport.error("\(error)")
            throw ExitCode.failure
        }
        let text: Data
        switch to {
        case .ipynb: text = notebook.serialized()
        case .py: text = Data(PercentScript.script(from: notebook).utf8)
        case .md: text = Data(MarkdownExport.markdown(from: notebook).utf8)
        }
        let destination = output ?? defaultOutput()
        if destination == "-" {
            FileHandle.standardOutput.write(text)
            return
        }
        do {
            try SafeFile.write(text, to: destination)
        } catch {
            CommandSupport.error("\(error)")
            throw ExitCode.failure
        }
        CommandSupport.error("\(file) → \(destination)")
    }

    /// The input path with the target extension.
    func defaultOutput() -> String {
        let url = URL(fileURLWithPath: file)
        let base = url.deletingPathExtension().lastPathComponent
        let dir = (file as NSString).deletingLastPathComponent
        let name = "\(base).\(to.rawValue)"
        return dir.isEmpty ? name : "\(dir)/\(name)"
    }
}
