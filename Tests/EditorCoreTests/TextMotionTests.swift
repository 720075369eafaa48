import Testing
@testable import EditorCore

@Suite struct TextMotionTests {
    private func run(_ text: String, _ id: CommandID, times: Int = 1) -> String {
        var s = editor(text)
        for _ in 0..<times { _ = TextCommands.perform(id, on: &s, env: TextEditorEnvironment(viewportHeight: 3)) }
        return marked(s)
    }

    @Test func charactersMoveOverWholeGraphemeClusters() {
        #expect(run("|e\u{301}x", "editor:cursor-right") == "e\u{301}|x")
        #expect(run("a|👩‍👩‍👧b", "editor:cursor-right") == "a👩‍👩‍👧|b")
        #expect(run("🇫🇷|x", "editor:cursor-left") == "|🇫🇷x")
        #expect(run("ab|\ncd", "editor:cursor-right") == "ab\n|cd")
        #expect(run("ab\n|cd", "editor:cursor-left") == "ab|\ncd")
    }

    @Test func arrowsCollapseASelectionToItsEdge() {
        #expect(run("a[bc]d", "editor:cursor-left") == "a|bcd")
        #expect(run("a[bc]d", "editor:cursor-right") == "abc|d")
    }

    @Test func wordMotionsFollowCodeMirrorGroups() {
        #expect(run("|foo_bar(baz) + 1", "editor:cursor-word-right") == "foo_bar|(baz) + 1")
        #expect(run("|foo_bar(baz) + 1", "editor:cursor-word-right", times: 2) == "foo_bar(|baz) + 1")
        #expect(run("foo_bar(baz) + 1|", "editor:cursor-word-left") == "foo_bar(baz) + |1")
        #expect(run("foo  |bar", "editor:cursor-word-left") == "|foo  bar")
        #expect(run("ab|\ncd", "editor:cursor-word-right") == "ab\n|cd")
        #expect(run("ab\n|cd", "editor:cursor-word-left") == "ab|\ncd")
    }

    @Test func wordMotionsAreUnicodeAware() {
        #expect(run("|café→naïve", "editor:cursor-word-right") == "café|→naïve")
        #expect(run("|日本語 text", "editor:cursor-word-right") == "日本語| text")
        #expect(run("x = 😀|😀 y", "editor:cursor-word-left") == "x = |😀😀 y")
    }

    @Test func smartHomeTogglesBetweenFirstNonBlankAndColumnZero() {
        #expect(run("    retu|rn x", "editor:cursor-line-start") == "    |return x")
        #expect(run("    |return x", "editor:cursor-line-start") == "|    return x")
        #expect(run("|    return x", "editor:cursor-line-start") == "    |return x")
        #expect(run("ab|cd", "editor:cursor-line-end") == "abcd|")
    }

    @Test func verticalMovesKeepTheDisplayColumnAcrossWideCharacters() {
        var s = editor("abcd|ef\n中文字\nabcdefgh")
        _ = s.moveVertically(lines: 1, extend: false)
        // Display column 4 is the start of 字 (columns 4-5).
        #expect(s.cursor == TextPosition(line: 1, column: 2))
        _ = s.moveVertically(lines: 1, extend: false)
        #expect(s.cursor == TextPosition(line: 2, column: 4))
        var t = editor("ab|c\n中文")
        _ = t.moveVertically(lines: 1, extend: false)
        // Column 2 starts 文.
        #expect(t.cursor == TextPosition(line: 1, column: 1))
        var u = editor("a|bc\n中文")
        _ = u.moveVertically(lines: 1, extend: false)
        // Column 1 is inside 中: the cursor goes to 中.
        #expect(u.cursor == TextPosition(line: 1, column: 0))
    }

