import Testing
import TermCore
@testable import Rendering

@Suite("ANSI output")
struct AnsiTextTests {
    /// The style of the span holding `text` in the only line.
    func style(of text: String, in input: String) -> Style? {
        AnsiText.lines(input).flatMap(\.spans).first { $0.text.contains(text) }?.style
    }

    @Test func plainTextAndLines() {
        let lines = AnsiText.lines("one\ntwo\n\nfour\n")
        #expect(lines.map(\.plainText) == ["one", "two", "", "four"])
    }

    @Test func sixteenAndBrightColours() {
        #expect(style(of: "red", in: "\u{1B}[31mred\u{1B}[0m")?.foreground == .indexed(1))
        #expect(style(of: "bg", in: "\u{1B}[42mbg")?.background == .indexed(2))
        #expect(style(of: "br", in: "\u{1B}[95mbr")?.foreground == .indexed(13))
        #expect(style(of: "bb", in: "\u{1B}[104mbb")?.background == .indexed(12))
        #expect(style(of: "after", in: "\u{1B}[31mx\u{1B}[39mafter")?.foreground == nil)
        #expect(style(of: "after", in: "\u{1B}[41mx\u{1B}[49mafter")?.background == nil)
    }

    @Test func extendedColours() {
        #expect(style(of: "a", in: "\u{1B}[38;5;208ma")?.foreground == .indexed(208))
        #expect(style(of: "a", in: "\u{1B}[48;5;17ma")?.background == .indexed(17))
        #expect(style(of: "a", in: "\u{1B}[38;2;10;20;30ma")?.foreground == .rgb(10, 20, 30))
        #expect(style(of: "a", in: "\u{1B}[48;2;1;2;3ma")?.background == .rgb(1, 2, 3))
        #expect(style(of: "a", in: "\u{1B}[38:5:99ma")?.foreground == .indexed(99))
        #expect(style(of: "a", in: "\u{1B}[38:2::10:20:30ma")?.foreground == .rgb(10, 20, 30))
        #expect(style(of: "a", in: "\u{1B}[38:2:10:20:30ma")?.foreground == .rgb(10, 20, 30))
        #expect(style(of: "a", in: "\u{1B}[48:2:0:40:50:60ma")?.background == .rgb(40, 50, 60))
        // Later parameters in the same sequence still apply after an extended colour.
        let s = style(of: "a", in: "\u{1B}[38;2;1;2;3;1;48;5;4ma")
        #expect(s?.foreground == .rgb(1, 2, 3))
        #expect(s?.background == .indexed(4))
        #expect(s?.attributes == .bold)
        // Out-of-range values are ignored rather than wrapped.
        #expect(style(of: "a", in: "\u{1B}[38;5;300ma")?.foreground == nil)
    }

    @Test func attributesAndResets() {
        let all = style(of: "x", in: "\u{1B}[1;2;3;4;7;9mx")
        #expect(all?.attributes == [.bold, .dim, .italic, .underline, .reverse, .strikethrough])
        #expect(style(of: "y", in: "\u{1B}[1;2;3;4;7;9mx\u{1B}[22;23;24;27;29my")?.attributes == [])
        #expect(style(of: "y", in: "\u{1B}[4mx\u{1B}[4:0my")?.attributes == [])
        #expect(style(of: "y", in: "\u{1B}[1;31mx\u{1B}[my") == .plain)
        #expect(style(of: "y", in: "\u{1B}[1;31mx\u{1B}[0my") == .plain)
    }

    @Test func cursorMovesAndScreenControlsAreRemoved() {
        let input = "a\u{1B}[2Ab\u{1B}[10;20Hc\u{1B}[2Jd\u{1B}[?25le\u{1B}[?1049hf\u{1B}[6ng\u{1B}[1;2rh"
        #expect(AnsiText.plainText(input) == "abcdefgh")
    }

