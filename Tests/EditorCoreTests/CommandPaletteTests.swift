import Testing
@testable import EditorCore

@Suite struct CommandPaletteTests {
    let registry = CommandRegistry.builtin

    @Test func subsequenceIsCaseInsensitive() {
        let m = FuzzyMatcher("RUNCELL")
        #expect(m.match("Run cell and select next") != nil)
        #expect(FuzzyMatcher("xyz").match("Run cell") == nil)
        #expect(FuzzyMatcher("llec").match("cell") == nil) // order matters
        #expect(FuzzyMatcher("").match("anything")?.score == 0)
    }

    @Test func positionsPointAtTheMatchedCharacters() throws {
        let (_, positions) = try #require(FuzzyMatcher("rcsn").match("Run cell and select next"))
        #expect(positions == [0, 4, 13, 20]) // word starts, not the first r/c/s/n found
    }

    @Test func wordStartsAndContiguityScoreHigher() throws {
        let contiguous = try #require(FuzzyMatcher("save").match("Save all"))
        let scattered = try #require(FuzzyMatcher("save").match("Show hidden files, save me"))
        #expect(contiguous.score > scattered.score)
        let wordStart = try #require(FuzzyMatcher("rn").match("Rename notebook"))
        let inside = try #require(FuzzyMatcher("rn").match("Return"))
        #expect(wordStart.score > inside.score)
    }

    @Test func paletteFindsTheCommandsPeopleTypeFor() {
        func top(_ query: String) -> CommandID? { registry.search(query, limit: 1).first?.command.id }
        #expect(top("run next") == "notebook:run-cell-and-select-next")
        #expect(top("restart") == "notebook:restart-kernel")
        #expect(top("save") == "docmanager:save")
        #expect(top("new term") == "terminal:create-new")
        #expect(top("split right") == "application:split-right")
        #expect(top("toggle side") == "application:toggle-left-area")
        #expect(top("quit") == "application:quit")
        // The doc string helps when the name does not match.
        #expect(registry.search("SIGINT").first?.command.id == "notebook:interrupt-kernel")
        #expect(registry.search("zzzzqqq").isEmpty)
        #expect(registry.search("").count == registry.commands.count)
    }

    @Test func registryLooksUpAndFiltersByContext() {
        #expect(registry["notebook:run-cell"]?.context == .notebook)
        #expect(registry["no:such"] == nil)
        let edit = registry.commands(in: .notebookEdit)
        #expect(edit.contains { $0.id == "editor:undo" } && edit.contains { $0.id == "application:quit" })
        #expect(!edit.contains { $0.id == "notebook:delete-cell" })
        var custom = CommandRegistry([CommandInfo(id: "x:a", title: "A", doc: "first", context: .global)])
        custom.register(CommandInfo(id: "x:a", title: "A2", doc: "second", context: .global))
        #expect(custom.commands.count == 1 && custom["x:a"]?.title == "A2")
    }
}

@Suite struct TOMLKeyLocatorTests {
    @Test func findsHeadersKeysAndInlineTables() {
        let text = """
            # comment = not a key
            top = 1
            "quoted.key" = { fg = "red", bg = 'blue' }
            dotted.inner = "x"
            long = \"\"\"
            fake = line inside a string
            \"\"\"
            list = [
              1, 2,
            ]
            [section]
            a-b = true
            'lit key' = "v"
            [[items]]
            name = "n"
            """
        let l = TOMLKeyLocator(text: text)
        #expect(l.line(of: ["top"]) == 2)
        #expect(l.line(of: ["quoted.key"]) == 3)
        #expect(l.line(of: ["quoted.key", "bg"]) == 3)
        #expect(l.line(of: ["dotted", "inner"]) == 4)
        #expect(l.line(of: ["dotted"]) == 4)
        #expect(l.line(of: ["fake"]) == nil)
        #expect(l.line(of: ["list"]) == 8)
        #expect(l.line(of: ["section"]) == 11)
        #expect(l.line(of: ["section", "a-b"]) == 12)
        #expect(l.line(of: ["section", "lit key"]) == 13)
        #expect(l.line(of: ["items", "name"]) == 15)
        #expect(l.line(of: ["nothing"]) == nil)
    }

    @Test func documentKeepsSourceOrder() throws {
        let doc = try TOMLDocument(text: "[global]\nz = \"1\"\na = \"2\"\nm = \"3\"\n", file: "o.toml")
        #expect(doc.root["global"]?.tableEntries?.map(\.key) == ["z", "a", "m"])
    }
}
