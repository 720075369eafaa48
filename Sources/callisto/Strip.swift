import ArgumentParser
import NotebookFormat

/// `callisto strip FILE… [--keep-output]`: nbstripout's defaults, in place.
struct Strip: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove outputs, execution counts and volatile metadata from notebooks, in place.",
        discussion: """
            Like nbstripout with its defaults: outputs and execution counts are removed, and so are \
            metadata.signature, metadata.widgets and the cell metadata collapsed, scrolled, \
            ExecuteTime, execution, heading_collapsed and hidden. Cells tagged keep_output (or with \
            metadata keep_output: true) keep their outputs. Cell ids are kept.
            """
    )

    @Argument(help: "Notebooks to strip.")
    var files: [String]

    @Flag(name: .long, help: "Keep every cell's outputs (still removing execution counts and metadata).")
    var keepOutput = false

    @Flag(name: .long, help: "Keep execution counts.")
    var keepCount = false

    @Flag(name: .long, help: "Write even if a file changed on disk while being stripped.")
    var force = false

    func run() throws {
        var failed = false
        for path in files {
            do {
                var file = try CommandSupport.open(path)
                var options = NotebookStripper.Options()
                options.keepOutput = keepOutput
                options.keepCount = keepCount
                NotebookStripper.strip(&file.notebook, options: options)
                if file.saveWouldChangeFile {
                    try file.save(force: force)
                    print("\(path): stripped")
                } else {
                    print("\(path): already clean")
                }
            } catch {
                CommandSupport.error("\(error)")
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }
}
