import Testing
@testable import TermCore

@Suite struct TextTests {
    let red = Style(foreground: .indexed(1))

    @Test func truncationKeepsFitAndAddsEllipsis() {
        #expect(Line("hello world").truncated(to: 20).plainText == "hello world")
        #expect(Line("hello world").truncated(to: 8).plainText == "hello w…")
        #expect(Line("hello world").truncated(to: 8).width == 8)
        #expect(Line("hello").truncated(to: 0).plainText == "")
        #expect(Line("hello").truncated(to: 1).plainText == "…")
    }

    @Test func truncationNeverSplitsWideOrCombining() {
        let cut = Line("日本語テキスト").truncated(to: 6)
        #expect(cut.plainText == "日本…")
        #expect(cut.width == 5)
        #expect(Line("e\u{301}e\u{301}e\u{301}e\u{301}").truncated(to: 3).plainText == "e\u{301}e\u{301}…")
        #expect(Line("👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦").truncated(to: 4).plainText == "👨‍👩‍👧‍👦…")
        for w in 0...16 { #expect(Line("a日b本c語🇫🇷x").truncated(to: w).width <= w) }
    }

    @Test func truncationKeepsSpanStyles() {
        let line = Line([Span("abc", style: red), Span("defgh")])
        let cut = line.truncated(to: 5)
        #expect(cut.spans == [Span("abc", style: red), Span("d"), Span("…")])
    }

    @Test func wordWrap() {
        let lines = Line("the quick brown fox jumps").wrapped(width: 10).map(\.plainText)
        #expect(lines == ["the quick", "brown fox", "jumps"])
        #expect(Line("abcdefghijkl mn").wrapped(width: 5).map(\.plainText) == ["abcde", "fghij", "kl mn"])
        #expect(Line("short").wrapped(width: 10).map(\.plainText) == ["short"])
    }

    @Test func hardWrapAndWideCharacters() {
        #expect(Line("abcdefg").wrapped(width: 3, mode: .hard).map(\.plainText) == ["abc", "def", "g"])
        let wide = Line("日本語です").wrapped(width: 5, mode: .hard)
        #expect(wide.map(\.plainText) == ["日本", "語で", "す"])
        #expect(wide.allSatisfy { $0.width <= 5 })
        #expect(Line("日本").wrapped(width: 1, mode: .hard).map(\.plainText) == ["日", "本"])
    }

    @Test func wrapKeepsStylesAcrossBreaks() {
        let line = Line([Span("aaa ", style: red), Span("bbb ccc")])
        let lines = line.wrapped(width: 7)
        #expect(lines == [Line([Span("aaa ", style: red), Span("bbb")]), Line([Span("ccc")])])
    }

    @Test func textFromStringSplitsLines() {
        let t = Text("one\r\ntwo\n\nfour")
        #expect(t.lines.map(\.plainText) == ["one", "two", "", "four"])
        #expect(t.width == 4 && t.height == 4)
    }
}
