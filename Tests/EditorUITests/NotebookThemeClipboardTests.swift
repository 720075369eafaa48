import EditorCore
@testable import EditorUI
import Foundation
import TermCore
import Testing
import TestSupport

/// A theme switch re-styles every laid-out block at once; cell and text copies reach the system
/// clipboard queue when `clipboard.osc52` is on.
@Suite struct NotebookThemeClipboardTests {
    static let lightConfig = Pilot.standardConfig + "\ntheme = \"light\""

    /// Opens the palette and runs the command titled `title`.
    func palette(_ pilot: Pilot, _ title: String) {
        pilot.press("<C-Space>")
        pilot.type(title)
        pilot.press("<Enter>")
    }

    @Test func changingThemeFromThePaletteRestylesEveryBlock() throws {
        let pilot = Pilot(width: 80, height: 24, paths: [Fixtures.path("demo.ipynb")])
        pilot.press("j <Enter>")
        let dark = Snapshot.render(pilot.backend.screen, styled: true)
        palette(pilot, "Change theme")
        #expect(pilot.contains("Change theme") && pilot.contains("gruvbox") && pilot.contains("light"), "\(pilot.screenText)")
        let names = pilot.app.resourceLocator.available(.theme)
        let steps = try #require(names.firstIndex(of: "light")) - (names.firstIndex(of: "dark") ?? 0)
        pilot.press(Array(repeating: "<Right>", count: (steps + names.count) % names.count).joined(separator: " "))
        pilot.press("<Enter>")
        #expect(pilot.app.settings.theme.name == "light")
        pilot.advance(WorkspaceApp.messageDuration + .seconds(1))
        #expect(pilot.app.statusModel.mode == "EDIT", "the edited cell stays in edit mode")
        let switched = Snapshot.render(pilot.backend.screen, styled: true)
        #expect(switched != dark)

        // The same screen drawn by an app that started with the light theme: nothing left over.
        let fresh = Pilot(width: 80, height: 24, paths: [Fixtures.path("demo.ipynb")], config: Self.lightConfig)
        fresh.press("j <Enter>")
        fresh.advance(WorkspaceApp.messageDuration + .seconds(1))
        #expect(switched == Snapshot.render(fresh.backend.screen, styled: true))
        Snapshot.assert(pilot.backend.screen, named: "notebook-theme-switched-light-80x24", styled: true)
    }

    @Test func copyingCellsPutsTheirTextOnTheSystemClipboard() throws {
        let pilot = Pilot(width: 80, height: 24, paths: [Fixtures.path("demo.ipynb")])
        let view = try #require(pilot.app.workspace.focusedContent as? NotebookView)
        pilot.press("j J c")
        let expected = view.model.cells[1...2].map(\.source).joined(separator: "\n\n")
        #expect(pilot.app.serviceTerminals() == [expected])
        pilot.press("<Esc> <Enter> <S-End> <C-c>")
        let line = view.model.activeCell.source.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        #expect(pilot.app.serviceTerminals() == [line], "a text copy in a cell goes there too")
    }

    @Test func noSystemClipboardWhenOSC52IsOff() throws {
        let pilot = Pilot(width: 80, height: 24, paths: [Fixtures.path("demo.ipynb")],
                          config: Pilot.standardConfig + "\n[clipboard]\nosc52 = false")
        pilot.press("c")
        #expect(pilot.app.serviceTerminals().isEmpty)
        #expect(pilot.contains("copied 1 cell"))
    }
}