    @Test func oscSequencesAreRemoved() {
        // Title (OSC 0 and 2), clipboard write (OSC 52), hyperlink (OSC 8); BEL and ST terminators.
        let input = "a\u{1B}]0;evil title\u{07}b\u{1B}]2;t\u{1B}\\c\u{1B}]52;c;aGVsbG8=\u{07}d" +
            "\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\e"
        #expect(AnsiText.plainText(input) == "abcdlinke")
    }

    @Test func dcsApcPmSosAreRemoved() {
        let input = "a\u{1B}Pq#0;2;0;0;0~-\u{1B}\\b\u{1B}_Gf=100;AAAA\u{1B}\\c\u{1B}^pm\u{1B}\\d\u{1B}Xsos\u{1B}\\e"
        #expect(AnsiText.plainText(input) == "abcde")
    }

    @Test func c1ControlsAreNeutralised() {
        // 8-bit CSI, OSC (with ST), and other C1 controls encoded in UTF-8.
        let input = "a\u{9B}31mb\u{9D}0;title\u{9C}c\u{85}d\u{8D}e"
        let lines = AnsiText.lines(input)
        #expect(lines.map(\.plainText) == ["abcde"])
        #expect(lines[0].spans.first { $0.text.contains("b") }?.style.foreground == .indexed(1))
        // Raw C1 bytes are not UTF-8: they become U+FFFD.
        #expect(AnsiText.plainText(String(decoding: [0x61, 0x9B, 0x62], as: UTF8.self)) == "a\u{FFFD}b")
        #expect(AnsiText.lines(bytes: [0x61, 0x9B, 0x32, 0x4A, 0x62]).map(\.plainText) == ["a\u{FFFD}2Jb"])
        // Latin-1 supplement characters sharing the 0xC2 lead byte are kept.
        #expect(AnsiText.plainText("°±©") == "°±©")
    }

    @Test func otherEscapesAndLoneEsc() {
        #expect(AnsiText.plainText("a\u{1B}7b\u{1B}8c\u{1B}(Bd\u{1B}ce") == "abcde")
        #expect(AnsiText.plainText("a\u{1B}") == "a\u{241B}")
        #expect(AnsiText.plainText("a\u{1B}\u{1B}[1mb") == "a\u{241B}b")
        #expect(AnsiText.plainText("a\u{1B}\nb") == "a\u{241B}\nb")
    }

    @Test func controlCharactersBecomeVisible() {
        #expect(AnsiText.plainText("a\u{07}b\u{00}c\u{7F}d\u{0C}e") == "a\u{2407}b\u{2400}c\u{2421}d\u{240C}e")
        let joined = AnsiText.lines("x\u{01}\u{02}\u{1F}").flatMap(\.spans).map(\.text).joined()
        #expect(joined.unicodeScalars.allSatisfy { $0.value >= 0x20 })
    }

    @Test func nothingDangerousSurvives() {
        let hostile = "\u{1B}]52;c;cm0gLXJmIC8=\u{07}\u{1B}[2J\u{1B}[H\u{1B}P+q544e\u{1B}\\\u{9B}6n\u{1B}[?1000h\u{1B}]0;x\u{07}ok"
        let text = AnsiText.lines(hostile).map(\.plainText).joined()
        #expect(text == "ok")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test func unterminatedStringSwallowsTheRest() {
        #expect(AnsiText.plainText("ok\u{1B}]0;never ends\nmore") == "ok")
    }

    @Test func tabsExpandToEightColumnStops() {
        #expect(AnsiText.plainText("a\tb") == "a       b")
        #expect(AnsiText.plainText("12345678\tx") == "12345678        x")
        #expect(AnsiText.plainText("漢字\tx") == "漢字    x")
        #expect(AnsiText.plainText("\u{1B}[31mab\u{1B}[0m\tc") == "ab      c")
    }

