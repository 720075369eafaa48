import Foundation
import Testing
import TestSupport

/// `callisto keys` through the built binary, with a private configuration folder.
@Suite struct KeysCommandTests {
    func withConfig(_ files: [String: String], _ body: ([String: String]) throws -> Void) throws {
        let tmp = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let dir = tmp.appendingPathComponent("callisto")
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try body(["XDG_CONFIG_HOME": tmp.path])
    }

    @Test func listsEveryContextOfTheDefaultKeymap() throws {
        try withConfig([:]) { env in
            let r = try ProcessRunner.callisto(["keys"], environment: env)
            #expect(r.status == 0, "\(r.stderrText)")
            #expect(r.stderrText.isEmpty)
            for context in ["[global]", "[notebook]", "[notebook-edit]", "[editor]", "[file-browser]", "[terminal]", "[palette]", "[dialog]"] {
                #expect(r.stdoutText.contains(context), "\(context)")
            }
            let lines = r.stdoutText.split(separator: "\n")
            #expect(lines.contains { $0.contains("<C-q>") && $0.contains("application:quit") && $0.contains("Quit Callisto") })
            #expect(lines.contains { $0.contains("d d") && $0.contains("notebook:delete-cell") })
        }
    }

    @Test func contextListingIncludesFallbacksAndUserBindings() throws {
        let keymap = """
            [notebook-edit]
            "<F5>" = "notebook:run-all-cells"
            "<C-e>" = ""
            """
        try withConfig(["keymap.toml": keymap]) { env in
            let r = try ProcessRunner.callisto(["keys", "--context", "notebook-edit"], environment: env)
            #expect(r.status == 0, "\(r.stderrText)")
            let lines = r.stdoutText.split(separator: "\n").map(String.init)
            #expect(lines[0].contains("keymap.toml"))
            #expect(lines.contains { $0.contains("<F5>") && $0.contains("notebook:run-all-cells") })
            #expect(lines.contains { $0.contains("<C-q>") && $0.contains("application:quit") && $0.contains("(global)") })
            #expect(lines.contains { $0.contains("<C-z>") && $0.contains("(editor)") })
            #expect(!lines.contains { $0.hasPrefix("  <C-e> ") })
            #expect(!r.stdoutText.contains("[notebook]"))
        }
    }

    @Test func keymapOptionAndConfigChooseTheKeymap() throws {
        try withConfig(["config.toml": "[editor]\nstyle = \"emacs\"\n"]) { env in
            let fromConfig = try ProcessRunner.callisto(["keys", "--context", "editor"], environment: env)
            #expect(fromConfig.stdoutText.contains("<C-x> <C-s>"))
            #expect(fromConfig.stdoutText.split(separator: "\n")[0].contains("emacs"))
            let vim = try ProcessRunner.callisto(["keys", "--keymap", "vim", "--context", "editor-normal"], environment: env)
            #expect(vim.status == 0)
            #expect(vim.stdoutText.contains("editor:enter-insert-mode"))
        }
    }

    @Test func problemsInUserFilesAreReportedWithFileAndLine() throws {
        try withConfig(["keymap.toml": "[notebook]\n\"x\" = \"notebook:cut-cell\"\n\"q\" = \"notebook:frobnicate\"\n"]) { env in
            let r = try ProcessRunner.callisto(["keys", "--context", "notebook"], environment: env)
            #expect(r.status == 0)
            let path = env["XDG_CONFIG_HOME"]! + "/callisto/keymap.toml"
            #expect(r.stderrText.contains("\(path):3: error: unknown command `notebook:frobnicate`"), "\(r.stderrText)")
        }
    }

    @Test func unknownContextIsAUsageError() throws {
        try withConfig([:]) { env in
            let r = try ProcessRunner.callisto(["keys", "--context", "nowhere"], environment: env)
            #expect(r.status == 64)
            #expect(r.stderrText.contains("notebook-edit"))
        }
    }

    @Test func commandsListingShowsKeysAndDocs() throws {
        try withConfig([:]) { env in
            let r = try ProcessRunner.callisto(["keys", "--commands", "--context", "notebook"], environment: env)
            #expect(r.status == 0)
            let line = r.stdoutText.split(separator: "\n").first { $0.contains("notebook:run-cell-and-select-next") }
            #expect(line?.contains("<C-r>") == true && line?.contains("<S-Enter>") == true)
        }
    }

    /// An installed binary finds `../share/callisto/Keymaps` and `Themes` beside it (what `make install` writes).
    @Test func installedFilesBesideTheBinaryAreFound() throws {
        let tmp = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let bin = tmp.appendingPathComponent("prefix/bin"), share = tmp.appendingPathComponent("prefix/share/callisto")
        for dir in [bin, share.appendingPathComponent("Keymaps"), share.appendingPathComponent("Themes")] {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        }
        try FileManager.default.copyItem(at: ProjectPaths.callisto, to: bin.appendingPathComponent("callisto"))
        try "inherits = \"default\"\n[notebook]\n\"<F7>\" = \"notebook:run-all-cells\"\n".write(
            to: share.appendingPathComponent("Keymaps/site.toml"), atomically: true, encoding: .utf8)
        try "inherits = \"dark\"\n\"ui.statusbar\" = \"nonsense-colour\"\n".write(
            to: share.appendingPathComponent("Themes/site.toml"), atomically: true, encoding: .utf8)
        let env = ["XDG_CONFIG_HOME": tmp.appendingPathComponent("config").path]
        let keys = try ProcessRunner.run(bin.appendingPathComponent("callisto"), ["keys", "--keymap", "site", "--context", "notebook"], environment: env)
        #expect(keys.status == 0, "\(keys.stderrText)")
        #expect(keys.stdoutText.contains("\(share.path)/Keymaps/site.toml"))
        #expect(keys.stdoutText.split(separator: "\n").contains { $0.contains("<F7>") && $0.contains("notebook:run-all-cells") })
        try FileManager.default.createDirectory(at: tmp.appendingPathComponent("config/callisto"), withIntermediateDirectories: true)
        try "[ui]\ntheme = \"site\"\n".write(to: tmp.appendingPathComponent("config/callisto/config.toml"), atomically: true, encoding: .utf8)
        let check = try ProcessRunner.run(bin.appendingPathComponent("callisto"), ["config", "--check"], environment: env)
        #expect(check.status == 1)
        #expect(check.stdoutText.contains("\(share.path)/Themes/site.toml:2: error:"), "\(check.stdoutText)")
    }
}
