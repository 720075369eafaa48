import ArgumentParser

/// `callisto [PATH…]`: open files in the workspace.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open notebooks and files in the workspace (the default command)."
    )

    @Argument(help: "Files to open.")
    var paths: [String] = []

    func run() throws {
        for path in paths { print(path) }
    }
}
