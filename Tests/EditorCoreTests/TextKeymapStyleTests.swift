import Testing
import TermCore
@testable import EditorCore

/// The default and emacs styles driven through the shipped keymaps.
@Suite struct TextKeymapStyleTests {
    private func run(_ style: inout KeymapEditingStyle, _ s: inout TextEditorState, _ notation: String,
                     clipboard: RecordingClipboard? = nil) -> [TextEditorOutcome] {
        seq(notation).map { style.handle($0, state: &s, env: TextEditorEnvironment(now: 0, viewportHeight: 10, clipboard: clipboard)) }
    }

    private func standard() -> KeymapEditingStyle { KeymapEditingStyle(flavour: .standard, keymap: shippedKeymap("default").keymap) }
    /// Emacs in a text file: in a cell, Ctrl+E runs the cell instead.
    private func emacs() -> KeymapEditingStyle { KeymapEditingStyle(flavour: .emacs, keymap: shippedKeymap("emacs").keymap, inCell: false) }

    @Test func defaultKeysTypeMoveAndEdit() {
        var style = standard()
        var s = editor("|")
        _ = run(&style, &s, "def f(x):\n")
        #expect(marked(s) == "def f(x):\n    |")
        var t = editor("    foo|")
        _ = run(&style, &s, "<C-a>")
        #expect(s.selection.range == s.buffer.fullRange)
        _ = run(&style, &t, "<Home><S-End>")
        #expect(marked(t) == "    [foo]")
        _ = run(&style, &t, "<C-/>")
        #expect(t.text == "    # foo")
        _ = run(&style, &t, "<C-z>")
        #expect(t.text == "    foo")
        _ = run(&style, &t, "<C-S-z>")
        #expect(t.text == "    # foo")
        _ = run(&style, &t, "<C-z><C-y>")
        #expect(t.text == "    # foo")
    }

    @Test func defaultClipboardKeysReachTheSystemClipboard() {
        var style = standard()
        let clip = RecordingClipboard()
        var s = editor("a [bc] d")
        _ = run(&style, &s, "<C-c><End><C-v>", clipboard: clip)
        #expect(clip.copied == ["bc"])
        #expect(s.text == "a bc dbc")
        _ = run(&style, &s, "<C-Left><S-End><C-x>", clipboard: clip)
        #expect(s.text == "a bc ")
        #expect(clip.copied.last == "dbc")
    }

    @Test func defaultCtrlDDeletesTheLineAsTheShippedKeymapSays() {
        var style = standard()
        var s = editor("a\nb|\nc")
        _ = run(&style, &s, "<C-d>")
        #expect(s.text == "a\nc")
    }

    @Test func defaultArrowsAtTheEdgesReportTheNeighbouringCells() {
        var style = standard()
        var s = editor("ab|\ncd")
        #expect(run(&style, &s, "<Up>") == [.moveToPreviousCell(displayColumn: 2)])
        #expect(run(&style, &s, "<Down><Down>") == [.handled, .moveToNextCell(displayColumn: 2)])
    }

