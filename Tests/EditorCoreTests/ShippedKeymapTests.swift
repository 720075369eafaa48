import Foundation
import Testing
import TermCore
import TestSupport
@testable import EditorCore

/// Loads shipped keymaps from the embedded copies only (no user folder, no installed folder).
func shippedKeymap(_ name: String) -> KeymapLoader.Loaded {
    KeymapLoader(locator: ResourceLocator(userDirectory: nil, installedDirectory: nil)).load(name)
}

private func command(_ keymap: Keymap, _ notation: String, _ context: KeyContext) -> CommandID? {
    if case let .matched(b) = keymap.lookup(Key.sequence(notation)!, in: context) { return b.command }
    return nil
}

@Suite struct ShippedKeymapTests {
    static let names = ["default", "vim", "emacs"]

    @Test(arguments: names) func loadsWithoutProblems(name: String) {
        let loaded = shippedKeymap(name)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.description))")
        #expect(loaded.files.first == "<builtin>/Keymaps/default.toml")
        #expect(loaded.files.last == "<builtin>/Keymaps/\(name).toml")
    }

    @Test(arguments: names) func requiredDefaultsArePresent(name: String) {
        let keymap = shippedKeymap(name).keymap
        let required: [(String, KeyContext, CommandID)] = [
            ("<C-q>", .global, "application:quit"),
            ("<C-Space>", .global, "apputils:activate-command-palette"),
            ("<F1>", .global, "apputils:activate-command-palette"),
            ("<C-S-c>", .global, "apputils:activate-command-palette"),
            ("<C-s>", .global, "docmanager:save"),
            ("<C-b>", .global, "application:toggle-left-area"),
            ("<C-\\>", .terminal, "terminal:leave"),
        ]
        for (key, context, expected) in required {
            #expect(command(keymap, key, context) == expected, "\(name): \(key) in \(context)")
        }
        for context in [KeyContext.notebook, .notebookEdit] {
            #expect(command(keymap, "<C-e>", context) == "notebook:run-cell", "\(name) \(context)")
            #expect(command(keymap, "<C-Enter>", context) == "notebook:run-cell", "\(name) \(context)")
            #expect(command(keymap, "<C-r>", context) == "notebook:run-cell-and-select-next", "\(name) \(context)")
            #expect(command(keymap, "<S-Enter>", context) == "notebook:run-cell-and-select-next", "\(name) \(context)")
            #expect(command(keymap, "<A-Enter>", context) == "notebook:run-cell-and-insert-below", "\(name) \(context)")
            #expect(command(keymap, "<C-q>", context) == "application:quit", "\(name) \(context)")
            #expect(command(keymap, "<C-s>", context) == "docmanager:save", "\(name) \(context)")
        }
    }

    @Test func jupyterLabCommandModeKeys() {
        let keymap = shippedKeymap("default").keymap
        let expected: [(String, CommandID)] = [
            ("<Enter>", "notebook:enter-edit-mode"), ("j", "notebook:move-cursor-down"), ("k", "notebook:move-cursor-up"),
            ("<Down>", "notebook:move-cursor-down"), ("<Up>", "notebook:move-cursor-up"),
            ("J", "notebook:extend-marked-cells-below"), ("K", "notebook:extend-marked-cells-above"),
            ("<S-Down>", "notebook:extend-marked-cells-below"), ("<S-Up>", "notebook:extend-marked-cells-above"),
            ("a", "notebook:insert-cell-above"), ("b", "notebook:insert-cell-below"),
            ("x", "notebook:cut-cell"), ("c", "notebook:copy-cell"), ("v", "notebook:paste-cell-below"),
            ("V", "notebook:paste-cell-above"), ("d d", "notebook:delete-cell"),
            ("z", "notebook:undo-cell-action"), ("Z", "notebook:redo-cell-action"),
            ("y", "notebook:change-cell-to-code"), ("m", "notebook:change-cell-to-markdown"), ("r", "notebook:change-cell-to-raw"),
            ("1", "notebook:change-cell-to-heading-1"), ("6", "notebook:change-cell-to-heading-6"),
            ("M", "notebook:merge-cells"), ("<S-m>", "notebook:merge-cells"),
            ("i i", "notebook:interrupt-kernel"), ("0 0", "notebook:restart-kernel"), ("<C-a>", "notebook:select-all"),
        ]
        for (key, id) in expected { #expect(command(keymap, key, .notebook) == id, "\(key)") }
        #expect(command(keymap, "<Esc>", .notebookEdit) == "notebook:enter-command-mode")
    }

    /// Every binding needing extended keys (Shift/Ctrl+Enter, Ctrl+Shift+letter, …) has a binding of the
    /// same command, in the same context, that a plain xterm behind tmux can send.
    @Test(arguments: names) func everyExtendedKeyHasAPortableFallback(name: String) {
        let keymap = shippedKeymap(name).keymap
        for context in KeyContext.allCases {
            let trie = keymap.trie(for: context)
            for binding in trie.bindings where !binding.keys.allSatisfy(\.isPortable) {
                let fallbacks = trie.bindings(for: binding.command).filter { $0.keys.allSatisfy(\.isPortable) }
                #expect(!fallbacks.isEmpty, "\(name) [\(context.rawValue)] \(binding.notation) → \(binding.command) has no portable fallback")
            }
        }
    }

    /// Terminals send Ctrl+M, Ctrl+I, Ctrl+[, Ctrl+H and Ctrl+@ as Enter, Tab, Escape, Backspace and
    /// Ctrl+Space: a binding of them would never fire, or would take over those keys.
    @Test(arguments: names) func noBindingUsesAKeyTerminalsCannotTellApart(name: String) {
        let aliases = Set(["<C-m>", "<C-i>", "<C-[>", "<C-h>", "<C-@>"].map { Key(notation: $0)! })
        let keymap = shippedKeymap(name).keymap
        for context in KeyContext.allCases {
            for b in keymap.trie(for: context).bindings {
                #expect(b.keys.allSatisfy { !aliases.contains($0) }, "\(name) [\(context.rawValue)] \(b.notation)")
            }
        }
    }

    @Test func vimAndEmacsLayOverDefault() {
        let vim = shippedKeymap("vim").keymap
        #expect(command(vim, "g g", .notebook) == "notebook:move-cursor-to-top")
        #expect(command(vim, "<Esc>", .notebookEdit) == "editor:enter-normal-mode")
        let normal = vim.trie(chain: KeyContext.editingChain(.editorNormal, inCell: true))
        #expect(normal.lookup(Key.sequence("<Esc>")!) == .matched(vim.trie(for: .editorNormal).bindings(for: "notebook:enter-command-mode")[0]))
        if case let .matched(b) = normal.lookup(Key.sequence("<C-e>")!) { #expect(b.command == "notebook:run-cell") }
        else { Issue.record("<C-e> should run the cell in vim normal mode") }
        let emacs = shippedKeymap("emacs").keymap
        #expect(command(emacs, "<C-x> <C-s>", .editor) == "docmanager:save")
        #expect(command(emacs, "<C-e>", .editor) == "editor:cursor-line-end")
        #expect(command(emacs, "<C-e>", .notebookEdit) == "notebook:run-cell")
        #expect(command(emacs, "<C-x> u", .editor) == "editor:undo")
    }

    @Test func everyCommandIsDocumentedAndUnique() {
        let all = BuiltinCommands.all
        #expect(Set(all.map(\.id)).count == all.count)
        for c in all {
            #expect(!c.title.isEmpty && c.doc.count > 10, "\(c.id)")
            #expect(c.id == .none || c.id.rawValue.range(of: "^[a-z]+:[a-z0-9-]+$", options: .regularExpression) != nil, "\(c.id)")
        }
        #expect(all.count > 200)
    }
}

@Suite struct EmbeddedResourceTests {
    /// The binary's embedded copies are exactly the files in Keymaps/ and Themes/.
    @Test func embeddedCopiesEqualTheFilesOnDisk() throws {
        var onDisk: [String: String] = [:]
        for folder in ["Keymaps", "Themes"] {
            let dir = ProjectPaths.root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".toml") {
                onDisk["\(folder)/\(name)"] = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            }
        }
        #expect(Set(EmbeddedResources.files.keys) == Set(onDisk.keys))
        for (name, text) in onDisk { #expect(EmbeddedResources.files[name] == text, "\(name)") }
        #expect(onDisk.count >= 7)
    }

    @Test func userAndInstalledFilesComeBeforeEmbeddedOnes() throws {
        let tmp = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let user = tmp.appendingPathComponent("config/callisto"), share = tmp.appendingPathComponent("share/callisto")
        try FileManager.default.createDirectory(at: user.appendingPathComponent("keymaps"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: share.appendingPathComponent("Keymaps"), withIntermediateDirectories: true)
        try "[global]\n\"<F9>\" = \"settings:reload\"\n".write(to: share.appendingPathComponent("Keymaps/mine.toml"), atomically: true, encoding: .utf8)
        var locator = ResourceLocator(userDirectory: user, installedDirectory: share)
        var diagnostics: [ConfigDiagnostic] = []
        #expect(locator.find(.keymap, named: "mine", diagnostics: &diagnostics)?.origin == .installed)
        #expect(locator.find(.keymap, named: "default", diagnostics: &diagnostics)?.origin == .builtin)
        // A user keymap named like a shipped one replaces it, and may inherit the shipped one.
        try "inherits = \"default\"\n[global]\n\"<F9>\" = \"help:about\"\n".write(
            to: user.appendingPathComponent("keymaps/default.toml"), atomically: true, encoding: .utf8)
        let loaded = KeymapLoader(locator: locator).load("default")
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.files == ["<builtin>/Keymaps/default.toml", user.appendingPathComponent("keymaps/default.toml").path])
        if case let .matched(b) = loaded.keymap.lookup([Key(.function(9))], in: .global) { #expect(b.command == "help:about") }
        else { Issue.record("F9 unbound") }
        // Names are names, never paths.
        #expect(locator.find(.keymap, named: "../../etc/passwd", diagnostics: &diagnostics) == nil)
        #expect(!ResourceLocator.isValidName(".hidden") && ResourceLocator.isValidName("solarized-dark"))
        locator.embedded = [:]
        #expect(locator.find(.keymap, named: "default", diagnostics: &diagnostics)?.origin == .user)
        #expect(diagnostics.isEmpty)
    }

    @Test func inheritanceLoopsAndMissingParentsAreReported() throws {
        let tmp = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let dir = tmp.appendingPathComponent("keymaps")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "inherits = \"b\"\n".write(to: dir.appendingPathComponent("a.toml"), atomically: true, encoding: .utf8)
        try "inherits = \"a\"\n".write(to: dir.appendingPathComponent("b.toml"), atomically: true, encoding: .utf8)
        try "\n\ninherits = \"nowhere\"\n".write(to: dir.appendingPathComponent("c.toml"), atomically: true, encoding: .utf8)
        let loader = KeymapLoader(locator: ResourceLocator(userDirectory: tmp, installedDirectory: nil))
        let loop = loader.load("a")
        #expect(loop.diagnostics.contains { $0.message.contains("loop") && $0.line == 1 })
        let missing = loader.load("c")
        #expect(missing.diagnostics.contains { $0.message.contains("`nowhere`") && $0.line == 3 })
        let unknown = loader.load("no-such-keymap")
        #expect(unknown.diagnostics.contains { $0.message.contains("using `default`") })
        #expect(unknown.files == ["<builtin>/Keymaps/default.toml"])
    }
}
