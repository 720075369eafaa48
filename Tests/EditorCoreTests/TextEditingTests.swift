import Testing
@testable import EditorCore

@Suite struct TextEditingTests {
    private func typing(_ text: String, into start: String, language: TextLanguage = .python) -> String {
        var s = editor(start, language: language)
        for c in text {
            if c == "\n" { s.newline(now: 0) } else if c == "⌫" { s.deleteBackward(now: 0) } else { s.type(String(c), now: 0) }
        }
        return marked(s)
    }

    @Test func typingInsertsAtTheCursorAndReplacesASelection() {
        #expect(typing("xy", into: "a|b") == "axy|b")
        #expect(typing("Z", into: "a[bc]d") == "aZ|d")
        #expect(typing("é", into: "caf|") == "café|")
    }

    @Test func bracketsAutoCloseAndTheCloserIsOvertyped() {
        #expect(typing("(", into: "f|") == "f(|)")
        #expect(typing("(x)", into: "f|") == "f(x)|")
        #expect(typing("[{", into: "|") == "[{|}]")
        #expect(typing("[{}]", into: "|") == "[{}]|")
        #expect(typing("\"", into: "x = |") == "x = \"|\"")
        #expect(typing("\"hi\"", into: "x = |") == "x = \"hi\"|")
    }

    @Test func autoCloseSkipsBeforeWordsAndAfterWords() {
        // Before a word character the opener stays alone.
        #expect(typing("(", into: "|abc") == "(|abc")
        // An apostrophe inside a word is not a string.
        #expect(typing("'", into: "don|") == "don'|")
        // Python string prefixes do open strings.
        #expect(typing("\"", into: "f|") == "f\"|\"")
        #expect(typing("'", into: "rb|") == "rb'|'")
        // A closer typed by the user (not auto-inserted) is not overtyped.
        #expect(typing(")", into: "(a|)") == "(a)|)")
    }

    @Test func autoCloseCanBeTurnedOff() {
        var s = editor("f|")
        s.options.autoCloseBrackets = false
        s.type("(", now: 0)
        #expect(marked(s) == "f(|")
    }

    @Test func typingABracketAroundASelectionWrapsIt() {
        #expect(typing("(", into: "x = [a + b]") == "x = ([a + b])")
        #expect(typing("\"", into: "[word]") == "\"[word]\"")
    }

    @Test func backspaceDeletesAnEmptyPairTogether() {
        #expect(typing("(⌫", into: "f|") == "f|")
        #expect(typing("⌫", into: "x = \"|\"") == "x = |")
        #expect(typing("⌫", into: "(a|)") == "(|)")
    }

    @Test func backspaceInLeadingBlanksRemovesOneIndentLevel() {
        #expect(typing("⌫", into: "        |x") == "    |x")
        #expect(typing("⌫", into: "      |x") == "    |x")
        #expect(typing("⌫", into: "  a |x") == "  a|x")
        #expect(typing("⌫", into: "ab\n|cd") == "ab|cd")
        #expect(typing("⌫", into: "|ab") == "|ab")
    }

    @Test func deleteForwardJoinsAtALineEnd() {
        var s = editor("ab|\ncd")
        s.deleteForward(now: 0)
        #expect(marked(s) == "ab|cd")
        s.deleteForward(now: 0)
        #expect(marked(s) == "ab|d")
    }

    @Test func newlineKeepsTheIndentation() {
        #expect(typing("\n", into: "    x = 1|") == "    x = 1\n    |")
        #expect(typing("\n", into: "|") == "\n|")
    }

    @Test func pythonIndentsAfterAColonAndDedentsAfterBlockEnders() {
        #expect(typing("\n", into: "def f(x):|") == "def f(x):\n    |")
        #expect(typing("\n", into: "    if x:  # note: yes|") == "    if x:  # note: yes\n        |")
        #expect(typing("\n", into: "        return x|") == "        return x\n    |")
        #expect(typing("\n", into: "    pass|") == "    pass\n|")
        #expect(typing("\n", into: "    raise ValueError(\"x\")|") == "    raise ValueError(\"x\")\n|")
        #expect(typing("\n", into: "    s = \"a:\"|") == "    s = \"a:\"\n    |")
        // Other languages keep the indentation only.
        #expect(typing("\n", into: "  x:|", language: .named("r")) == "  x:\n  |")
    }

    @Test func newlineBetweenBracketsPutsTheCloserOnItsOwnLine() {
        #expect(typing("\n", into: "f(|)") == "f(\n    |\n)")
        #expect(typing("\n", into: "    x = {|}") == "    x = {\n        |\n    }")
    }

    @Test func newlineOnABlankLineDropsItsTrailingBlanks() {
        #expect(typing("\n", into: "def f():\n    |") == "def f():\n\n    |")
    }

    @Test func tabInsertsSpacesToTheNextStopAndIndentsSelectedLines() {
        var s = editor("ab|c")
        s.insertTab(now: 0)
        #expect(marked(s) == "ab  |c")
        var t = editor("[a\nb]\nc")
        t.insertTab(now: 0)
        #expect(marked(t) == "    [a\n    b]\nc")
        var two = editor("x|", tabWidth: 2)
        two.insertTab(now: 0)
        #expect(marked(two) == "x |")
    }

    @Test func indentOrCompleteAsksForCompletionAfterAName() {
        var s = editor("np.ar|")
        #expect(s.indentOrComplete(now: 0) == .command("completer:invoke-notebook"))
        var t = editor("    |")
        #expect(t.indentOrComplete(now: 0) == .handled)
        #expect(marked(t) == "        |")
    }

