import ArgumentParser

/// The `callisto` command: opens the workspace, or runs one of the headless subcommands.
@main
struct Callisto: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "callisto",
        abstract: "JupyterLab for the terminal: a keyboard-driven notebook editor.",
        version: CallistoVersion.string,
        subcommands: [
            Open.self,
            Validate.self,
            Convert.self,
            Strip.self,
            Keys.self,
            Config.self,
            Kernels.self,
            Run.self,
        ],
        defaultSubcommand: Open.self
    )
}

/// The version printed by `callisto --version`.
enum CallistoVersion {
    static let string = "0.1.0"
}
