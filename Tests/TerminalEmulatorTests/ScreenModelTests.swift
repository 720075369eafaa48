import TermCore
import Testing
@testable import TerminalEmulator

/// The screen adapter, scrollback ring and write queue on their own: bytes fed straight into
/// libvterm, replies captured from `onOutput`.
@Suite struct ScreenModelTests {
    final class Replies {
        var bytes: [UInt8] = []
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    static func screen(_ size: Size = Size(width: 20, height: 5), scrollback: Int = 100) -> (TerminalScreen, Replies) {
        let screen = TerminalScreen(size: size, scrollbackLines: scrollback)
        let replies = Replies()
        screen.onOutput = { replies.bytes.append(contentsOf: $0) }
        return (screen, replies)
    }

    @Test func keysFollowTheCursorKeyMode() {
        let (screen, out) = ScreenModelTests.screen()
        screen.send(Key(.up))
        screen.send(.ctrl("c"))
        screen.send(Key(.enter))
        screen.send(Key(.char("x"), .alt))
        screen.send(Key(.function(5)))
        #expect(out.text == "\u{1B}[A\u{3}\r\u{1B}x\u{1B}[15~")
        out.bytes = []
        screen.feed("\u{1B}[?1h") // application cursor keys (vim, less)
        screen.send(Key(.up))
        #expect(out.text == "\u{1B}OA")
    }

    @Test func deviceAttributesAreAnswered() {
        let (screen, out) = ScreenModelTests.screen()
        screen.feed("\u{1B}[c")
        #expect(out.text.hasPrefix("\u{1B}[?"))
        #expect(out.text.hasSuffix("c"))
    }

    @Test func pasteMarkersFollowTheChildsMode() {
        let (screen, out) = ScreenModelTests.screen()
        screen.paste("a\nb")
        #expect(out.text == "a\rb")
        out.bytes = []
        screen.feed("\u{1B}[?2004h")
        screen.paste("x\u{1B}[201~y")
        #expect(out.text == "\u{1B}[200~xy\u{1B}[201~")
    }

    @Test func scrolledLinesComeBackWhenTheScreenGrows() {
        let (screen, _) = ScreenModelTests.screen(Size(width: 10, height: 3))
        screen.feed("\u{1B}[1mone\u{1B}[0m\r\ntwo\r\nthree\r\nfour\r\nfive")
        #expect(screen.scrollback.count == 2)
        #expect(screen.rowTexts == ["three", "four", "five"])
        screen.resize(Size(width: 10, height: 5))
        #expect(screen.rowTexts == ["one", "two", "three", "four", "five"])
        #expect(screen.scrollback.count == 0)
        #expect(screen.cells[0, 0].style.attributes == [.bold])
        screen.resize(Size(width: 10, height: 2))
        #expect(screen.rowTexts == ["four", "five"])
        #expect(screen.scrollback.count == 3)
    }

    @Test func altScreenIsLeftOutOfTheScrollback() {
        let (screen, _) = ScreenModelTests.screen(Size(width: 10, height: 3))
        screen.feed("a\r\nb\r\n")
        screen.feed("\u{1B}[?1049h")
        #expect(screen.modes.altScreen)
        screen.feed("1\r\n2\r\n3\r\n4\r\n5")
        #expect(screen.scrollback.count == 0)
        screen.feed("\u{1B}[?1049l")
        #expect(!screen.modes.altScreen)
        #expect(screen.rowTexts == ["a", "b", ""])
    }

    @Test func scrollRegionsInsertAndDeleteStayInsideTheRegion() {
        let (screen, _) = ScreenModelTests.screen(Size(width: 10, height: 5))
        screen.feed("head\r\n1\r\n2\r\n3\r\nfoot")
        screen.feed("\u{1B}[2;4r\u{1B}[4;1H\n") // region rows 2–4, line feed at its bottom
        #expect(screen.rowTexts == ["head", "2", "3", "", "foot"])
        #expect(screen.scrollback.count == 0)
        screen.feed("\u{1B}[r\u{1B}[2;1H\u{1B}[L") // insert a line at row 2
        #expect(screen.rowTexts == ["head", "", "2", "3", ""])
        screen.feed("\u{1B}[1;1H\u{1B}[2P") // delete 2 characters
        #expect(screen.rowTexts[0] == "ad")
        screen.feed("\u{1B}[1;1H\u{1B}[3@X") // insert 3 blanks, then X
        #expect(screen.rowTexts[0] == "X  ad")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        let (screen, _) = ScreenModelTests.screen(Size(width: 10, height: 2))
        screen.feed("日本\u{1B}[1;2Hx")
        #expect(screen.rowText(0) == " x本")
        screen.feed("\u{1B}[1;3H\u{1B}[K")
        #expect(screen.rowText(0) == " x")
        #expect(screen.cells[2, 0].grapheme == " " && !screen.cells[2, 0].isContinuation)
    }

