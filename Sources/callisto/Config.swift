import ArgumentParser
import EditorCore
import Foundation

/// `callisto config`: where configuration is read from, the default file, and a checker.
struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show, check or print the default configuration (config.toml, keymap.toml, themes).",
        discussion: """
        Configuration is read from $XDG_CONFIG_HOME/callisto/ (default ~/.config/callisto/). Without an \
        option, prints the files read and the options that differ from their defaults.
        """
    )

    @Flag(name: .customLong("default"), help: "Print a complete, commented config.toml with every option at its default.")
    var printDefault = false

    @Flag(name: .long, help: "Check config.toml, keymap.toml and the chosen theme; print located messages; exit 1 on errors.")
    var check = false

    func run() throws {
        if printDefault {
            print(Configuration.defaultFileText(), terminator: "")
            return
        }
        let locator = ResourceLocator.standard()
        let settings = EditorSettings.load(locator: locator)
        if check {
            for d in settings.diagnostics { print(d.description) }
            let errors = settings.diagnostics.filter { $0.severity == .error }.count
            let warnings = settings.diagnostics.count - errors
            if settings.diagnostics.isEmpty {
                print("ok: \(locator.configFile?.path ?? "no configuration folder") (theme \(settings.theme.name), keymap \(settings.configuration.keymapName))")
            } else {
                print("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            }
            if errors > 0 { throw ExitCode(1) }
            return
        }
        let present = { (url: URL?) -> String in
            guard let url else { return "(no HOME or XDG_CONFIG_HOME)" }
            return url.path + (FileManager.default.fileExists(atPath: url.path) ? "" : "  (not present)")
        }
        print("config:  \(present(locator.configFile))")
        print("keymap:  \(present(locator.userKeymapFile))")
        print("themes:  \(present(locator.userDirectory?.appendingPathComponent("themes")))")
        print("shipped: \(locator.installedDirectory?.path ?? "-") (else built in)")
        print("theme \(settings.theme.name); keymap \(settings.configuration.keymapName): \(settings.keymapFiles.joined(separator: ", "))")
        for name in settings.configuration.changedOptions {
            print("\(name) = \(settings.configuration[name]!)")
        }
        for d in settings.diagnostics { printError(d.description) }
    }
}
