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
