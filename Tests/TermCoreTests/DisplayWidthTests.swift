import Testing
@testable import TermCore

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("hello", 5), ("", 0), ("日本語", 6), ("中文abc", 7), ("한국어", 6), ("ｱ", 1), ("Ａ", 2),
        ("e\u{301}", 1), ("a\u{300}\u{301}\u{302}", 1), ("\u{301}", 0),
        ("😀", 2), ("👍🏽", 2), ("👨‍👩‍👧‍👦", 2), ("🇫🇷", 2), ("🇫🇷🇩🇪", 4), ("❤️", 2), ("❤", 1), ("☺︎", 1),
        ("\u{1b}", 0), ("a\tb", 2), ("\u{7f}", 0), ("\u{9b}", 0), ("\u{200b}", 0), ("a\u{200d}b", 2),
        ("ℹ️", 2), ("1️⃣", 2), ("🏳️‍🌈", 2), ("한", 2), ("\u{1100}\u{1161}\u{11A8}", 2),
    ] as [(String, Int)])
    func widths(_ text: String, _ width: Int) {
        #expect(text.displayWidth == width, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func asciiFastPathMatchesGeneralPath() {
        let s = String((32..<127).map { Character(UnicodeScalar($0)!) })
        #expect(s.displayWidth == 95)
        #expect(s.reduce(0) { $0 + $1.displayWidth } == 95)
    }

    @Test func scalarWidths() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x4E00)!) == 2)
        #expect(DisplayWidth.of(Unicode.Scalar(0x20000)!) == 2)
        #expect(DisplayWidth.of(Unicode.Scalar(0x0301)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x00E9)!) == 1)
    }
}
