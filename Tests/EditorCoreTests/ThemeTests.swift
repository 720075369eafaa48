import Foundation
import Testing
import TermCore
import TestSupport
@testable import EditorCore

@Suite struct ThemeTests {
    @Test func dottedFallbackEndsAtDefault() {
        let (theme, diagnostics) = Theme.resolve(name: "t", layers: [ThemeLayer(text: """
            "default" = { fg = "white", bg = "black" }
            "markup" = "red"
            "markup.heading" = { fg = "blue", modifiers = ["bold"] }
            "markup.heading.1" = { fg = "#ff8800", modifiers = ["bold", "underline"] }
            """, file: "t.toml")])
        #expect(diagnostics.isEmpty)
        #expect(theme.style("markup.heading.1") == Style(foreground: .rgb(255, 136, 0), attributes: [.bold, .underline]))
        #expect(theme.style("markup.heading.2") == Style(foreground: .indexed(4), attributes: .bold))
        #expect(theme.resolvedScope("markup.heading.2") == "markup.heading")
        #expect(theme.style("markup.code.block") == Style(foreground: .indexed(1)))
        #expect(theme.resolvedScope("ui.statusbar.mode.edit") == "default")
        #expect(theme.style("ui.statusbar") == Style(foreground: .indexed(7), background: .indexed(0)))
        #expect(Theme(name: "empty", styles: [:]).style("anything") == .plain)
    }

    @Test func nestedTablesAndQuotedScopesMeanTheSame() {
        let (nested, d1) = Theme.resolve(name: "n", layers: [ThemeLayer(text: """
            [ui.statusbar]
            fg = "red"
            bg = "#000"
            [ui.statusbar.mode]
            edit = { fg = "green", modifiers = ["reversed"] }
            """, file: "n.toml")])
        #expect(d1.isEmpty)
        #expect(nested.style("ui.statusbar") == Style(foreground: .indexed(1), background: .rgb(0, 0, 0)))
        #expect(nested.style("ui.statusbar.mode.edit") == Style(foreground: .indexed(2), attributes: .reverse))
        #expect(nested.resolvedScope("ui.statusbar.mode") == "ui.statusbar")
    }

    @Test func paletteResolvesAndChildPaletteRecoloursInheritedScopes() {
        let parent = ThemeLayer(text: """
            "default" = { fg = "fg", bg = "bg" }
            "syntax.keyword" = { fg = "accent", modifiers = ["bold"] }
            [palette]
            fg = "#cccccc"
            bg = "#111111"
            accent = "blue"
            """, file: "parent.toml")
        let child = ThemeLayer(text: """
            inherits = "parent"
            "syntax.string" = "accent"
            [palette]
            accent = "#ff0000"
            """, file: "child.toml")
        let (theme, diagnostics) = Theme.resolve(name: "child", layers: [parent, child])
        #expect(diagnostics.isEmpty)
        #expect(theme.style("syntax.keyword") == Style(foreground: .rgb(255, 0, 0), attributes: .bold))
        #expect(theme.style("syntax.string") == Style(foreground: .rgb(255, 0, 0)))
        #expect(theme.style("default") == Style(foreground: .rgb(204, 204, 204), background: .rgb(17, 17, 17)))
    }

    @Test func badColoursAndModifiersAreLocatedAndLeftOut() {
        let layer = ThemeLayer(text: """
            "default" = { fg = "white" }
            "ui.statusbar" = { fg = "not-a-colour", bg = "blue" }
            "ui.tabbar" = { fg = "red", modifiers = ["bold", "sparkly"] }
            "syntax.keyword" = 12
            "syntax.string" = "#12345"
            [palette]
            broken = "#zzzzzz"
            """, file: "bad.toml")
        #expect(layer.diagnostics.map(\.line) == [4])
        let (theme, diagnostics) = Theme.resolve(name: "bad", layers: [layer])
        #expect(diagnostics.map(\.line) == [2, 3, 5, 7])
        #expect(diagnostics[0].message.contains("not-a-colour"))
        #expect(diagnostics[1].message.contains("sparkly"))
        #expect(theme.style("ui.statusbar") == Style(background: .indexed(4)))
        #expect(theme.style("ui.tabbar") == Style(foreground: .indexed(1), attributes: .bold))
    }

    @Test func scopesAfterThePaletteHeaderGetAHint() {
        let layer = ThemeLayer(text: "[palette]\nred = \"#ff0000\"\n\"ui.statusbar\" = { fg = \"red\" }\n", file: "order.toml")
        #expect(layer.diagnostics.count == 1)
        #expect(layer.diagnostics[0].line == 3 && layer.diagnostics[0].message.contains("put [palette] last"))
    }

    @Test(arguments: ["dark", "light", "high-contrast", "gruvbox"])
    func shippedThemeLoadsCleanAndDefinesEveryScope(name: String) {
        let loaded = ThemeLoader(locator: ResourceLocator(userDirectory: nil, installedDirectory: nil)).load(name)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.description))")
        #expect(loaded.theme.name == name)
        for scope in ThemeScopes.names {
            #expect(loaded.theme.styles[scope] != nil, "\(name) does not define \(scope)")
        }
        let base = loaded.theme.style("default")
        #expect(base.foreground != nil && base.background != nil && base.foreground != base.background)
    }

    @Test func shippedThemesDiffer() {
        let locator = ResourceLocator(userDirectory: nil, installedDirectory: nil)
        let backgrounds = ["dark", "light", "high-contrast", "gruvbox"].map {
            ThemeLoader(locator: locator).load($0).theme.style("default").background
        }
        #expect(Set(backgrounds.map { String(describing: $0) }).count == 4)
    }

    @Test func userThemeOverridesAndInheritsTheShippedOneOfTheSameName() throws {
        let tmp = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: tmp) }
        try FileManager.default.createDirectory(at: tmp.appendingPathComponent("themes"), withIntermediateDirectories: true)
        try "inherits = \"dark\"\n\"ui.statusbar\" = { fg = \"#010203\" }\n".write(
            to: tmp.appendingPathComponent("themes/dark.toml"), atomically: true, encoding: .utf8)
        let loaded = ThemeLoader(locator: ResourceLocator(userDirectory: tmp, installedDirectory: nil)).load("dark")
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.files.count == 2)
        #expect(loaded.theme.style("ui.statusbar") == Style(foreground: .rgb(1, 2, 3)))
        #expect(loaded.theme.styles["markup.heading.1"] != nil)
        let missing = ThemeLoader(locator: ResourceLocator(userDirectory: tmp, installedDirectory: nil)).load("nope")
        #expect(missing.theme.name == "dark" && missing.diagnostics.count == 1)
    }

    /// Every scope name written in the sources (components, renderers) is declared, so shipped themes
    /// define it. Configuration option names look alike and are left out.
    @Test func everyScopeTheSourcesUseIsDeclared() throws {
        let declared = Set(ThemeScopes.names), options = Set(ConfigDeclarations.all.map(\.name))
        let pattern = try NSRegularExpression(pattern: #""((?:ui|cell|output|syntax|markup|filebrowser|terminal)(?:\.[a-z0-9-]+)+)""#)
        var undeclared: Set<String> = []
        let sources = ProjectPaths.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for file in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let name = String(text[Range(m.range(at: 1), in: text)!])
                if !declared.contains(name) && !options.contains(name) { undeclared.insert(name) }
            }
        }
        #expect(undeclared.isEmpty, "scopes used but not in ThemeScopes: \(undeclared.sorted())")
    }
}
