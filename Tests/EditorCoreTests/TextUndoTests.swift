import Testing
@testable import EditorCore

@Suite struct TextUndoTests {
    @Test func aTypingBurstIsOneStepAndRestoresTheSelection() {
        var s = editor("x = [old]")
        for (i, c) in "new".enumerated() { s.type(String(c), now: Double(i) * 0.2) }
        #expect(s.text == "x = new")
        let undone = s.undo()
        #expect(undone)
        #expect(marked(s) == "x = [old]")
        let redone = s.redo()
        #expect(redone)
        #expect(marked(s) == "x = new|")
        let again = s.redo()
        #expect(!again)
    }

    @Test func aPauseLongerThanASecondStartsANewStep() {
        var s = editor("|")
        s.type("a", now: 0)
        s.type("b", now: 0.5)
        s.type("c", now: 2.0)
        s.type("d", now: 2.1)
        s.undo()
        #expect(marked(s) == "ab|")
        s.undo()
        #expect(marked(s) == "|")
    }

    @Test func switchingBetweenTypingAndDeletingStartsANewStep() {
        var s = editor("|")
        for c in "abc" { s.type(String(c), now: 0) }
        s.deleteBackward(now: 0.1)
        s.deleteBackward(now: 0.2)
        s.type("X", now: 0.3)
        #expect(s.text == "aX")
        s.undo()
        #expect(marked(s) == "a|")
        s.undo()
        #expect(marked(s) == "abc|")
        s.undo()
        #expect(marked(s) == "|")
    }

    @Test func aCursorJumpEndsTheBurst() {
        var s = editor("|\nzz")
        s.type("a", now: 0)
        s.setCursor(TextPosition(line: 1, column: 2))
        s.type("b", now: 0.1)
        s.undo()
        #expect(marked(s) == "a\nzz|")
        s.undo()
        #expect(marked(s) == "|\nzz")
    }

    @Test func aNewlineEndsTheBurstItJoins() {
        var s = editor("|")
        for c in "ab" { s.type(String(c), now: 0) }
        s.newline(now: 0.1)
        for c in "cd" { s.type(String(c), now: 0.2) }
        s.undo()
        #expect(marked(s) == "ab\n|")
        s.undo()
        #expect(marked(s) == "|")
    }

    @Test func undoRestoresAMultiLineSelectionAfterIndent() {
        var s = editor("[a\nb]")
        s.indentLines(now: 0)
        s.toggleComment(now: 0)
        #expect(s.text == "    # a\n    # b")
        s.undo()
        #expect(s.text == "    a\n    b")
        s.undo()
        #expect(marked(s) == "[a\nb]")
    }

    @Test func aNewEditClearsRedo() {
        var s = editor("|")
        s.type("a", now: 0)
        s.undo()
        s.type("b", now: 5)
        let redone = s.redo()
        #expect(!redone)
        #expect(s.text == "b")
    }

    @Test func undoOfALargeBurstRestoresEverything() {
        var s = editor("|")
        for i in 0..<5_000 { s.type(i % 50 == 49 ? "\n" : "x", now: Double(i) * 0.01) }
        let original = s.text
        while s.undo() {}
        #expect(s.text == "")
        while s.redo() {}
        #expect(s.text == original)
    }

    @Test func explicitGroupsJoinEverything() {
        var s = editor("|")
        s.beginUndoGroup()
        s.type("a", now: 0)
        s.newline(now: 5)
        s.deleteBackward(now: 10)
        s.type("b", now: 20)
        s.endUndoGroup()
        #expect(s.text == "ab")
        s.undo()
        #expect(s.text == "")
    }

    @Test(arguments: [("xy ab\ncd|", false, 4, "xy a|"), ("|ab\ncd", true, 3, "|cd")])
    func deletionBurstsFoldIntoOneChangeAndUndoRedoExactly(start: String, forward: Bool, times: Int, expected: String) {
        var s = editor(start)
        for i in 0..<times {
            if forward { s.deleteForward(now: Double(i) * 0.1) } else { s.deleteBackward(now: Double(i) * 0.1) }
        }
        #expect(marked(s) == expected)
        #expect(s.history.undoStack.last?.changes.count == 1)
        s.undo()
        #expect(marked(s) == start)
        s.redo()
        #expect(marked(s) == expected)
    }

    @Test func typingBurstsFoldIntoOneChange() {
        var s = editor("|")
        for c in "hello" { s.type(String(c), now: 0) }
        #expect(s.history.undoStack.last?.changes.map(\.newText) == ["hello"])
    }
}
