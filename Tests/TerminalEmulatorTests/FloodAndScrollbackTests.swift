import Foundation
import TermCore
import Testing
@testable import TerminalEmulator

/// Large outputs: a flood never blocks the loop, the scrollback keeps the newest lines, the view
/// scrolls through them and copy mode copies from them.
@Suite(.serialized) struct FloodAndScrollbackTests {
    @Test func floodCompletesInBoundedReadsWithTheEndOnScreen() throws {
        let pty = try PtyHarness.script("yes | head -n 2000000; echo END-MARK")
        var frames = 0
        var buffer = CellBuffer(size: Size(width: 80, height: 24))
        let done = pty.run(until: {
            if pty.session.needsRender { pty.session.render(into: &buffer); frames += 1 }
            return pty.session.isFinished
        }, deadline: .seconds(300))
        #expect(done, "\(pty.screenDump)")
        #expect(pty.largestRead <= pty.session.readBudget)
        #expect(pty.reads > 1)
        #expect(frames > 1)
        let rows = pty.rows
        #expect(rows[21] == "y" && rows[22] == "END-MARK" && rows[23] == "", "\(pty.screenDump)")
        #expect(pty.session.screen.scrollback.count == 10_000)
        #expect(pty.session.screen.scrollback.evicted == 2_000_000 - 22 - 10_000)
        #expect(pty.session.exitStatus == .exited(0))
    }

    @Test func scrollbackKeepsTheNewestLinesAndScrolls() throws {
        let pty = try PtyHarness.script("seq 1 20000", size: Size(width: 40, height: 10), scrollbackLines: 12_000)
        #expect(pty.waitForExit(deadline: .seconds(120)))
        let session = pty.session
        #expect(session.screen.scrollback.count == 12_000)
        // Every kept line, scrollback then screen, is the next number.
        let numbers = (session.firstLine...session.lastLine).map { session.text(ofLine: $0) }.filter { !$0.isEmpty }
        #expect(numbers.last == "20000")
        #expect(numbers.count == 12_009)
        #expect(numbers.map { Int($0)! } == Array((20000 - 12_008)...20000))
        #expect(pty.rows.first == "19992")

        session.scroll(lines: 5)
        #expect(session.needsRender)
        #expect(pty.rows.first == "19987")
        session.scroll(pages: 1)
        #expect(pty.rows.first == "19978")
        session.scroll(pages: 10_000)
        #expect(pty.rows.first == "\(20000 - 12_008)")
        session.scrollToBottom()
        #expect(pty.rows.first == "19992")
    }

    @Test func wheelScrollsTheScrollbackUnlessTheChildWantsTheMouse() throws {
        let pty = try PtyHarness.script("stty -echo -icanon min 1; seq 1 100; printf '\\033[?1000h'; echo mouse-on; head -c 6 | od -An -tu1", size: Size(width: 40, height: 10))
        #expect(pty.waitFor("mouse-on"))
        #expect(pty.session.screen.modes.mouse == .click)
        #expect(pty.session.mouse(MouseEvent(.press(.left), at: Point(x: 2, y: 3))))
        #expect(pty.waitForExit(), "\(pty.screenDump)")
        // X10 encoding: ESC [ M, button 0 + 32, column + 33, row + 33.
        #expect(pty.rows.contains { $0.split(separator: " ") == ["27", "91", "77", "32", "35", "36"] }, "\(pty.screenDump)")

        let plain = try PtyHarness.script("seq 1 100", size: Size(width: 40, height: 10))
        #expect(plain.waitForExit())
        let top = plain.rows.first
        #expect(plain.session.mouse(MouseEvent(.scrollUp, at: Point(x: 1, y: 1))))
        #expect(plain.rows.first != top)
        #expect(plain.rows.first == "89")
    }

    @Test func copyModeSelectsAcrossScrollbackAndScreen() throws {
        let pty = try PtyHarness.script("printf 'alpha   \\n日本 wide\\n'; seq 1 30", size: Size(width: 20, height: 8))
        #expect(pty.waitForExit())
        let session = pty.session
        session.enterCopyMode()
        session.moveCopyCursor(.top)
        #expect(session.text(ofLine: session.copyMode!.cursor.line) == "alpha")
        #expect(session.view.offset > 0)
        session.toggleSelection()
        session.moveCopyCursor(.down(1))
        session.moveCopyCursor(.lineEnd)
        #expect(session.selectedText == "alpha\n日本 wide")
        var buffer = CellBuffer(size: Size(width: 20, height: 8))
        session.render(into: &buffer)
        #expect(buffer[0, 0].style.attributes.contains(.reverse))
        #expect(buffer[0, 0].grapheme == "a")
        session.toggleSelection()
        #expect(session.selectedText == nil)
        // From the right half of a wide character to the end of the line it belongs to.
        session.moveCopyCursor(.lineStart)
        session.moveCopyCursor(.right(1))
        session.toggleSelection()
        session.moveCopyCursor(.right(4))
        #expect(session.selectedText == "日本 w")
        session.exitCopyMode()
        #expect(session.view.isLive)
        #expect(session.copyMode == nil)
    }
}
