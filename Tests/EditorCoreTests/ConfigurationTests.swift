import Foundation
import Testing
import TestSupport
@testable import EditorCore
import TermCore

@Suite struct ConfigurationTests {
    @Test func declarationsAreUniqueAndDefaultsValidate() {
        let names = ConfigDeclarations.all.map(\.name)
        #expect(Set(names).count == names.count)
        for option in ConfigDeclarations.all {
            #expect(option.name.split(separator: ".").count == 2, "\(option.name)")
            #expect(!option.doc.isEmpty)
            let node: TOMLNode
            switch option.defaultValue {
            case let .bool(b): node = .bool(b)
            case let .integer(i): node = .integer(i)
            case let .string(s): node = .string(s)
            }
            #expect(option.validate(node) == .valid(option.defaultValue), "\(option.name)")
        }
        let config = Configuration()
        #expect(config.autosaveInterval == 120 && config.editingStyle == "default" && config.themeName == "dark")
        #expect(config.keymapName == "default" && config.terminalEscapeKey == "<C-\\>" && config.osc52Clipboard)
        #expect(config.changedOptions.isEmpty)
    }

    @Test func readsValuesOverTheDefaults() {
        let (config, diagnostics) = Configuration.parse(text: """
            [editor]
            style = "vim"
            line-numbers = true
            [notebook]
            autosave-interval = 0
            [terminal]
            escape-key = "<F12>"
            """, file: "config.toml")
        #expect(diagnostics.isEmpty)
        #expect(config.editingStyle == "vim" && config.keymapName == "vim" && config.lineNumbers)
        #expect(config.autosaveInterval == nil)
        #expect(config.terminalEscapeKey == "<F12>")
        #expect(config.changedOptions == ["editor.style", "editor.line-numbers", "notebook.autosave-interval", "terminal.escape-key"])
    }

    @Test func unknownKeysAndBadValuesAreLocatedAndFallBack() {
        let text = """
            # my settings
            theme = "light"
            [editor]
            style = "nano"
            tab-width = "four"
            linenumbers = true
            [notebook]
            autosave-interval = 99999999
            output-max-lines = -5
            [terminal]
            escape-key = "<S-Enter>"
            [colours]
            x = 1
            [ui]
            theme = "../../../etc/passwd"
            """
        let (config, diagnostics) = Configuration.parse(text: text, file: "/home/u/.config/callisto/config.toml")
        #expect(diagnostics.map(\.line) == [2, 4, 5, 6, 8, 9, 11, 12, 15])
        #expect(diagnostics.allSatisfy { $0.file == "/home/u/.config/callisto/config.toml" })
        #expect(diagnostics[0].message.contains("did you mean `ui.theme`"))
        #expect(diagnostics[1].message.contains("\"nano\"") && diagnostics[1].message.contains("using the default \"default\""))
        #expect(diagnostics[3].message.contains("did you mean `editor.line-numbers`"))
        #expect(diagnostics[4].message.contains("from 0 to 86400"))
        #expect(diagnostics[6].message.contains("cannot be sent by every terminal"))
        #expect(config.changedOptions.isEmpty)
        #expect(diagnostics[0].description.hasPrefix("/home/u/.config/callisto/config.toml:2: error:"))
    }

