import Testing
@testable import TermCore

/// Answers to queries are reports, never keys; control strings are swallowed whole.
extension InputDecoderTests {
    @Test func deviceAttributesAndCellSize() {
        #expect(decode("\u{1b}[?62;4;22c") == [.report(.deviceAttributes([62, 4, 22]))])
        #expect(decode("\u{1b}[6;20;10t") == [.report(.cellPixelSize(width: 10, height: 20))])
        #expect(decode("\u{1b}[?1;2cj") == [.report(.deviceAttributes([1, 2])), .key(Key(.char("j")))])
    }

    @Test func kittyGraphicsReplies() {
        #expect(decode("\u{1b}_Gi=31;OK\u{1b}\\") == [.report(.kittyGraphics(id: 31, ok: true))])
        #expect(decode("\u{1b}_Gi=31;EINVAL:bad\u{1b}\\x") == [.report(.kittyGraphics(id: 31, ok: false)), .key(Key(.char("x")))])
    }

    @Test func otherControlStringsAreSwallowed() {
        #expect(decode("\u{1b}P1$r0m\u{1b}\\a") == [.key(Key(.char("a")))])
        #expect(decode("\u{1b}]11;rgb:0000/0000/0000\u{07}b") == [.key(Key(.char("b")))])
    }

    @Test func aReplySplitAcrossReads() {
        var d = InputDecoder()
        #expect(d.feed(Array("\u{1b}_Gi=31;O".utf8), now: t0).isEmpty)
        #expect(d.feed(Array("K\u{1b}\\".utf8), now: t0) == [.report(.kittyGraphics(id: 31, ok: true))])
    }

    @Test(arguments: ["P", "X", "]", "_", "^"]) func altKeysThatLookLikeAStringStart(_ key: String) {
        // ESC P typed as Alt+P, with more keys after it, resolves to keys at the escape timeout.
        var d = InputDecoder()
        #expect(d.feed(Array("\u{1b}\(key)j".utf8), now: t0).isEmpty)
        let keys = d.resolve(now: t0.advanced(by: .seconds(1)))
        #expect(keys == [.key(Key(.char(Unicode.Scalar(key)!), .alt)), .key(Key(.char("j")))])
    }
}
