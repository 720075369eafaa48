import Testing
import TermCore
@testable import EditorCore

@Suite struct TextVimTests {
    /// Runs vim keys on marked text (starting in normal mode) and returns the marked result.
    private func vim(_ text: String, _ keys: String, clipboard: RecordingClipboard? = nil,
                     style: inout VimEditingStyle) -> String {
        var s = editor(text)
        for k in seq(keys) { _ = style.handle(k, state: &s, env: TextEditorEnvironment(now: 0, viewportHeight: 10, clipboard: clipboard)) }
        return marked(s)
    }

    private func vim(_ text: String, _ keys: String, clipboard: RecordingClipboard? = nil) -> String {
        var style = VimEditingStyle()
        return vim(text, keys, clipboard: clipboard, style: &style)
    }

    @Test func motionsWithCounts() {
        #expect(vim("|abc def ghi", "w") == "abc |def ghi")
        #expect(vim("|abc def ghi", "2w") == "abc def |ghi")
        #expect(vim("abc def |ghi", "b") == "abc |def ghi")
        #expect(vim("|abc def", "e") == "ab|c def")
        #expect(vim("|foo.bar(x)", "w") == "foo|.bar(x)")
        #expect(vim("|foo.bar(x)", "W") == "foo.bar(x|)")
        #expect(vim("  x|yz", "0") == "|  xyz")
        #expect(vim("  x|yz", "^") == "  |xyz")
        #expect(vim("|abc", "$") == "ab|c")
        #expect(vim("a|\nb\nc\nd", "3j") == "a\nb\nc\n|d")
        #expect(vim("a\nb\nc\n|d", "2k") == "a\n|b\nc\nd")
        #expect(vim("|abc", "5l") == "ab|c")
        #expect(vim("a\nb\n|c", "gg") == "|a\nb\nc")
        #expect(vim("|a\nb\nc", "G") == "a\nb\n|c")
        #expect(vim("|a\nb\nc", "2G") == "a\n|b\nc")
        #expect(vim("|a, b, c", "f,") == "a|, b, c")
        #expect(vim("|a, b, c", "2f,") == "a, b|, c")
        #expect(vim("|a, b, c", "t,") == "|a, b, c")
        #expect(vim("|a, b, c", "f,;") == "a, b|, c")
        #expect(vim("a, b, c|", "F,") == "a, b|, c")
        #expect(vim("a, b, |c", "T,") == "a, b,| c")
        #expect(vim("a, b, |c", "T,;") == "a,| b, c")
        #expect(vim("|f(a(b))", "%") == "f(a(b)|)")
        #expect(vim("|a\nb\n\nc", "}") == "a\nb\n|\nc")
    }

    @Test func wordMotionsCrossLinesAndStopAtEmptyLines() {
        #expect(vim("ab|c\n  def", "w") == "abc\n  |def")
        #expect(vim("ab|c\n\ndef", "w") == "abc\n|\ndef")
        #expect(vim("abc\n  |def", "b") == "|abc\n  def")
        #expect(vim("日本|語 text", "w") == "日本語 |text")
    }

    @Test func operatorsWithMotions() {
        #expect(vim("|abc def ghi", "dw") == "|def ghi")
        #expect(vim("|abc def ghi", "2dw") == "|ghi")
        #expect(vim("|abc def ghi", "d2w") == "|ghi")
        #expect(vim("abc |def", "dw") == "abc| ")
        #expect(vim("|abc def", "de") == "| def")
        #expect(vim("abc d|ef", "db") == "abc |ef")
        #expect(vim("ab|cdef", "d$") == "a|b")
        #expect(vim("ab|cdef", "D") == "a|b")
        #expect(vim("ab|cdef", "d0") == "|cdef")
        #expect(vim("|a(b, c)", "dt,") == "|, c)")
        #expect(vim("|a(b, c)", "df,") == "| c)")
        #expect(vim("|a\nb\nc\nd", "dj") == "|c\nd")
        #expect(vim("a\nb\n|c\nd", "dgg") == "|d")
        #expect(vim("a\n|b\nc", "dG") == "|a")
    }

