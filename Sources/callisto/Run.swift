import Foundation
import ArgumentParser
import JupyterClient
import NotebookFormat
import Rendering

/// Why `callisto run` could not start.
enum RunFailure: Error, CustomStringConvertible {
    case usage(String)
    var description: String {
        switch self {
        case .usage(let m): return m
        }
    }
}

/// `callisto run NOTEBOOK`: execute a notebook headlessly, like `jupyter execute` / papermill.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Execute a notebook on its kernel (like `jupyter execute` and papermill).",
        discussion: """
            Code cells run in order; outputs, execution counts and metadata.execution timings are \
            recorded as nbclient records them. The first error stops the run (exit status 1, \
            traceback on stderr) unless --allow-errors; the notebook is still written with the \
            outputs so far. Without -o or --inplace nothing is written. Ctrl+C interrupts the \
            kernel; a second Ctrl+C stops the run and shuts the kernel down.
            """
    )

    @Argument(help: "The notebook to run.")
    var notebook: String

    @Option(name: [.short, .customLong("output")], help: "Write the executed notebook here.")
    var output: String?

    @Flag(help: "Overwrite the input notebook with the executed one.")
    var inplace = false

    @Option(help: "Kernel name (default: the notebook's kernelspec, else python3).")
    var kernel: String?

    @Option(help: ArgumentHelp("Run on an already running kernel (never shut down): a connection file path, a file name in the Jupyter runtime directory, or part of one (the newest match).",
                               valueName: "file"))
    var existing: String?

    @Option(help: "Seconds each cell may run before it is interrupted and the run fails.")
    var timeout: Double?

    @Flag(help: "Keep going after cells that raise errors.")
    var allowErrors = false

    @Option(name: .customShort("p"), parsing: .upToNextOption,
            help: ArgumentHelp("Parameter NAME VALUE, injected after the cell tagged `parameters` (repeatable).",
                               valueName: "name value"))
    var parameters: [String] = []

    func validate() throws {
        if output != nil && inplace { throw ValidationError("use either -o/--output or --inplace, not both") }
        if existing != nil && kernel != nil { throw ValidationError("use either --existing or --kernel, not both") }
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be positive") }
    }

    func run() throws {
        let status = execute()
        if status != 0 { throw ExitCode(status) }
    }

    private func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("callisto run: \(message)\n".utf8))
        return 1
    }

    private func execute() -> Int32 {
        var nb: Notebook
        do { nb = try NotebookFile.open(path: notebook).notebook } catch { return fail("\(error)") }
        let params: RunParameters
        do { params = try RunParameters(flat: parameters) } catch { return fail("\(error)") }
        let session: RunSession
        do { session = try RunSession.open(notebook: notebook, kernel: kernel ?? nb.kernelName, existing: existing) } catch {
            return fail("\(error)")
        }
        defer { session.close() }
        if !params.isEmpty {
            do { try ParameterCell.inject(params, language: session.language, into: &nb) } catch { return fail("\(error)") }
        }
        let runner = NotebookRunner(notebook: nb, client: session.client, interrupt: session.interrupt, timeout: timeout,
                                    allowErrors: allowErrors, showProgress: isatty(2) != 0)
        let outcome = runner.run()
        session.close()

        var status: Int32 = 0
        switch outcome {
        case .completed: break
        case .cellFailed(let index, let ename, let evalue, let traceback):
            let tb = traceback.joined(separator: "\n")
            status = fail("error in cell \(index + 1) (\(ename): \(evalue))\n"
                          + (isatty(2) != 0 ? tb : AnsiText.plainText(tb)))
        case .timedOut(let index, let seconds):
            status = fail("cell \(index + 1) timed out after \(seconds) s")
        case .kernelDied(let index, let reason):
            status = fail("kernel died\(index.map { " in cell \($0 + 1)" } ?? ""): \(reason)")
        case .stopped:
            FileHandle.standardError.write(Data("callisto run: stopped\n".utf8))
            status = 130
        }
        if let target = inplace ? notebook : output {
            do { try NotebookFile.save(runner.notebook, to: target) } catch { return fail("\(error)") }
        }
        return status
    }
}
