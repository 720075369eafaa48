import ArgumentParser
import EditorCore
import Foundation

/// `callisto keys`: the effective key bindings after merging the user's files.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "List the effective key bindings (shipped keymap, then keymaps/ and keymap.toml of the configuration folder).",
        discussion: """
        Without --context, each context's own bindings are listed. With --context, every key that works \
        in that context is listed, including those it falls back to (marked with the context they come \
        from). Contexts: \(KeyContext.allCases.map(\.rawValue).joined(separator: ", ")).
        """
    )

    @Option(name: .long, help: "Only this context, with its fallbacks.")
    var context: String?

    @Option(name: .long, help: "Keymap name (default, vim, emacs, or one of yours); default: from config.toml.")
    var keymap: String?

    @Flag(name: .long, help: "List every command with its keys and doc string instead.")
    var commands = false

    func run() throws {
        let locator = ResourceLocator.standard()
        let (configuration, configDiagnostics) = Configuration.load(from: locator.configFile)
        let settings = EditorSettings.load(configuration: configuration, diagnostics: configDiagnostics,
                                           keymapName: keymap, locator: locator)
        for d in settings.diagnostics { printError(d.description) }

        var selected = KeyContext.allCases
        if let context {
            guard let c = KeyContext(rawValue: context) else {
                throw ValidationError("unknown context `\(context)`; contexts are: \(KeyContext.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            selected = [c]
        }
        print("# keymap \(keymap ?? configuration.keymapName): \(settings.keymapFiles.joined(separator: ", "))")
        if commands {
            printCommands(settings.keymap, contexts: selected)
            return
        }
        for c in selected {
            print("\n[\(c.rawValue)]  \(c.doc)")
            let rows: [(String, String, String)] = context == nil
                ? (settings.keymap.bindings[c] ?? []).sorted { $0.notation < $1.notation }
                    .filter { $0.command != .none }.map { ($0.notation, $0.command.rawValue, doc($0.command)) }
                : settings.keymap.effectiveBindings(in: c).map { b, from in
                    (b.notation, b.command.rawValue + (from == c ? "" : "  (\(from.rawValue))"), doc(b.command))
                }
            printTable(rows)
        }
    }

    private func doc(_ id: CommandID) -> String { CommandRegistry.builtin[id]?.doc ?? "" }

    private func printCommands(_ keymap: Keymap, contexts: [KeyContext]) {
        let registry = CommandRegistry.builtin
        for c in contexts {
            let list = registry.commands.filter { $0.context == c && $0.id != .none }
            guard !list.isEmpty else { continue }
            print("\n[\(c.rawValue)]")
            let trie = keymap.trie(for: c)
            printTable(list.map { info in
                let keys = trie.bindings(for: info.id).map(\.notation).joined(separator: ", ")
                return (info.id.rawValue, keys.isEmpty ? "-" : keys, info.doc)
            })
        }
    }

    private func printTable(_ rows: [(String, String, String)]) {
        let w0 = min(rows.map(\.0.count).max() ?? 0, 24), w1 = min(rows.map(\.1.count).max() ?? 0, 48)
        for (a, b, c) in rows {
            print("  " + a.padding(toLength: max(w0, a.count), withPad: " ", startingAt: 0) + "  "
                  + b.padding(toLength: max(w1, b.count), withPad: " ", startingAt: 0) + "  " + c)
        }
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
