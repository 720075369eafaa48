import EditorCore
@testable import EditorUI
import Foundation
import TermCore
import Testing
import TestSupport

/// The file browser in the side panel, driven by keys through the real keymap; every operation is
/// checked on disk.
@Suite("File browser panel")
struct FileBrowserPanelTests {
    static func start() throws -> (Pilot, String) {
        let dir = try FileBrowserModelTests.folder(["notes.txt", "script.py", "data.json"], folders: ["src"])
        let pilot = Pilot(width: 100, height: 30, paths: [], config: "")
        pilot.press("<A-f>")
        #expect(pilot.app.fileBrowser.model.go(to: dir) == nil)
        pilot.press("<Home>")
        return (pilot, dir)
    }

    @Test func listsFoldersFirstAndMovesWithKeys() throws {
        let (pilot, dir) = try Self.start()
        #expect(pilot.app.keyContext == .fileBrowser)
        let rows = pilot.rows
        let src = try #require(rows.firstIndex { $0.contains("src/") })
        let notes = try #require(rows.firstIndex { $0.contains("notes.txt") })
        let data = try #require(rows.firstIndex { $0.contains("data.json") })
        #expect(src < data && data < notes)
        #expect(rows[0].contains(String(dir.suffix(10))))
        pilot.press("j")
        #expect(pilot.app.fileBrowser.model.selectedEntry?.name == "data.json")
        pilot.press("<Up>")
        pilot.press("<Enter>")
        #expect(pilot.app.fileBrowser.model.folder.hasSuffix("/src"))
        pilot.press("<BS>")
        #expect(pilot.app.fileBrowser.model.selectedEntry?.name == "src")
    }

    @Test func typeAheadFilterNarrowsTheList() throws {
        let (pilot, _) = try Self.start()
        pilot.press("/")
        pilot.type("py")
        #expect(pilot.app.fileBrowser.model.visible.count == 1)
        #expect(pilot.contains("/py"))
        #expect(!pilot.contains("notes.txt"))
        pilot.press("<Esc>")
        pilot.advance(.milliseconds(100))
        #expect(pilot.app.fileBrowser.model.filter.isEmpty)
        #expect(pilot.contains("notes.txt"))
    }

    @Test func createRenameDeleteOnDisk() throws {
        let (pilot, dir) = try Self.start()
        pilot.press("d")
        pilot.type("made")
        pilot.press("<Enter>")
        var isDir: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: dir + "/made", isDirectory: &isDir) && isDir.boolValue)
        #expect(pilot.app.fileBrowser.model.selectedEntry?.name == "made")
        // The same name again: a clear message, nothing changes.
        pilot.press("d")
        pilot.type("made")
        pilot.press("<Enter>")
        #expect(pilot.app.message?.text.contains("already exists") == true)
        pilot.press("%")
        pilot.type("fresh.txt")
        pilot.press("<Enter>")
        #expect(FileManager.default.fileExists(atPath: dir + "/fresh.txt"))
        // A new file opens in a text tab; the browser is one key away.
        #expect(pilot.app.workspace.focusedContent?.title == "fresh.txt")
        pilot.press("<A-f>")
        pilot.press("<F2>")
        for _ in 0..<"fresh.txt".count { pilot.press("<BS>") }
        pilot.type("renamed.txt")
        pilot.press("<Enter>")
        #expect(!FileManager.default.fileExists(atPath: dir + "/fresh.txt"))
        #expect(FileManager.default.fileExists(atPath: dir + "/renamed.txt"))
        pilot.press("<C-d>")
        #expect(FileManager.default.fileExists(atPath: dir + "/renamed copy.txt"))
        // Mark two, delete after confirming.
        pilot.app.fileBrowser.model.select(Array("renamed copy.txt".utf8))
        pilot.press("<Space>")
        pilot.app.fileBrowser.model.select(Array("renamed.txt".utf8))
        pilot.press("<Space>")
        pilot.press("<Del>")
        #expect(pilot.app.dialogs.count == 1)
        pilot.press("<S-Tab>")
        pilot.press("<Enter>")
        #expect(!FileManager.default.fileExists(atPath: dir + "/renamed.txt"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/renamed copy.txt"))
        #expect(FileManager.default.fileExists(atPath: dir + "/notes.txt"))
    }

    @Test func cutAndPasteMovesIntoAnotherFolder() throws {
        let (pilot, dir) = try Self.start()
        pilot.app.fileBrowser.model.select(Array("notes.txt".utf8))
        pilot.press("<C-x>")
        pilot.app.fileBrowser.model.select(Array("src".utf8))
        pilot.press("<Enter>")
        pilot.press("<C-v>")
        #expect(FileManager.default.fileExists(atPath: dir + "/src/notes.txt"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/notes.txt"))
        #expect(pilot.app.fileBrowser.model.selectedEntry?.name == "notes.txt")
        pilot.press("y")
        #expect(pilot.app.serviceTerminals().last?.hasSuffix("/src/notes.txt") == true)
    }

    @Test func openingAFileOpensATabAndLeavesThePanel() throws {
        let (pilot, _) = try Self.start()
        pilot.app.fileBrowser.model.select(Array("script.py".utf8))
        pilot.press("<Enter>")
        #expect(pilot.app.workspace.focusedContent?.title == "script.py")
        #expect(pilot.app.keyContext != .fileBrowser)
        #expect(pilot.contains("content of script.py"))
    }
}

extension FileBrowserPanelTests {
    @Test func changesOnDiskAppearWhileVisibleKeepingTheSelection() throws {
        let (pilot, dir) = try Self.start()
        pilot.app.fileBrowser.model.select(Array("script.py".utf8))
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/aaa-new.txt"))
        pilot.advance(.seconds(2))
        #expect(pilot.contains("aaa-new.txt"))
        #expect(pilot.app.fileBrowser.model.selectedEntry?.name == "script.py")
        try FileManager.default.removeItem(atPath: dir + "/notes.txt")
        pilot.advance(.seconds(2))
        #expect(!pilot.contains("notes.txt"))
        #expect(pilot.app.fileBrowser.model.selectedEntry?.name == "script.py")
        // Sizes and times on demand.
        pilot.press("i")
        #expect(pilot.rows.contains { $0.contains("aaa-new") && $0.contains("1B") }, "\(pilot.screenText)")
        pilot.press("i")
        #expect(!pilot.rows.contains { $0.contains("aaa-new") && $0.contains("1B") })
    }

    @Test func aNewNotebookHasThePythonKernelAndOpens() throws {
        let (pilot, dir) = try Self.start()
        pilot.press("n")
        #expect(pilot.contains("Untitled.ipynb"))
        pilot.press("<Enter>")
        let view = try #require(pilot.app.workspace.focusedContent as? NotebookView)
        #expect(view.title == "Untitled.ipynb")
        let r = try ProcessRunner.python("""
        import nbformat, sys
        nb = nbformat.read(sys.argv[1], as_version=4)
        nbformat.validate(nb)
        print(nb.metadata.kernelspec.name, len(nb.cells))
        """, arguments: [dir + "/Untitled.ipynb"])
        #expect(r.stdoutText == "python3 0\n", "\(r.stderrText)")
    }
}
