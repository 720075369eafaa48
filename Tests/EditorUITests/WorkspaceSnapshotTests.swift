import EditorCore
import EditorUI
import TermCore
import Testing
import TestSupport

/// Whole-screen snapshots through the memory backend, at 80×24 and 200×60.
@Suite struct WorkspaceSnapshotTests {
    static let sizes = [(80, 24), (200, 60)]

    func assert(_ pilot: Pilot, _ name: String, styled: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        Snapshot.assert(pilot.backend.screen, named: "\(name)-\(pilot.backend.size.width)x\(pilot.backend.size.height)",
                        styled: styled, sourceLocation: sourceLocation)
    }

    @Test(arguments: sizes) func welcome(_ w: Int, _ h: Int) {
        assert(Pilot(width: w, height: h, paths: []), "welcome")
    }

    @Test(arguments: sizes) func notebookAndTextInSplits(_ w: Int, _ h: Int) {
        let pilot = Pilot(width: w, height: h, paths: [Fixtures.path("demo.ipynb"), Fixtures.path("script.py")])
        pilot.press("<C-w> v <C-PageDown> <C-w> s <C-w> h")
        assert(pilot, "splits")
    }

    @Test(arguments: sizes) func sidePanelAndStatusMessage(_ w: Int, _ h: Int) {
        let pilot = Pilot.viewing("notes.txt", width: w, height: h)
        pilot.press("<C-b> <C-s>")
        assert(pilot, "side-panel")
    }

    @Test(arguments: sizes) func palette(_ w: Int, _ h: Int) {
        let pilot = Pilot.viewing("notes.txt", width: w, height: h)
        pilot.press("<C-Space>")
        pilot.type("pane")
        pilot.press("<Down>")
        assert(pilot, "palette")
    }

    @Test(arguments: sizes) func confirmDialog(_ w: Int, _ h: Int) {
        let pilot = Pilot.viewing("notes.txt", width: w, height: h)
        pilot.app.open(StubContent("draft.ipynb", modified: true))
        pilot.press("<C-q>")
        assert(pilot, "confirm")
    }

    @Test(arguments: sizes) func promptDialog(_ w: Int, _ h: Int) {
        let pilot = Pilot.viewing("notes.txt", width: w, height: h)
        pilot.app.present(.prompt("Rename file", message: "New name for notes.txt:", initial: "notes") { _ in })
        pilot.type("-2.txt")
        assert(pilot, "prompt")
    }

    @Test(arguments: sizes) func keyHelp(_ w: Int, _ h: Int) {
        let pilot = Pilot(width: w, height: h, paths: [Fixtures.path("demo.ipynb")])
        pilot.press("<S-F1>")
        assert(pilot, "key-help")
    }

    @Test(arguments: sizes) func whichKey(_ w: Int, _ h: Int) {
        let pilot = Pilot.viewing("notes.txt", width: w, height: h)
        pilot.press("<C-w>")
        assert(pilot, "which-key")
    }

    @Test func tooSmall() {
        let pilot = Pilot.viewing("notes.txt", width: 80, height: 24)
        pilot.resize(24, 6)
        Snapshot.assert(pilot.backend.screen, named: "too-small-24x6")
        pilot.resize(80, 24)
        #expect(pilot.contains("line 1: the quick brown fox"))
    }

    @Test func tabBarScrollsToTheActiveTabWithMarkers() {
        let pilot = Pilot(width: 80, height: 24, paths: [])
        for i in 1...12 { pilot.app.open(StubContent("document-\(i).txt", modified: i == 12)) }
        pilot.settle()
        Snapshot.assert(pilot.backend.screen, named: "tab-scroll-end-80x24")
        #expect(pilot.rows[0].hasPrefix("‹"))
        #expect(pilot.rows[0].contains("document-12.txt ●"))
        pilot.press("<C-PageDown>") // wraps to the welcome tab
        #expect(pilot.rows[0].contains("Welcome"))
        #expect(pilot.rows[0].hasSuffix("›"))
    }

    @Test func monochromeMarksFocusWithReverseVideo() {
        let pilot = Pilot.viewing("notes.txt", "script.py", width: 80, height: 24, colorDepth: .monochrome)
        pilot.press("<C-w> v")
        Snapshot.assert(pilot.backend.screen, named: "monochrome-80x24", styled: true)
        let row = pilot.backend.screen.styleRuns(row: 0)
        #expect(row.contains { $0.style.attributes.contains(.reverse) })
        #expect(pilot.backend.screen.cells.allSatisfy { $0.style.foreground == nil || $0.style.foreground == .default })
    }

    @Test func binaryBrokenAndMissingFilesGetANotice() {
        let pilot = Pilot(width: 100, height: 12, paths: [Fixtures.path("program.bin"), Fixtures.path("broken.ipynb")])
        #expect(pilot.contains("program.bin is a binary file (7 bytes)"))
        pilot.press("<C-PageDown>")
        #expect(pilot.contains("{ not json"))
        #expect(pilot.contains("not a valid notebook"))
    }
}
