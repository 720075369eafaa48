import Foundation
import TermCore
import Testing
@testable import TerminalEmulator

/// What a child prints arrives on the screen as the right cells: text, colours, attributes, wide
/// characters, title, bell, answers to queries. Every test runs a real child on a real pty.
@Suite(.serialized) struct ScreenOutputTests {
    @Test func echoAppearsOnScreen() throws {
        let pty = try PtyHarness.script("echo hello")
        #expect(pty.waitForExit(), "\(pty.screenDump)")
        #expect(pty.rows.first == "hello")
        #expect(pty.session.exitStatus == .exited(0))
    }

    @Test func coloursAndAttributesBecomeCellStyles() throws {
        let pty = try PtyHarness.script(#"printf '\033[31mR\033[0m\033[38;5;208mO\033[0m\033[38;2;10;20;30mT\033[0m\033[1mB\033[0m\033[4mU\033[0m\033[7mV\033[0m\033[3mI\033[0m\033[9mS\033[0m\033[48;5;19mG\033[0m\033[91mH\033[0mP\n'"#)
        #expect(pty.waitForExit())
        var buffer = CellBuffer(size: Size(width: 80, height: 24))
        pty.session.render(into: &buffer)
        let cells = (0..<11).map { buffer[$0, 0] }
        #expect(cells.map(\.grapheme).joined() == "ROTBUVISGHP")
        #expect(cells[0].style.foreground == .indexed(1))
        #expect(cells[1].style.foreground == .indexed(208))
        #expect(cells[2].style.foreground == .rgb(10, 20, 30))
        #expect(cells[3].style.attributes == [.bold])
        #expect(cells[4].style.attributes == [.underline])
        #expect(cells[5].style.attributes == [.reverse])
        #expect(cells[6].style.attributes == [.italic])
        #expect(cells[7].style.attributes == [.strikethrough])
        #expect(cells[8].style.background == .indexed(19) && cells[8].style.foreground == nil)
        #expect(cells[9].style.foreground == .indexed(9))
        #expect(cells[10].style == .plain)
    }

    @Test func wideCharactersTakeTwoCellsAndCombiningMarksStay() throws {
        let pty = try PtyHarness.script("printf '日本😀x\\n'; printf 'e\\314\\201!\\n'")
        #expect(pty.waitForExit())
        var buffer = CellBuffer(size: Size(width: 80, height: 24))
        pty.session.render(into: &buffer)
        #expect(buffer[0, 0].grapheme == "日" && buffer[0, 0].width == 2 && buffer[1, 0].isContinuation)
        #expect(buffer[2, 0].grapheme == "本" && buffer[2, 0].width == 2 && buffer[3, 0].isContinuation)
        #expect(buffer[4, 0].grapheme == "😀" && buffer[4, 0].width == 2 && buffer[5, 0].isContinuation)
        #expect(buffer[6, 0].grapheme == "x")
        #expect(buffer[0, 1].grapheme == "e\u{301}" && buffer[1, 1].grapheme == "!")
        #expect(pty.rows[0] == "日本😀x")
    }

    @Test func titleAndBellAreReported() throws {
        let pty = try PtyHarness.script(#"printf '\033]0;my title\007'; printf 'ding\007\007\n'"#)
        #expect(pty.waitForExit())
        #expect(pty.session.title == "my title")
        #expect(pty.session.bellCount == 2)
        let other = try PtyHarness.script(#"printf '\033]2;second\033\\'; echo done"#)
        #expect(other.waitForExit())
        #expect(other.session.title == "second")
        #expect(other.session.bellCount == 0)
    }

    @Test func titleControlCharactersAreDropped() throws {
        let screen = TerminalScreen(size: Size(width: 20, height: 5))
        screen.feed("\u{1B}]2;bad\u{1B}[31mtitle\u{7}")
        #expect(!screen.modes.title.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test func cursorPositionQueryIsAnsweredToTheChild() throws {
        let pty = try PtyHarness(PtyCommand(executable: "/bin/bash", arguments: ["-c", #"printf 'abc'; printf '\033[6n'; IFS= read -rs -d R answer; printf '\nanswer=%s\n' "${answer#*[}""#]))
        #expect(pty.waitForExit(), "\(pty.screenDump)")
        #expect(pty.rows.contains("answer=1;4"), "\(pty.screenDump)")
    }
}