    @Test func preferredColumnSurvivesShortLines() {
        var s = editor("abcdefgh|\nab\nabcdefghij")
        _ = s.moveVertically(lines: 1, extend: false)
        #expect(s.cursor == TextPosition(line: 1, column: 2))
        _ = s.moveVertically(lines: 1, extend: false)
        #expect(s.cursor == TextPosition(line: 2, column: 8))
    }

    @Test func movingPastTheEdgesReportsTheNeighbouringCellWithTheColumn() {
        var s = editor("ab|cd\nxy")
        #expect(s.moveVertically(lines: -1, extend: false) == .moveToPreviousCell(displayColumn: 2))
        #expect(s.cursor == TextPosition(line: 0, column: 2))
        var t = editor("abcd\n中|x")
        #expect(t.moveVertically(lines: 1, extend: false) == .moveToNextCell(displayColumn: 2))
        var cell = editor("|\nabcdef")
        cell.enter(atLine: 1, displayColumn: 3)
        #expect(cell.cursor == TextPosition(line: 1, column: 3))
    }

    @Test func shiftAtTheEdgesSelectsToTheTextEnds() {
        #expect(run("ab|cd\nxy", "editor:select-up") == "]ab[cd\nxy")
        var s = editor("ab|cd\nxy")
        _ = s.moveVertically(lines: 1, extend: true)
        _ = s.moveVertically(lines: 1, extend: true)
        #expect(s.selection == Selection(anchor: TextPosition(line: 0, column: 2), head: TextPosition(line: 1, column: 2)))
    }

    @Test func paragraphsAndDocumentEnds() {
        let text = "|a\nb\n\nc\nd\n\ne"
        #expect(run(text, "editor:cursor-paragraph-down") == "a\nb\n|\nc\nd\n\ne")
        #expect(run(text, "editor:cursor-paragraph-down", times: 2) == "a\nb\n\nc\nd\n|\ne")
        #expect(run("a\nb\n\nc\nd|", "editor:cursor-paragraph-up") == "a\nb\n|\nc\nd")
        #expect(run("ab\n|cd", "editor:cursor-document-start") == "|ab\ncd")
        #expect(run("a|b\ncd", "editor:cursor-document-end") == "ab\ncd|")
        #expect(run("a|b\ncd", "editor:select-document-end") == "a[b\ncd]")
    }

    @Test func pagesMoveByTheViewportHeightLessOne() {
        let text = (0..<10).map(String.init).joined(separator: "\n")
        var s = editor(text)
        _ = TextCommands.perform("editor:cursor-page-down", on: &s, env: TextEditorEnvironment(viewportHeight: 4))
        #expect(s.cursor.line == 3)
        _ = TextCommands.perform("editor:cursor-page-down", on: &s, env: TextEditorEnvironment(viewportHeight: 40))
        #expect(s.cursor.line == 9)
        _ = TextCommands.perform("editor:select-page-up", on: &s, env: TextEditorEnvironment(viewportHeight: 4))
        #expect(s.selection.anchor.line == 9 && s.cursor.line == 6)
    }

    @Test func matchingBracketFindsThePartnerAcrossLines() {
        let s = editor("f|(a.b, {\n  b: (1)\n})")
        let m = s.matchingBracket
        #expect(m?.bracket == TextPosition(line: 0, column: 1))
        #expect(m?.partner == TextPosition(line: 2, column: 1))
        let after = editor("x = (1 + 2)|")
        #expect(after.matchingBracket?.partner == TextPosition(line: 0, column: 4))
        #expect(editor("(|a").matchingBracket == nil)
        #expect(run("f|(a)", "editor:go-to-matching-bracket") == "f(a|)")
    }

    @Test func selectNextOccurrenceSelectsTheWordThenTheNextMatch() {
        var s = editor("fo|o bar foo")
        s.selectNextOccurrence()
        #expect(marked(s) == "[foo] bar foo")
        s.selectNextOccurrence()
        #expect(marked(s) == "foo bar [foo]")
        s.selectNextOccurrence()
        #expect(marked(s) == "[foo] bar foo")
    }
}
