import EditorCore
@testable import EditorUI
import Foundation
import TermCore
import Testing
import TestSupport

/// Text, image and binary files opened in tabs, driven by keys through the real keymap; files are
/// checked on disk.
@Suite("Text file tabs")
struct TextFileViewTests {
    static func file(_ name: String, _ text: String) throws -> String {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-textview")
        let path = dir.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func typingEditsAndCtrlSSavesWithTheModifiedMarkerInBetween() throws {
        let path = try Self.file("script.py", "def f(x):\n    return x\n")
        let pilot = Pilot(width: 80, height: 12, paths: [path])
        let view = try #require(pilot.app.workspace.focusedContent as? TextFileView)
        #expect(pilot.app.keyContext == .editor)
        #expect(pilot.contains("def f(x):") && pilot.contains("EDIT"))
        pilot.press("<C-End>")
        pilot.type("print(f(1))")
        #expect(view.isModified)
        #expect(pilot.rows[0].contains("script.py ●"))
        pilot.press("<C-z>")
        pilot.press("<C-y>")
        pilot.press("<C-s>")
        #expect(!view.isModified)
        #expect(try Self.read(path) == "def f(x):\n    return x\nprint(f(1))")
        #expect(pilot.contains("saved"))
        #expect(pilot.contains("Ln 3/3"))
    }

    @Test func keywordsAreHighlightedByFileType() throws {
        let path = try Self.file("code.py", "def main():\n    pass\n")
        let pilot = Pilot(width: 60, height: 8, paths: [path])
        let row = try #require(pilot.rows.firstIndex { $0.contains("def main") })
        let col = try #require(pilot.rows[row].range(of: "def")).lowerBound.utf16Offset(in: pilot.rows[row])
        let keyword = pilot.backend.screen[col, row].style
        let name = pilot.backend.screen[col + 4, row].style
        #expect(keyword != name, "def and main are drawn differently")
        let plain = try Self.file("notes.txt", "def main():\n")
        #expect(TextFileView.syntax(for: "txt") == nil && TextFileView.syntax(for: "json") == "json")
        #expect(TextFileView.syntax(for: "toml") == "toml" && TextFileView.syntax(for: "md") == "md")
        _ = plain
    }

    @Test func vimStyleStartsInNormalMode() throws {
        let path = try Self.file("v.txt", "alpha\nbeta\n")
        let pilot = Pilot(width: 60, height: 8, paths: [path], config: "[ui]\nside-panel = false\n[editor]\nstyle = \"vim\"")
        #expect(pilot.contains("NORMAL"))
        pilot.press("j")
        pilot.press("d d")
        #expect(pilot.contains("alpha") && !pilot.contains("beta"))
        pilot.press("i")
        #expect(pilot.contains("INSERT"))
        pilot.type("gamma")
        pilot.press("<Esc>")
        pilot.press("<C-s>")
        #expect(try Self.read(path) == "alpha\ngamma")
    }

    @Test func aFileChangedOnDiskAsksBeforeOverwriting() throws {
        let path = try Self.file("shared.md", "# Notes\n")
        let pilot = Pilot(width: 80, height: 12, paths: [path])
        pilot.type("x")
        try Data("# Someone else's\n".utf8).write(to: URL(fileURLWithPath: path))
        pilot.press("<C-s>")
        #expect(pilot.contains("shared.md changed on disk"))
        #expect(try Self.read(path) == "# Someone else's\n")
        pilot.press("<Esc>")
        #expect(pilot.app.dialogs.isEmpty)
        let view = try #require(pilot.app.workspace.focusedContent as? TextFileView)
        view.forceSave()
        #expect(try Self.read(path) == "x# Notes\n")
    }

    @Test func quitAsksAboutUnsavedText() throws {
        let path = try Self.file("q.txt", "one\n")
        let pilot = Pilot(width: 80, height: 12, paths: [path])
        pilot.type("two ")
        pilot.press("<C-q>")
        #expect(!pilot.app.shouldQuit)
        #expect(pilot.contains("Quit Callisto?") && pilot.contains("q.txt"))
    }

    @Test func binaryFilesShowANoticeNotGarbage() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-textview")
        let path = dir.appendingPathComponent("blob.bin").path
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x1B, 0x5B, 0x32, 0x4A]).write(to: URL(fileURLWithPath: path))
        let pilot = Pilot(width: 100, height: 10, paths: [path])
        #expect(pilot.contains("blob.bin is a binary file (10 bytes); it contains NUL bytes"))
        #expect(pilot.app.workspace.focusedContent is TextViewer)
    }

    @Test func imagesAreDrawnWithTheirSizeAndRedrawnOnResize() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-textview")
        let path = dir.appendingPathComponent("pic.png").path
        try ImageFixtures.png(width: 40, height: 20).write(to: URL(fileURLWithPath: path))
        let pilot = Pilot(width: 60, height: 16, paths: [path])
        #expect(pilot.contains("pic.png — 40×20 PNG"))
        // Rows of the tab with the picture's colours in them.
        let drawn = {
            let screen = pilot.backend.screen, size = pilot.backend.size
            let window = screen[size.width - 1, size.height - 2].style.background
            return (2..<size.height - 1).filter { y in (0..<size.width).contains { screen[$0, y].style.background != window } }.count
        }
        let small = drawn()
        #expect(small >= 5)
        pilot.resize(100, 40)
        #expect(drawn() > small)
        let junk = dir.appendingPathComponent("junk.png").path
        try Data("not a png".utf8).write(to: URL(fileURLWithPath: junk))
        pilot.app.openFiles([junk])
        pilot.settle()
        #expect(pilot.contains("junk.png — not a PNG, JPEG or GIF image"))
    }

    @Test func aPercentScriptOpensAsANotebookOnRequest() throws {
        let path = try Self.file("analysis.py", "# %%\nx = 1\n\n# %% [markdown]\n# Some notes\n")
        let pilot = Pilot(width: 80, height: 16, paths: [path])
        #expect(pilot.app.workspace.focusedContent is TextFileView)
        pilot.app.run("filebrowser:open-as-notebook")
        pilot.settle()
        let notebook = try #require(pilot.app.workspace.focusedContent as? NotebookView)
        #expect(notebook.document.isPercentScript && notebook.model.cells.count == 2)
        #expect(pilot.app.workspace.allContents.count == 1, "the text tab made way for the notebook")
        pilot.press("<Enter>")
        pilot.press("<End>")
        pilot.type(" + 1")
        pilot.press("<Esc>")
        pilot.press("<C-s>")
        let written = try Self.read(path)
        #expect(written == "# %%\nx = 1 + 1\n\n# %% [markdown]\n# Some notes\n", "\(written.debugDescription) \(pilot.screenText)")
    }

    @Test func theSameFileOpensOnceAndSplitViewsShareTheText() throws {
        let path = try Self.file("s.txt", "shared\n")
        let pilot = Pilot(width: 100, height: 12, paths: [path])
        pilot.app.openFiles([path])
        pilot.settle()
        #expect(pilot.app.workspace.allContents.count == 1)
        pilot.press("<C-w> v")
        pilot.type("both ")
        #expect(pilot.rows.filter { $0.components(separatedBy: "both shared").count == 3 }.count == 1)
    }
}