    @Test func carriageReturnKeepsTheFinalStateOfAProgressBar() {
        let bar = "  0%|          |\r 50%|#####     |\r100%|##########|\ndone"
        #expect(AnsiText.lines(bar).map(\.plainText) == ["100%|##########|", "done"])
        // A shorter rewrite overwrites only what it covers, as in a terminal.
        #expect(AnsiText.plainText("hello\rHE") == "HEllo")
        // `\r\n` is an ordinary line end.
        #expect(AnsiText.lines("a\r\nb\r\n").map(\.plainText) == ["a", "b"])
        // Erase in line after `\r` clears the old text.
        #expect(AnsiText.plainText("long old text\r\u{1B}[Knew") == "new")
        #expect(AnsiText.plainText("abcdef\r\u{1B}[2Kxy") == "xy")
        // Erasing the whole line keeps the cursor where it is.
        #expect(AnsiText.plainText("abcdef\rxy\u{1B}[2Kz") == "  z")
        #expect(AnsiText.plainText("abc\u{1B}[Kd") == "abcd")
        // A tab after `\r` moves over the old text instead of blanking it.
        #expect(AnsiText.plainText("abcdefghij\r\tX") == "abcdefghXj")
    }

    @Test func backspaceOverwrites() {
        #expect(AnsiText.plainText("abc\u{08}\u{08}XY") == "aXY")
        #expect(AnsiText.plainText("\u{08}\u{08}a") == "a")
        // Overstrike bold (man pages): the last character wins.
        #expect(AnsiText.plainText("a\u{08}ab\u{08}b") == "ab")
        // Overwriting half a wide character leaves a space for the other half.
        #expect(AnsiText.plainText("漢字\u{08}x") == "漢 x")
    }

    @Test func stylesSurviveCarriageReturn() {
        let lines = AnsiText.lines("\u{1B}[32mgreen\u{1B}[0m\r\u{1B}[31mR")
        #expect(lines[0].plainText == "Rreen")
        #expect(lines[0].spans[0].style.foreground == .indexed(1))
        #expect(lines[0].spans[1].style.foreground == .indexed(2))
    }

    @Test func invalidUTF8BecomesReplacementCharacter() {
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xE2, 0x82, 0x63, 0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80]
        #expect(AnsiText.lines(bytes: bytes).map(\.plainText) == ["a\u{FFFD}b\u{FFFD}cé😀"])
        // A truncated sequence before an escape is replaced too.
        #expect(AnsiText.lines(bytes: [0xE2, 0x82, 0x1B, 0x5B, 0x31, 0x6D, 0x61]).map(\.plainText) == ["\u{FFFD}a"])
    }

    @Test func sequencesSplitAcrossChunks() {
        var p = AnsiParser()
        for chunk in ["a\u{1B}", "[3", "1mred\u{1B}]0;ti", "tle\u{07}b", "©"] { p.feed(chunk) }
        let line = p.lines()[0]
        #expect(line.plainText == "aredb©")
        #expect(line.spans.last?.style.foreground == .indexed(1))
        var q = AnsiParser()
        q.feed([0x61, 0xC2] as [UInt8])
        q.feed([0x9B, 0x33, 0x31, 0x6D, 0x62] as [UInt8])
        #expect(q.lines().map(\.plainText) == ["ab"])
    }

    @Test func hugeParametersAreBounded() {
        let input = "\u{1B}[" + String(repeating: "1;", count: 100_000) + "31mx"
        #expect(AnsiText.plainText(input) == "x")
        let big = String(repeating: "9", count: 50) 
        #expect(style(of: "y", in: "\u{1B}[38;5;\(big)my")?.foreground == nil)
    }

    @Test func manyLines() {
        let input = String(repeating: "\u{1B}[1;32mok\u{1B}[0m line\n", count: 10_000)
        let lines = AnsiText.lines(input)
        #expect(lines.count == 10_000)
        #expect(lines[9_999].spans.map(\.text) == ["ok", " line"])
    }
}
