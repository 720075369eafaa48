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
        #expect(text.reduce(0) { $0 + $1.displayWidth } == width, "cluster by cluster")
        #expect(text[...].displayWidth == width)
    }

    /// The scalar-by-scalar string width equals the sum of the grapheme cluster widths on random mixes
    /// of the characters that make clusters (seeded, so the same strings every run).
    @Test func stringWidthEqualsSumOfClusterWidths() {
        let pieces: [String] = ["a", " ", "é", "e\u{301}", "\u{301}", "日", "한", "\u{1100}", "\u{1161}", "😀", "👍", "🏽",
                                "\u{200d}", "\u{fe0f}", "\u{fe0e}", "❤", "☺", "🇫", "🇷", "🏳", "🌈", "1", "\u{20e3}",
                                "\u{1b}", "\t", "\u{200b}", "ｱ", "Ａ", "👨", "👩", "\u{E0067}", "🏴"]
        var state: UInt64 = 0x9E3779B97F4A7C15
        for _ in 0..<20000 {
            var text = ""
            for _ in 0..<6 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            let clusters = text.reduce(0) { $0 + $1.displayWidth }
            #expect(text.displayWidth == clusters, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
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
