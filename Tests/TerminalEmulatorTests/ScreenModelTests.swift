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
