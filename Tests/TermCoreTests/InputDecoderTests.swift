import Testing
@testable import TermCore

@Suite struct InputDecoderTests {
    let t0 = ContinuousClock.now

    func decode(_ s: String) -> [Event] {
        var d = InputDecoder()
        return d.feed(Array(s.utf8), now: t0)
    }

    func keys(_ notation: String...) -> [Event] { notation.map { .key(Key(notation: $0)!) } }

    @Test func plainTextAndUTF8() {
        #expect(decode("aZ!") == keys("a", "Z", "!"))
        #expect(decode("日😀é") == [.key(Key(.char("日"))), .key(Key(.char("😀"))), .key(Key(.char("é")))])
    }

    @Test func controlBytes() {
        #expect(decode("\u{05}\u{12}\r\t\u{7f}\u{0}") == keys("<C-e>", "<C-r>", "<Enter>", "<Tab>", "<BS>", "<C-Space>"))
        #expect(decode("\u{1c}\u{1d}\u{1f}") == keys("<C-\\>", "<C-]>", "<C-_>"))
    }

    @Test(arguments: [
        ("\u{1b}[A", "<Up>"), ("\u{1b}[B", "<Down>"), ("\u{1b}[C", "<Right>"), ("\u{1b}[D", "<Left>"),
        ("\u{1b}[H", "<Home>"), ("\u{1b}[F", "<End>"), ("\u{1b}OA", "<Up>"), ("\u{1b}OH", "<Home>"),
        ("\u{1b}[1;5A", "<C-Up>"), ("\u{1b}[1;2B", "<S-Down>"), ("\u{1b}[1;3C", "<A-Right>"), ("\u{1b}[1;6D", "<C-S-Left>"),
        ("\u{1b}[5~", "<PageUp>"), ("\u{1b}[6~", "<PageDown>"), ("\u{1b}[3~", "<Del>"), ("\u{1b}[2~", "<Insert>"),
        ("\u{1b}[1~", "<Home>"), ("\u{1b}[4~", "<End>"), ("\u{1b}[5;5~", "<C-PageUp>"), ("\u{1b}[3;2~", "<S-Del>"),
        ("\u{1b}OP", "<F1>"), ("\u{1b}OS", "<F4>"), ("\u{1b}[1;5P", "<C-F1>"), ("\u{1b}[15~", "<F5>"),
        ("\u{1b}[17~", "<F6>"), ("\u{1b}[21~", "<F10>"), ("\u{1b}[23~", "<F11>"), ("\u{1b}[24;2~", "<S-F12>"),
        ("\u{1b}[Z", "<S-Tab>"), ("\u{1b}a", "<A-a>"), ("\u{1b}A", "<A-A>"), ("\u{1b}\r", "<A-Enter>"),
        ("\u{1b}\u{7f}", "<A-BS>"), ("\u{1b}\u{05}", "<C-A-e>"), ("\u{1b}\u{1b}[A", "<A-Up>"),
        ("\u{1b}[99;5u", "<C-c>"), ("\u{1b}[13;2u", "<S-Enter>"), ("\u{1b}[13;5u", "<C-Enter>"), ("\u{1b}[27u", "<Esc>"),
        ("\u{1b}[97;6u", "<C-S-a>"), ("\u{1b}[97:65;2u", "A"), ("\u{1b}[9;5u", "<C-Tab>"), ("\u{1b}[127;3u", "<A-BS>"),
        ("\u{1b}[57414u", "<Enter>"), ("\u{1b}[57399u", "0"), ("\u{1b}[32;5u", "<C-Space>"),
        ("\u{1b}[27;5;13~", "<C-Enter>"), ("\u{1b}[27;2;13~", "<S-Enter>"), ("\u{1b}[27;5;97~", "<C-a>"),
        ("\u{1b}[27;6;65~", "<C-S-a>"), ("\u{1b}[27;2;33~", "!"),
    ] as [(String, String)])
    func keySequences(_ bytes: String, _ notation: String) {
        #expect(decode(bytes) == keys(notation), "\(bytes.debugDescription)")
    }

    @Test func kittyReleaseAndLoneModifiersAreIgnored() {
        #expect(decode("\u{1b}[97;1:3u").isEmpty)
        #expect(decode("\u{1b}[57441;2u").isEmpty)
        #expect(decode("\u{1b}[97;1:1u") == keys("a"))
    }

    @Test func bracketedPasteIsOneEventNeverKeys() {
        let events = decode("x\u{1b}[200~line1\r\nline2\r\u{1b}[A\u{3}\u{1b}[201~y")
        #expect(events == [.key(Key.char("x")), .paste("line1\nline2\n\u{1b}[A\u{3}"), .key(Key.char("y"))])
    }

    @Test func pasteSplitAcrossReadsAtEveryByte() {
        let input = Array("\u{1b}[200~héllo 日本\u{1b}[201~z".utf8)
        for split in 1..<input.count {
            var d = InputDecoder()
            var events = d.feed(input[..<split], now: t0)
            events += d.feed(input[split...], now: t0)
            #expect(events == [.paste("héllo 日本"), .key(Key.char("z"))], "split at \(split)")
        }
        var d = InputDecoder()
        var events: [Event] = []
        for b in input { events += d.feed([b], now: t0) }
        #expect(events == [.paste("héllo 日本"), .key(Key.char("z"))])
    }

