import Testing
import TermCore
@testable import EditorCore

private func keys(_ notation: String) -> [Key] { Key.sequence(notation)! }

private func command(_ result: KeymapResult) -> CommandID? {
    if case let .matched(b) = result { return b.command }
    return nil
}

@Suite struct KeymapTests {
    let base = KeymapLayer(text: """
        [global]
        "<C-q>" = "application:quit"
        "<C-s>" = "docmanager:save"
        "<C-w> v" = "application:split-right"

        [notebook]
        "d d" = "notebook:delete-cell"
        "a" = "notebook:insert-cell-above"

        [editor]
        "<C-z>" = "editor:undo"

        [notebook-edit]
        "<Esc>" = "notebook:enter-command-mode"
        """, file: "base.toml")

    @Test func contextsFallBack() {
        #expect(base.diagnostics.isEmpty)
        let keymap = Keymap(layers: [base])
        #expect(command(keymap.lookup(keys("<C-q>"), in: .notebook)) == "application:quit")
        #expect(command(keymap.lookup(keys("<C-z>"), in: .notebookEdit)) == "editor:undo")
        #expect(command(keymap.lookup(keys("<C-q>"), in: .notebookEdit)) == "application:quit")
        #expect(keymap.lookup(keys("a"), in: .notebookEdit) == .noMatch)
        // Terminal, palette and dialog have no fallback: their keys go to the program or the field.
        #expect(keymap.lookup(keys("<C-q>"), in: .terminal) == .noMatch)
        #expect(keymap.lookup(keys("<C-s>"), in: .dialog) == .noMatch)
        #expect(KeyContext.notebookEdit.chain == [.notebookEdit, .editor, .global])
        #expect(KeyContext.editingChain(.editorNormal, inCell: true) == [.editorNormal, .notebookEdit, .editor, .global])
    }

    @Test func pendingSequencesCombineAcrossContexts() {
        let extra = KeymapLayer(text: """
            [notebook]
            "<C-w> x" = "notebook:cut-cell"
            """, file: "user.toml")
        let keymap = Keymap(layers: [base, extra])
        guard case let .pending(next) = keymap.lookup(keys("<C-w>"), in: .notebook) else {
            Issue.record("expected pending"); return
        }
        #expect(Set(next.map(\.key.description)) == ["v", "x"])
    }

    @Test func userLayerAddsOverridesAndUnbinds() {
        let user = KeymapLayer(text: """
            [global]
            "<C-s>" = "docmanager:save-all"
            "<C-w> v" = ""
            "<F5>" = "settings:reload"

            [notebook]
            "d" = "notebook:cut-cell"
            """, file: "user.toml")
        #expect(user.diagnostics.isEmpty)
        let keymap = Keymap(layers: [base, user])
        #expect(command(keymap.lookup(keys("<C-s>"), in: .global)) == "docmanager:save-all")
        #expect(command(keymap.lookup(keys("<F5>"), in: .notebook)) == "settings:reload")
        #expect(keymap.lookup(keys("<C-w>"), in: .global) == .noMatch)
        // `d` replaces the `d d` sequence it is a prefix of.
        #expect(command(keymap.lookup(keys("d"), in: .notebook)) == "notebook:cut-cell")
        #expect(keymap.bindings[.notebook]?.map(\.notation).sorted() == ["a", "d"])
        // The source of each binding is kept.
        #expect(keymap.trie(for: .global).bindings(for: "settings:reload").first?.source == SourceLocation(file: "user.toml", line: 4))
    }

    @Test func emptyStringUnbindsOnlyThisContextButNoneHidesTheFallback() {
        let user = KeymapLayer(text: """
            [notebook-edit]
            "<C-q>" = "none"

            [notebook]
            "<C-q>" = ""
            """, file: "user.toml")
        let keymap = Keymap(layers: [base, user])
        #expect(command(keymap.lookup(keys("<C-q>"), in: .notebook)) == "application:quit")
        #expect(keymap.lookup(keys("<C-q>"), in: .notebookEdit) == .noMatch)
        #expect(command(keymap.lookup(keys("<C-q>"), in: .editor)) == "application:quit")
    }

    @Test func duplicateKeysAreReportedWithBothLines() {
        let layer = KeymapLayer(text: """
            [notebook]
            "<C-E>" = "notebook:run-cell"
            "x" = "notebook:cut-cell"
            "<C-e>" = "notebook:run-all-cells"
            """, file: "dup.toml")
        #expect(layer.diagnostics.count == 1)
        let d = layer.diagnostics[0]
        #expect(d.file == "dup.toml" && d.line == 4)
        #expect(d.message.contains("bound twice") && d.message.contains("line 2"))
        #expect(d.description.hasPrefix("dup.toml:4: error:"))
    }

    @Test func prefixConflictsAreReportedWithBothLines() {
        let layer = KeymapLayer(text: """
            # a comment
            [notebook]
            "d" = "notebook:cut-cell"
            "a" = "notebook:insert-cell-above"
            "d d" = "notebook:delete-cell"
            """, file: "prefix.toml")
        #expect(layer.diagnostics.count == 1)
        let d = layer.diagnostics[0]
        #expect(d.line == 5)
        #expect(d.message.contains("`d` (line 3) is a prefix of `d d` (line 5)"))
    }

    @Test func badEntriesAreReportedAndSkipped() {
        let layer = KeymapLayer(text: """
            inherits = 3
            [notebok]
            "a" = "notebook:insert-cell-above"

            [notebook]
            "<C-Nope>" = "notebook:cut-cell"
            "x" = "notebook:cut-cel"
            "c" = 42
            "v" = "notebook:paste-cell-below"
            """, file: "bad.toml")
        let lines = layer.diagnostics.map { $0.line ?? 0 }
        #expect(lines == [1, 2, 6, 7, 8])
        #expect(layer.diagnostics[1].message.contains("unknown context `notebok`"))
        #expect(layer.diagnostics[3].message.contains("did you mean `notebook:cut-cell`"))
        #expect(layer.entries[.notebook]?.map(\.keys.notation) == ["v"])
    }

    @Test func syntaxErrorGivesALocatedDiagnosticAndAnEmptyLayer() {
        let layer = KeymapLayer(text: "[global]\n\"<C-q>\" = \"application:quit\"\n\"<C-s> = oops\n", file: "broken.toml")
        #expect(layer.entries.isEmpty)
        #expect(layer.diagnostics.count == 1)
        #expect(layer.diagnostics[0].line == 3)
    }
}
