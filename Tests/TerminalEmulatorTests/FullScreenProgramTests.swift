import Foundation
import TermCore
import Testing
@testable import TerminalEmulator

/// Full-screen programs on the alternate screen: vim edits and writes a file, less pages one; the
/// shell's screen comes back when they quit.
@Suite(.serialized) struct FullScreenProgramTests {
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("callisto-vterm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func vimEditsAFileOnTheAlternateScreen() throws {
        let dir = try FullScreenProgramTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pty = try PtyHarness.bash(directory: dir.path)
        pty.session.type("echo before-vim\n")
        #expect(pty.waitForRow { $0 == "before-vim" })
        pty.session.type("vim -u NONE -N notes.txt\n")
        #expect(pty.run(until: { pty.session.screen.modes.altScreen && pty.rows.contains("~") }), "\(pty.screenDump)")
        #expect(!pty.rows.contains("before-vim"))
        pty.session.type("ihello from vim")
        pty.session.send(Key(.escape))
        #expect(pty.waitForRow { $0 == "hello from vim" }, "\(pty.screenDump)")
        pty.session.type(":wq\n")
        #expect(pty.run(until: { !pty.session.screen.modes.altScreen && pty.rows.contains("before-vim") }), "\(pty.screenDump)")
        pty.session.type("echo after-vim\n")
        #expect(pty.waitForRow { $0 == "after-vim" })
        let written = try String(contentsOf: dir.appendingPathComponent("notes.txt"), encoding: .utf8)
        #expect(written == "hello from vim\n")
        pty.session.close()
    }

    @Test func lessPagesAFileAndQuits() throws {
        let dir = try FullScreenProgramTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = (1...200).map { "line \($0)" }.joined(separator: "\n") + "\n"
        try lines.write(to: dir.appendingPathComponent("long.txt"), atomically: true, encoding: .utf8)
        let pty = try PtyHarness.bash(directory: dir.path)
        pty.session.type("echo before-less\n")
        #expect(pty.waitForRow { $0 == "before-less" })
        pty.session.type("less long.txt\n")
        #expect(pty.run(until: { pty.session.screen.modes.altScreen && pty.rows.first == "line 1" }), "\(pty.screenDump)")
        #expect(pty.rows.contains("line 23"))
        pty.session.send(Key(.char(" ")))
        #expect(pty.waitForRow { $0 == "line 40" }, "\(pty.screenDump)")
        #expect(!pty.rows.contains("line 1"))
        pty.session.type("q")
        #expect(pty.run(until: { !pty.session.screen.modes.altScreen && pty.rows.contains("before-less") }), "\(pty.screenDump)")
        #expect(!pty.rows.contains("line 40"))
        pty.session.close()
    }
}