    @Test func partialSequencesAcrossReads() {
        var d = InputDecoder()
        #expect(d.feed(Array("\u{1b}[1;".utf8), now: t0).isEmpty)
        #expect(d.deadline != nil)
        #expect(d.feed(Array("5A".utf8), now: t0) == keys("<C-Up>"))
        #expect(d.deadline == nil)
        #expect(d.feed([0xE6, 0x97], now: t0).isEmpty)
        #expect(d.feed([0xA5], now: t0) == [.key(Key(.char("日")))])
    }

    @Test func loneEscapeResolvesAtDeadline() {
        var d = InputDecoder(escapeTimeout: .milliseconds(25))
        #expect(d.feed([0x1B], now: t0).isEmpty)
        let deadline = try! #require(d.deadline)
        #expect(deadline == t0.advanced(by: .milliseconds(25)))
        #expect(d.resolve(now: t0.advanced(by: .milliseconds(10))).isEmpty)
        #expect(d.resolve(now: deadline) == keys("<Esc>"))
        #expect(d.deadline == nil)
        #expect(d.resolve(now: deadline.advanced(by: .seconds(1))).isEmpty)
    }

    @Test func pollTimeoutFollowsTheDeadline() {
        var d = InputDecoder(escapeTimeout: .milliseconds(25))
        #expect(d.milliseconds(untilDeadlineFrom: t0) == nil)
        _ = d.feed([0x1B], now: t0)
        #expect(d.milliseconds(untilDeadlineFrom: t0) == 25)
        #expect(d.milliseconds(untilDeadlineFrom: t0.advanced(by: .microseconds(24_500))) == 1)
        #expect(d.milliseconds(untilDeadlineFrom: t0.advanced(by: .seconds(1))) == 0)
    }

    @Test func escapeThenKeyWithinTimeoutIsAlt() {
        var d = InputDecoder()
        #expect(d.feed([0x1B], now: t0).isEmpty)
        #expect(d.feed(Array("x".utf8), now: t0.advanced(by: .milliseconds(5))) == keys("<A-x>"))
    }

    @Test func unfinishedSequencesResolveToKeys() {
        var d = InputDecoder()
        _ = d.feed(Array("\u{1b}[".utf8), now: t0)
        #expect(d.resolve(now: t0.advanced(by: .seconds(1))) == keys("<A-[>"))
        _ = d.feed([0x1B, 0x1B], now: t0)
        #expect(d.resolve(now: t0.advanced(by: .seconds(1))) == keys("<A-Esc>"))
        _ = d.feed([0xE6], now: t0)
        #expect(d.resolve(now: t0.advanced(by: .seconds(1))).isEmpty)
    }

    @Test func sgrMouse() {
        #expect(decode("\u{1b}[<0;10;5M") == [.mouse(MouseEvent(.press(.left), at: Point(x: 9, y: 4)))])
        #expect(decode("\u{1b}[<0;10;5m") == [.mouse(MouseEvent(.release(.left), at: Point(x: 9, y: 4)))])
        #expect(decode("\u{1b}[<2;1;1M") == [.mouse(MouseEvent(.press(.right), at: .zero))])
        #expect(decode("\u{1b}[<32;3;4M") == [.mouse(MouseEvent(.drag(.left), at: Point(x: 2, y: 3)))])
        #expect(decode("\u{1b}[<35;3;4M") == [.mouse(MouseEvent(.move, at: Point(x: 2, y: 3)))])
        #expect(decode("\u{1b}[<64;7;8M") == [.mouse(MouseEvent(.scrollUp, at: Point(x: 6, y: 7)))])
        #expect(decode("\u{1b}[<65;7;8M") == [.mouse(MouseEvent(.scrollDown, at: Point(x: 6, y: 7)))])
        #expect(decode("\u{1b}[<20;300;200M") == [.mouse(MouseEvent(.press(.left), at: Point(x: 299, y: 199), modifiers: [.ctrl, .shift]))])
        #expect(decode("\u{1b}[<8;1;1M") == [.mouse(MouseEvent(.press(.left), at: .zero, modifiers: .alt))])
        #expect(decode("\u{1b}[<0;0;0M").isEmpty)
    }

    @Test func x10Mouse() {
        #expect(decode("\u{1b}[M !!") == [.mouse(MouseEvent(.press(.left), at: .zero))])
    }

    @Test func focusEvents() {
        #expect(decode("\u{1b}[I\u{1b}[O") == [.focus(true), .focus(false)])
    }

    @Test func unknownSequencesAndRepliesAreDropped() {
        #expect(decode("\u{1b}[?1u\u{1b}[>1;2c\u{1b}[99X\u{1b}[9999999999999~a") == keys("a"))
    }

    @Test func invalidUTF8NeverTraps() {
        let garbage: [UInt8] = [0xFF, 0xC0, 0x80, 0xE0, 0x80, 0x80, 0xED, 0xA0, 0x80, 0xF8, 0x61, 0xF4, 0x90, 0x80, 0x80, 0x62]
        var d = InputDecoder()
        #expect(d.feed(garbage, now: t0) == keys("a", "b"))
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let bytes = (0..<64).map { _ in UInt8.random(in: 0...255, using: &rng) }
            _ = d.feed(bytes, now: t0)
            _ = d.resolve(now: t0.advanced(by: .seconds(10)))
        }
    }

    @Test func overlongSequenceIsDropped() {
        let long = "\u{1b}[" + String(repeating: "1;", count: 300)
        var d = InputDecoder()
        _ = d.feed(Array(long.utf8), now: t0)
        #expect(d.feed(Array("q".utf8), now: t0) == keys("q"))
    }
}
