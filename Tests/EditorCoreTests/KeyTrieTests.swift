import Testing
import TermCore
@testable import EditorCore

private func keys(_ notation: String) -> [Key] { Key.sequence(notation)! }
private func bind(_ notation: String, _ command: String) -> KeyBinding {
    KeyBinding(keys: keys(notation), command: CommandID(command))
}

@Suite struct KeyTrieTests {
    @Test func singleKeysAndSequencesMatch() {
        let trie = KeyTrie([bind("a", "notebook:insert-cell-above"), bind("d d", "notebook:delete-cell"),
                            bind("<C-x> <C-s>", "docmanager:save")])
        #expect(trie.lookup(keys("a")) == .matched(bind("a", "notebook:insert-cell-above")))
        #expect(trie.lookup(keys("d d")) == .matched(bind("d d", "notebook:delete-cell")))
        #expect(trie.lookup(keys("<C-x> <C-s>")) == .matched(bind("<C-x> <C-s>", "docmanager:save")))
        #expect(trie.lookup(keys("q")) == .noMatch)
        #expect(trie.lookup(keys("d x")) == .noMatch)
        #expect(trie.lookup(keys("a a")) == .noMatch)
    }

    @Test func prefixIsPendingWithContinuations() throws {
        let trie = KeyTrie([bind("d d", "notebook:delete-cell"), bind("<C-w> v", "application:split-right"),
                            bind("<C-w> s", "application:split-down"), bind("<C-w> g g", "application:focus-next-pane"),
                            bind("<C-w> g t", "application:activate-next-tab")])
        guard case let .pending(next) = trie.lookup(keys("<C-w>")) else {
            Issue.record("expected pending"); return
        }
        #expect(next.map(\.key.description) == ["g", "s", "v"])
        let g = try #require(next.first { $0.key == Key.char("g") })
        #expect(g.command == nil && g.bindingCount == 2)
        #expect(next.first { $0.key == Key.char("v") }?.command == "application:split-right")
        guard case let .pending(dd) = trie.lookup(keys("d")) else { Issue.record("expected pending"); return }
        #expect(dd == [KeyContinuation(key: .char("d"), command: "notebook:delete-cell", bindingCount: 1)])
    }

    @Test func laterBindingReplacesWhatItOverlaps() {
        var trie = KeyTrie([bind("d d", "notebook:delete-cell"), bind("d x", "notebook:cut-cell")])
        trie.insert(bind("d", "notebook:copy-cell"))
        #expect(trie.bindings.map(\.notation) == ["d"])
        trie.insert(bind("d d", "notebook:delete-cell"))
        #expect(trie.bindings.map(\.notation) == ["d d"])
        #expect(trie.lookup(keys("d")) != .matched(bind("d", "notebook:copy-cell")))
    }

    @Test func removeDropsTheSequenceAndEverythingBelowIt() {
        var trie = KeyTrie([bind("<C-w> v", "application:split-right"), bind("<C-w> s", "application:split-down"),
                            bind("a", "notebook:insert-cell-above")])
        trie.remove(keys("<C-w> v"))
        #expect(trie.bindings.map(\.notation) == ["<C-w> s", "a"])
        trie.remove(keys("<C-w>"))
        #expect(trie.bindings.map(\.notation) == ["a"])
        trie.remove(keys("<C-w> s")) // absent: no effect
        #expect(trie.bindings.count == 1)
    }

    @Test func bindingsForACommandShortestFirst() {
        let trie = KeyTrie([bind("<C-e>", "notebook:run-cell"), bind("<C-Enter>", "notebook:run-cell"),
                            bind("r r", "notebook:run-cell"), bind("x", "notebook:cut-cell")])
        #expect(trie.bindings(for: "notebook:run-cell").map(\.notation) == ["<C-Enter>", "<C-e>", "r r"])
    }

    @Test func portabilityOfKeys() {
        for portable in ["<C-e>", "<C-r>", "<A-Enter>", "<S-Tab>", "<F1>", "<C-Space>", "<C-\\>", "<C-S-Up>",
                         "<A-BS>", "J", "<C-PageDown>", "<S-F3>", "<C-_>", "<A-T>"] {
            #expect(Key(notation: portable)!.isPortable, "\(portable)")
        }
        for extended in ["<S-Enter>", "<C-Enter>", "<C-S-c>", "<C-BS>", "<C-/>", "<C-1>", "<S-Space>",
                         "<C-Tab>", "<D-s>", "<C-S-->", "<C-h>", "<C-m>", "<C-[>", "<C-@>"] {
            #expect(!Key(notation: extended)!.isPortable, "\(extended)")
        }
    }
}