    @Test func dedentRemovesOneLevelFromEachSelectedLine() {
        var s = editor("    [a\n      b\nc]")
        s.dedentLines(now: 0)
        #expect(marked(s) == "[a\n    b\nc]")
        var t = editor("  x|")
        t.dedentLines(now: 0)
        #expect(marked(t) == "x|")
    }

    @Test func selectionEndingAtColumnZeroLeavesThatLineAlone() {
        var s = editor("[a\nb\n]c")
        s.indentLines(now: 0)
        #expect(s.text == "    a\n    b\nc")
    }

    @Test func toggleCommentUsesTheLanguageTokenAtTheSmallestIndent() {
        var s = editor("    [if x:\n        y()\n\n    z]")
        s.toggleComment(now: 0)
        #expect(s.text == "    # if x:\n    #     y()\n\n    # z")
        s.toggleComment(now: 0)
        #expect(s.text == "    if x:\n        y()\n\n    z")
        var js = editor("a|", language: .named("js"))
        js.toggleComment(now: 0)
        #expect(marked(js) == "// a|")
        var mixed = editor("[# a\nb]")
        mixed.toggleComment(now: 0)
        #expect(mixed.text == "# # a\n# b")
        var plain = editor("a|", language: .plain)
        plain.toggleComment(now: 0)
        #expect(plain.text == "a")
    }

    @Test func duplicateMoveDeleteAndJoinLines() {
        var s = editor("a\nb|x\nc")
        s.duplicateLines(now: 0)
        #expect(marked(s) == "a\nbx\nb|x\nc")
        s.moveLines(up: true, now: 0)
        #expect(marked(s) == "a\nb|x\nbx\nc")
        s.moveLines(up: true, now: 0)
        s.moveLines(up: true, now: 0)
        #expect(marked(s) == "b|x\na\nbx\nc")
        s.moveLines(up: false, now: 0)
        #expect(marked(s) == "a\nb|x\nbx\nc")
        let deleted = s.deleteLines(now: 0)
        #expect(deleted == "bx\n")
        #expect(marked(s) == "a\nb|x\nc")
        var last = editor("a\nb|")
        last.deleteLines(now: 0)
        #expect(marked(last) == "a|")
        var only = editor("a|b")
        only.deleteLines(now: 0)
        #expect(marked(only) == "|")
        var j = editor("de|f f(\n    x,\n    y\n)")
        j.joinLines(now: 0)
        #expect(marked(j) == "def f(| x,\n    y\n)")
    }

    @Test func joinLinesDropsLeadingBlanksAndAddsOneSpace() {
        var s = editor("a|  \n    b\nc")
        s.joinLines(now: 0)
        #expect(marked(s) == "a| b\nc")
        var t = editor("[a\nb\nc]")
        t.joinLines(now: 0)
        #expect(t.text == "a b c")
    }

    @Test func copyCutAndPasteUseBothClipboards() {
        let clip = RecordingClipboard()
        var s = editor("a[bc]d")
        s.copy(to: clip)
        #expect(clip.copied == ["bc"])
        s.cut(to: clip, now: 0)
        #expect(marked(s) == "a|d")
        s.paste(from: clip, now: 0)
        #expect(marked(s) == "abc|d")
        clip.pasteText = "XYZ"
        s.paste(from: clip, now: 0)
        #expect(marked(s) == "abcXYZ|d")
    }

    @Test func copyWithoutASelectionTakesTheLine() {
        var s = editor("one\ntw|o\nthree")
        s.copy(to: nil)
        #expect(s.clipboard == TextClipboard(text: "two\n", isLinewise: true))
        s.setCursor(TextPosition(line: 2, column: 2))
        s.paste(from: nil, now: 0)
        #expect(marked(s) == "one\ntwo\ntwo\nth|ree")
        s.cut(to: nil, now: 0)
        #expect(s.text == "one\ntwo\ntwo")
    }

    @Test func overwriteModeReplacesCharacters() {
        var s = editor("a|bc")
        s.overwrite = true
        s.type("X", now: 0)
        s.type("Y", now: 0)
        s.type("Z", now: 0)
        #expect(marked(s) == "aXYZ|")
    }

    @Test func osc52EncodesTheClipboardSequence() {
        #expect(OSC52.sequence(copying: "hi") == "\u{1B}]52;c;aGk=\u{07}")
        #expect(OSC52.sequence(copying: String(repeating: "x", count: OSC52.maximumBytes + 1)) == nil)
        #expect(OSC52.tmuxPassthrough("\u{1B}]52;c;aGk=\u{07}") == "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;aGk=\u{07}\u{1B}\\")
        let clip = OSC52Clipboard()
        clip.copy("é")
        #expect(clip.drainOutput() == ["\u{1B}]52;c;w6k=\u{07}"])
        #expect(clip.drainOutput().isEmpty)
        #expect(clip.paste() == "é")
    }

    @Test func editsNeverSplitGraphemeClusters() {
        #expect(typing("⌫", into: "a👩‍👩‍👧|") == "a|")
        #expect(typing("⌫", into: "🇫🇷|🇩🇪") == "|🇩🇪")
        var s = editor("e|")
        s.type("\u{301}", now: 0)
        #expect(s.text == "e\u{301}")
        #expect(s.buffer.lineLength(0) == 1)
        #expect(s.cursor == TextPosition(line: 0, column: 1))
        var v = VimEditingStyle()
        var t = editor("|中文😀x")
        for k in seq("lx") { _ = v.handle(k, state: &t, env: TextEditorEnvironment()) }
        #expect(marked(t) == "中|😀x")
        for k in seq("x") { _ = v.handle(k, state: &t, env: TextEditorEnvironment()) }
        #expect(marked(t) == "中|x")
    }
}