    @Test func doubledOperatorsTakeWholeLines() {
        #expect(vim("a\n|b\nc", "dd") == "a\n|c")
        #expect(vim("a\n|b\nc\nd", "2dd") == "a\n|d")
        #expect(vim("a\nb\n|c", "dd") == "a\n|b")
        #expect(vim("  a\n|  b", "cc") == "  a\n  |")
        #expect(vim("|x\ny", "yyp") == "x\n|x\ny")
        #expect(vim("|x\ny", "2yyP") == "|x\ny\nx\ny")
        #expect(vim("|a\nb", ">>") == "    |a\nb")
        #expect(vim("|a\nb", "2>>") == "    |a\n    b")
        #expect(vim("    |a", "<lt><lt>") == "|a")
        #expect(vim("|a\nb", "gcc") == "|# a\nb")
        #expect(vim("|a\nb", "gcj") == "|# a\n# b")
    }

    @Test func changeEntersInsertModeAndTheWholeChangeIsOneUndoStep() {
        #expect(vim("|abc def", "cwxyz<Esc>") == "xy|z def")
        #expect(vim("|abc def", "cwxyz<Esc>u") == "|abc def")
        #expect(vim("ab|c def", "cwX<Esc>") == "ab|X def")
        #expect(vim("ab|cdef", "C!<Esc>") == "ab|!")
        #expect(vim("ab|cdef", "s!<Esc>") == "ab|!def")
        #expect(vim("  a|b", "S!<Esc>") == "  |!")
    }

    @Test func textObjects() {
        #expect(vim("foo b|ar baz", "diw") == "foo | baz")
        #expect(vim("foo b|ar baz", "daw") == "foo |baz")
        #expect(vim("f(a, |b)", "di(") == "f(|)")
        #expect(vim("f(a, |b)", "da(") == "|f")
        #expect(vim("f(a, (|b))", "dib") == "f(a, (|))")
        #expect(vim("x = {|a}", "ci{z<Esc>") == "x = {|z}")
        #expect(vim("s = \"he|llo\"", "di\"") == "s = \"|\"")
        #expect(vim("s = \"he|llo\" + x", "da\"") == "s = |+ x")
        #expect(vim("|s = 'abc'", "ci'q<Esc>") == "s = '|q'")
        #expect(vim("f(|)", "di(") == "f(|)")
        #expect(vim("f(a,\n  |b\n)", "di(") == "f(|)")
    }

    @Test func simpleCommands() {
        #expect(vim("a|bc", "x") == "a|c")
        #expect(vim("a|bcd", "2x") == "a|d")
        #expect(vim("ab|c", "x") == "a|b")
        #expect(vim("ab|c", "X") == "a|c")
        #expect(vim("a|bc", "rX") == "a|Xc")
        #expect(vim("a|bcd", "3r-") == "a--|-")
        #expect(vim("a|b\n  c", "J") == "ab| c")
        #expect(vim("|aB", "~~") == "A|b")
        #expect(vim("a|bc", "ix<Esc>") == "a|xbc")
        #expect(vim("a|bc", "ax<Esc>") == "ab|xc")
        #expect(vim("  a|bc", "Ix<Esc>") == "  |xabc")
        #expect(vim("a|bc", "Ax<Esc>") == "abc|x")
        #expect(vim("def f():|", "ox<Esc>") == "def f():\n    |x")
        #expect(vim("  a|", "Ox<Esc>") == "  |x\n  a")
    }

    @Test func pasteCharwiseAndLinewise() {
        #expect(vim("|abc", "xp") == "b|ac")
        #expect(vim("|abc", "xP") == "|abc")
        #expect(vim("|abc", "x3p") == "baa|ac")
        #expect(vim("|a\nb", "ddp") == "b\n|a")
        #expect(vim("a\n|b", "ddP") == "|b\na")
        #expect(vim("a\n|b", "yyP") == "a\n|b\nb")
    }

    @Test func dotRepeatsTheLastChangeWithItsCountOrANewOne() {
        #expect(vim("|a b c d e", "dw.") == "|c d e")
        #expect(vim("|a b c d e f g", "2dw.") == "|e f g")
        #expect(vim("|a b c d e f g", "dw3.") == "|e f g")
        #expect(vim("|a\nb\nc", "A;<Esc>j.j.") == "a;\nb;\nc|;")
        #expect(vim("|x y z", "cwQ<Esc>w.") == "Q |Q z")
        #expect(vim("|abc", "x..") == "|")
        // Motions do not replace the change `.` repeats.
        #expect(vim("|ab ab", "xw.") == "b |b")
    }