    @Test(arguments: [
        ("[editor\nstyle = \"vim\"\n", 1),
        ("[editor]\nstyle = \"vim\nline-numbers = true\n", 2),
        ("[notebook]\nautosave-interval = 999999999999999999999999\n", 2),
        ("[editor]\nstyle = \"vim\"\n[editor]\nstyle = \"emacs\"\n", 3),
        ("a = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", 1),
        // Headers that make toml++ trap instead of failing: caught before it sees them.
        ("[[[[[[[[\n", 1),
        ("[editor]\nstyle = \"vim\"\n[{\n", 3),
        ("x = 1\n[[ =x]]\n", 2),
        ("[\r\n", 1),
        ("s = \"\"\"\n[{ inside a string is fine\n\"\"\"\n[[}\n", 4),
    ])
    func malformedTOMLGivesALocatedSyntaxError(text: String, line: Int) {
        let (config, diagnostics) = Configuration.parse(text: text, file: "c.toml")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == line, "\(diagnostics)")
        #expect(diagnostics.first?.message.hasPrefix("TOML syntax") == true)
        #expect(config.changedOptions.isEmpty)
    }

    @Test func garbageNeverCrashes() throws {
        var generator = SystemRandomNumberGenerator()
        for size in [1, 10, 100, 10_000] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = String(decoding: bytes, as: UTF8.self)
            _ = Configuration.parse(text: text, file: "garbage.toml")
        }
        let (_, nul) = Configuration.parse(text: "[editor]\nstyle = \"vim\"\n\u{0}\u{1}", file: "nul.toml")
        #expect(nul.first?.line == 3 && nul.first?.message.contains("NUL") == true)
        let deep = String(repeating: "[", count: 100_000)
        #expect(!Configuration.parse(text: "a = " + deep, file: "deep.toml").1.isEmpty)
        let huge = String(repeating: "# padding\n", count: 200_000)
        #expect(Configuration.parse(text: huge, file: "huge.toml").1.first?.message.contains("larger than") == true)

        let tmp = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let binary = tmp.appendingPathComponent("config.toml")
        try Data([0xff, 0xfe, 0x00, 0x41, 0xc3]).write(to: binary)
        let (_, d) = Configuration.load(from: binary)
        #expect(d.first?.message.contains("UTF-8") == true && d.first?.file == binary.path)
        #expect(Configuration.load(from: tmp.appendingPathComponent("absent.toml")).1.isEmpty)
        let (_, dir) = Configuration.load(from: tmp)
        #expect(dir.first?.message.contains("directory") == true)
    }

    @Test func defaultFileParsesAndUncommentingEveryOptionGivesTheDefaults() {
        let text = Configuration.defaultFileText()
        let (plain, d1) = Configuration.parse(text: text, file: "default.toml")
        #expect(d1.isEmpty && plain.changedOptions.isEmpty)
        for option in ConfigDeclarations.all {
            #expect(text.contains("# \(option.key) = \(option.defaultValue)\n"), "\(option.name)")
        }
        let keys = Set(ConfigDeclarations.all.map(\.key))
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let body = line.dropFirst(2)
            guard line.hasPrefix("# "), let key = body.components(separatedBy: " = ").first, keys.contains(key) else { return String(line) }
            return String(body)
        }.joined(separator: "\n")
        let (all, d2) = Configuration.parse(text: uncommented, file: "uncommented.toml")
        #expect(d2.isEmpty, "\(d2)")
        #expect(all.changedOptions.isEmpty)
        #expect(uncommented.components(separatedBy: "\n").filter { !$0.hasPrefix("#") && $0.contains(" = ") }.count == ConfigDeclarations.all.count)
    }

    @Test func settingsFollowTheConfiguration() throws {
        let tmp = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        try "[editor]\nstyle = \"emacs\"\n[ui]\ntheme = \"light\"\n[terminal]\nescape-key = \"<F12>\"\n".write(
            to: tmp.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        try "[global]\n\"<F5>\" = \"settings:reload\"\n\"<C-q>\" = \"nope:nothing\"\n".write(
            to: tmp.appendingPathComponent("keymap.toml"), atomically: true, encoding: .utf8)
        let settings = EditorSettings.load(locator: ResourceLocator(userDirectory: tmp, installedDirectory: nil))
        #expect(settings.theme.name == "light")
        #expect(settings.keymapFiles.last == tmp.appendingPathComponent("keymap.toml").path)
        #expect(settings.diagnostics.count == 1 && settings.diagnostics[0].line == 3)
        func command(_ n: String, _ c: KeyContext) -> CommandID? {
            if case let .matched(b) = settings.keymap.lookup(.init(Key.sequence(n)!), in: c) { return b.command }
            return nil
        }
        #expect(command("<F5>", .notebook) == "settings:reload")
        #expect(command("<C-q>", .notebook) == "application:quit")
        #expect(command("<C-x> <C-s>", .global) == "docmanager:save")
        #expect(command("<F12>", .terminal) == "terminal:leave")
        #expect(command("<C-\\>", .terminal) == nil)
    }
}