    @Test func cellKeysComeBackAsCommandsForTheCaller() {
        var style = standard()
        var s = editor("|")
        let outcomes = run(&style, &s, "<C-s>")
        #expect(outcomes.count == 1)
        if case let .command(id) = outcomes[0] { #expect(id.rawValue == "docmanager:save") } else { Issue.record("\(outcomes)") }
        #expect(run(&style, &s, "<F13>") == [.ignored])
    }

    @Test func emacsMotions() {
        var style = emacs()
        var s = editor("    hello world|\nnext")
        _ = run(&style, &s, "<C-a>")
        #expect(s.cursor.column == 4)
        _ = run(&style, &s, "<A-f>")
        #expect(s.cursor.column == 9)
        _ = run(&style, &s, "<C-f><C-f><A-b><C-b>")
        #expect(s.cursor.column == 9)
        _ = run(&style, &s, "<C-e><C-n>")
        #expect(s.cursor == TextPosition(line: 1, column: 4))
        _ = run(&style, &s, "<C-p><C-d>")
        #expect(s.buffer.line(0) == "    hello worldnext")
        _ = run(&style, &s, "<C-a><A-d>")
        #expect(s.buffer.line(0) == "     worldnext")
    }

    @Test func emacsConsecutiveKillsAppendAndYankReturnsThem() {
        var style = emacs()
        let clip = RecordingClipboard()
        var s = editor("|one\ntwo\nthree")
        _ = run(&style, &s, "<C-k><C-k><C-k>", clipboard: clip)
        #expect(s.text == "\nthree")
        #expect(style.killRing == ["one\ntwo"])
        _ = run(&style, &s, "<C-y>", clipboard: clip)
        #expect(s.text == "one\ntwo\nthree")
        // A motion in between starts a new kill.
        _ = run(&style, &s, "<C-a><C-k><C-f><C-k>", clipboard: clip)
        #expect(style.killRing.count == 3)
        #expect(clip.copied.last == style.killRing.last)
    }

    @Test func emacsMarkRegionKillCopyAndYankPop() {
        var style = emacs()
        var s = editor("|alpha beta gamma")
        _ = run(&style, &s, "<C-Space><A-f>")
        #expect(marked(s) == "[alpha] beta gamma")
        _ = run(&style, &s, "<A-w>")
        #expect(s.selection.isEmpty && style.killRing == ["alpha"])
        _ = run(&style, &s, "<C-@><A-f><C-w>")
        #expect(s.text == "alpha gamma")
        #expect(style.killRing == ["alpha", " beta"])
        _ = run(&style, &s, "<C-e><C-y>")
        #expect(s.text == "alpha gamma beta")
        _ = run(&style, &s, "<A-y>")
        #expect(s.text == "alpha gammaalpha")
        _ = run(&style, &s, "<C-Space><C-b><C-g>")
        #expect(s.selection.isEmpty && !style.markActive)
    }

    @Test func emacsInACellLeavesCtrlEToTheCell() {
        var style = KeymapEditingStyle(flavour: .emacs, keymap: shippedKeymap("emacs").keymap, inCell: true)
        var s = editor("ab|c")
        let outcome = run(&style, &s, "<C-e>")
        #expect(outcome.count == 1 && outcome[0] != .handled && outcome[0] != .ignored)
        #expect(s.cursor.column == 2)
    }

    @Test func emacsUndoKeys() {
        var style = emacs()
        var s = editor("|")
        _ = run(&style, &s, "abc")
        _ = run(&style, &s, "<C-_>")
        #expect(s.text == "")
        _ = run(&style, &s, "xy<C-/>")
        #expect(s.text == "")
        _ = run(&style, &s, "z<C-x>u")
        #expect(s.text == "")
    }

    @Test func everyShippedEditorBindingIsATextCommandOrReturnedToTheCaller() {
        for name in ["default", "emacs", "vim"] {
            let keymap = shippedKeymap(name).keymap
            for (binding, _) in keymap.effectiveBindings(in: .editor) where binding.command.area == "editor" {
                let known = TextCommands.handles(binding.command)
                    || ["editor:set-mark", "editor:enter-normal-mode", "editor:go-to-line", "editor:toggle-soft-wrap",
                        "editor:toggle-line-numbers"].contains(binding.command.rawValue)
                #expect(known, "\(name): \(binding.notation) → \(binding.command)")
            }
        }
        for c in TextCommands.additional { #expect(TextCommands.registry.contains(c.id)) }
        for id in TextCommands.actions.keys { #expect(TextCommands.registry.contains(id), "\(id)") }
    }
}

@Suite struct TextDefaultStyleKeyTests {
    /// A text file tab by default; `inCell` adds the notebook cell's bindings.
    private func run(_ text: String, _ notation: String, inCell: Bool = false) -> String {
        var style = KeymapEditingStyle(flavour: .standard, keymap: shippedKeymap("default").keymap, inCell: inCell)
        var s = editor(text)
        for k in seq(notation) { _ = style.handle(k, state: &s, env: TextEditorEnvironment(viewportHeight: 10)) }
        return marked(s)
    }

    @Test func navigationKeys() {
        #expect(run("ab\ncd|", "<C-Home>") == "|ab\ncd")
        #expect(run("|ab\ncd", "<C-End>") == "ab\ncd|")
        #expect(run("foo bar|", "<C-Left>") == "foo |bar")
        #expect(run("|foo bar", "<C-Right><C-Right>") == "foo bar|")
        #expect(run("  ab|", "<Home>") == "  |ab")
        #expect(run("  ab|", "<Home><Home>") == "|  ab")
        #expect(run("|ab", "<End>") == "ab|")
    }

    @Test func shiftExtendsAcrossLines() {
        #expect(run("a|b\ncd\nef", "<S-Down><S-Down>") == "a[b\ncd\ne]f")
        #expect(run("ab\ncd\ne|f", "<S-Up><S-Left>") == "ab\n]cd\ne[f")
        #expect(run("foo ba|r", "<C-S-Left>") == "foo ]ba[r")
        #expect(run("ab|cd", "<S-Home>") == "]ab[cd")
    }

    @Test func indentAndLineKeys() {
        #expect(run("[a\nb]", "<Tab>") == "    [a\n    b]")
        #expect(run("    a|", "<S-Tab>") == "a|")
        #expect(run("a\nb|", "<A-Up>") == "b|\na")
        #expect(run("a|\nb", "<A-Down>") == "b\na|")
        #expect(run("x|", "<C-/>") == "# x|")
        #expect(run("ab|cd", "<C-k>") == "ab|")
        #expect(run("foo bar|", "<C-BS>") == "foo |")
        #expect(run("a|b", "<Insert>X") == "aX|")
        // In a cell, Shift+Tab and Alt+Up/Down belong to the notebook (inspect, kernel history).
        #expect(run("    a|", "<S-Tab>", inCell: true) == "    a|")
        #expect(run("a\nb|", "<A-Up>", inCell: true) == "a\nb|")
    }
}
