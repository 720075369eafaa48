import Foundation
import Testing
import TestSupport

/// `callisto config` through the built binary, with a private configuration folder.
@Suite struct ConfigCommandTests {
    func withConfig(_ files: [String: Data], _ body: ([String: String], URL) throws -> Void) throws {
        let tmp = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let dir = tmp.appendingPathComponent("callisto")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, data) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        try body(["XDG_CONFIG_HOME": tmp.path], dir)
    }

    @Test func defaultPrintsACommentedFileThatChecksClean() throws {
        try withConfig([:]) { env, dir in
            let r = try ProcessRunner.callisto(["config", "--default"], environment: env)
            #expect(r.status == 0)
            #expect(r.stdoutText.contains("[notebook]"))
            #expect(r.stdoutText.contains("# autosave-interval = 120"))
            #expect(r.stdoutText.contains("# escape-key = \"<C-\\\\>\""))
            try Data(r.stdout).write(to: dir.appendingPathComponent("config.toml"))
            let check = try ProcessRunner.callisto(["config", "--check"], environment: env)
            #expect(check.status == 0, "\(check.stdoutText)")
            #expect(check.stdoutText.hasPrefix("ok: "))
        }
    }

    @Test func checkReportsLocatedErrorsAndFails() throws {
        let config = "[editor]\nstyle = \"vim\"\n\n[notebook]\nautosave-interval = \"often\"\n[ui]\ntheme = \"mine\"\n"
        let theme = "inherits = \"dark\"\n\"ui.statusbar\" = { fg = \"purpleish\" }\n"
        try withConfig(["config.toml": Data(config.utf8), "themes/mine.toml": Data(theme.utf8)]) { env, dir in
            let r = try ProcessRunner.callisto(["config", "--check"], environment: env)
            #expect(r.status == 1)
            let out = r.stdoutText
            #expect(out.contains("\(dir.path)/config.toml:5: error: `notebook.autosave-interval` must be an integer"), "\(out)")
            #expect(out.contains("\(dir.path)/themes/mine.toml:2: error:") && out.contains("purpleish"))
            #expect(out.contains("2 errors, 0 warnings"))
        }
    }

    @Test func garbageConfigNeverCrashes() throws {
        var bytes = [UInt8](repeating: 0, count: 4096)
        for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: i &* 7919 &+ 13) }
        for data in [Data(bytes), Data("[[[[[[[[".utf8), Data("x = 1e999999999\n".utf8), Data([0xff, 0xff])] {
            try withConfig(["config.toml": data, "keymap.toml": data]) { env, _ in
                let r = try ProcessRunner.callisto(["config", "--check"], environment: env)
                #expect(r.status == 1)
                #expect(r.stdoutText.contains("config.toml"))
                let keys = try ProcessRunner.callisto(["keys", "--context", "global"], environment: env)
                #expect(keys.status == 0)
                #expect(keys.stdoutText.contains("application:quit"))
            }
        }
    }

    @Test func plainConfigShowsFilesAndChangedOptions() throws {
        try withConfig(["config.toml": Data("[ui]\nmouse = false\n".utf8)]) { env, dir in
            let r = try ProcessRunner.callisto(["config"], environment: env)
            #expect(r.status == 0)
            #expect(r.stdoutText.contains("config:  \(dir.path)/config.toml\n"))
            #expect(r.stdoutText.contains("ui.mouse = false"))
            #expect(r.stdoutText.contains("keymap.toml  (not present)"))
        }
    }
}