    @Test func erasedCellsKeepTheBackgroundColour() {
        let (screen, _) = ScreenModelTests.screen(Size(width: 6, height: 2))
        screen.feed("\u{1B}[1;44mab\u{1B}[K")
        screen.refresh()
        #expect(screen.cells[5, 0].style == Style(background: .indexed(4)))
        #expect(screen.cells[0, 0].style == Style(background: .indexed(4), attributes: [.bold]))
    }

    @Test func hostileBytesNeverCrashAndKeepTheScreenConsistent() {
        let (screen, _) = ScreenModelTests.screen(Size(width: 13, height: 7), scrollback: 50)
        var rng = Lcg(seed: 42)
        let pieces: [String] = ["\u{1B}[", "\u{1B}]", "\u{1B}P", "\u{7}", "\u{1B}\\", ";", "?1049h", "?1049l", "99999999",
                                "m", "r", "H", "J", "K", "L", "M", "@", "P", "S", "T", "日", "😀", "e\u{301}", "\r\n", "\t",
                                "\u{8}", "38;2;", "48;5;", "?25l", "0;title", "\u{FF}\u{FE}"]
        for round in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 12) {
                if rng.next() % 3 == 0 { bytes.append(UInt8(truncatingIfNeeded: rng.next())) }
                else { bytes += Array(pieces[Int(rng.next() % UInt64(pieces.count))].utf8) }
            }
            screen.feed(bytes)
            if round % 97 == 0 { screen.resize(Size(width: 3 + Int(rng.next() % 20), height: 1 + Int(rng.next() % 9))) }
        }
        screen.refresh()
        let cells = screen.cells
        for y in 0..<cells.size.height {
            for x in 0..<cells.size.width where cells[x, y].width == 2 {
                #expect(x + 1 < cells.size.width && cells[x + 1, y].isContinuation)
            }
        }
        #expect(screen.scrollback.count <= 50)
    }

    /// A small deterministic generator for the fuzz test (Knuth's MMIX linear congruential step).
    struct Lcg {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 29
        }
    }

    @Test func cursorModesAreTracked() {
        let (screen, _) = ScreenModelTests.screen()
        screen.feed("ab\u{1B}[?25l\u{1B}[6 q")
        #expect(screen.cursor == Point(x: 2, y: 0))
        #expect(!screen.modes.cursorVisible)
        #expect(screen.modes.cursorShape == .bar)
        #expect(!screen.modes.cursorBlink)
    }

    @Test func ringKeepsTheNewestLines() {
        var ring = ScrollbackBuffer(capacity: 3)
        for i in 1...5 { ring.push(ScrollbackLine(text: "\(i)")) }
        #expect((0..<ring.count).map { ring[$0].cells(width: 1)[0].grapheme } == ["3", "4", "5"])
        #expect(ring.evicted == 2)
        #expect(ring.popNewest()?.cells(width: 1)[0].grapheme == "5")
        ring.push(ScrollbackLine(text: "6"))
        ring.push(ScrollbackLine(text: "7"))
        #expect((0..<ring.count).map { ring[$0].cells(width: 1)[0].grapheme } == ["4", "6", "7"])
        ring.setCapacity(2)
        #expect((0..<ring.count).map { ring[$0].cells(width: 1)[0].grapheme } == ["6", "7"])
    }

    @Test func scrollbackLinesAreCompactAndKeepWideCharacters() {
        let line = ScrollbackLine(text: "日x")
        #expect(line.columns == 3)
        let cells = line.cells(width: 5)
        #expect(cells.map(\.width) == [2, 0, 1, 1, 1])
        #expect(CopyMode.text(of: cells) == "日x")
    }

    @Test func outputQueueKeepsWhatCouldNotBeWritten() {
        var queue = OutputQueue(limit: 8)
        [UInt8]("hello world".utf8).withUnsafeBytes { queue.append($0) }
        #expect(queue.count == 8 && queue.dropped == 3)
        var written: [UInt8] = []
        var calls = 0
        // The pty takes 3 bytes, then would block.
        #expect(!queue.drain { chunk in
            calls += 1
            guard calls == 1 else { return nil }
            written += chunk.prefix(3)
            return 3
        })
        #expect(String(decoding: written, as: UTF8.self) == "hel" && queue.count == 5)
        #expect(queue.drain { chunk in written += chunk; return chunk.count })
        #expect(queue.isEmpty)
    }
}