    @Test func undoAndRedo() {
        #expect(vim("|abc", "xxu") == "|bc")
        #expect(vim("|abc", "xxuu") == "|abc")
        #expect(vim("|abc", "xxuu<C-r>") == "|bc")
        #expect(vim("|abc", "ihello <Esc>u") == "|abc")
    }

    @Test func registers() {
        var style = VimEditingStyle()
        #expect(vim("|one two", "\"adwdw\"ap", style: &style) == "one| ")
        #expect(style.registers["a"]?.text == "one ")
        var s2 = VimEditingStyle()
        #expect(vim("|a\nb", "\"ayy\"Ayyj\"ap", style: &s2) == "a\nb\n|a\na")
        // The black hole register keeps the unnamed one.
        #expect(vim("|ab", "yl\"_xp") == "b|a")
        // + is the system clipboard.
        let clip = RecordingClipboard()
        #expect(vim("|word rest", "\"+yiw", clipboard: clip) == "|word rest")
        #expect(clip.copied == ["word"])
        clip.pasteText = "SYS"
        #expect(vim("|x", "\"+p", clipboard: clip) == "xSY|S")
    }

    @Test func visualModes() {
        #expect(vim("|abcdef", "vlld") == "|def")
        #expect(vim("ab|cdef", "vhy$p") == "abcdefb|c")
        #expect(vim("a\n|b\nc\nd", "Vjd") == "a\n|d")
        #expect(vim("|a\nb\nc", "Vj>") == "    |a\n    b\nc")
        #expect(vim("foo b|ar baz", "viwd") == "foo | baz")
        #expect(vim("f(a, |b)", "vi(c!<Esc>") == "f(|!)")
        #expect(vim("|abc", "vl~") == "|ABc")
        #expect(vim("|abc", "vlo<Esc>") == "|abc")
        #expect(vim("|abc", "vl<Esc>") == "a|bc")
        #expect(vim("|a\nb", "VJ") == "a| b")
        var style = VimEditingStyle()
        var s = editor("|abc\ndef")
        for k in seq("vj") { _ = style.handle(k, state: &s, env: TextEditorEnvironment()) }
        #expect(style.mode == .visual)
        #expect(s.selectedText == "abc\nd")
        #expect(style.displayCursor(s) == TextPosition(line: 1, column: 0))
    }

    @Test func searchAndRepeat() {
        #expect(vim("|a foo b foo c", "/foo\n") == "a |foo b foo c")
        #expect(vim("|a foo b foo c", "/foo\nn") == "a foo b |foo c")
        #expect(vim("|a foo b foo c", "/foo\nnn") == "a |foo b foo c")
        #expect(vim("|a foo b foo c", "/foo\nN") == "a foo b |foo c")
        #expect(vim("|a\nfoo", "/zz\n") == "|a\nfoo")
    }

    @Test func escapeAndBoundariesReportToTheCaller() {
        var style = VimEditingStyle()
        var s = editor("ab|c\nd")
        let env = TextEditorEnvironment()
        #expect(style.handle(Key(.escape), state: &s, env: env) == .leaveCell)
        #expect(style.handle(Key.char("k"), state: &s, env: env) == .moveToPreviousCell(displayColumn: 2))
        #expect(style.handle(Key.char("j"), state: &s, env: env) == .handled)
        #expect(style.handle(Key.char("j"), state: &s, env: env) == .moveToNextCell(displayColumn: 2))
        // A pending operator is cancelled by Esc instead of leaving.
        _ = style.handle(Key.char("d"), state: &s, env: env)
        #expect(style.handle(Key(.escape), state: &s, env: env) == .handled)
        #expect(style.pending.isEmpty)
        // Keys vim does not use go back to the caller (run cell, save).
        #expect(style.handle(Key.ctrl("e"), state: &s, env: env) == .ignored)
        #expect(style.handle(Key.char(":"), state: &s, env: env) == .command("apputils:activate-command-palette"))
    }

    @Test func insertModeKeysAndLeavingIt() {
        var style = VimEditingStyle()
        var s = editor("|")
        style.enterInsertMode(&s)
        let env = TextEditorEnvironment()
        for k in seq("if x:\nreturn 1\n") { _ = style.handle(k, state: &s, env: env) }
        #expect(s.text == "if x:\n    return 1\n")
        _ = style.handle(Key(.escape), state: &s, env: env)
        #expect(style.mode == .normal)
        _ = style.handle(Key.char("u"), state: &s, env: env)
        #expect(s.text == "")
        #expect(style.keyContext == .editorNormal)
    }
}
