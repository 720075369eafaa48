import EditorCore
import EditorUI
import TermCore
import Testing

@Suite struct PaletteTests {
    @Test func filteringIsFuzzyAndShowsKeys() {
        let keymap = Pilot.defaultSettings().keymap
        var palette = CommandPalette(registry: .builtin, trie: keymap.trie(for: .global))
        #expect(palette.matches.count == CommandRegistry.builtin.commands.filter { !CommandPalette.hiddenContexts.contains($0.context) && $0.id != .none }.count)
        palette.insert("splr")
        #expect(palette.selection?.id == "application:split-right")
        #expect(palette.keys(for: "application:split-right") == "<C-w> v")
        palette.setQuery("side panel")
        #expect(palette.matches.prefix(3).contains { $0.command.id == "application:toggle-left-area" })
        palette.setQuery("zzzzqqq")
        #expect(palette.matches.isEmpty && palette.selection == nil)
        palette.deleteBackward()
        palette.setQuery("")
        palette.move(3)
        #expect(palette.selected == 3)
        palette.move(-10)
        #expect(palette.selected == 0)
    }

    @Test func thePaletteRunsTheHighlightedCommand() {
        let pilot = Pilot(paths: [Fixtures.path("notes.txt")])
        pilot.press("<C-Space>")
        #expect(pilot.app.palette != nil)
        #expect(pilot.contains("> "))
        pilot.type("split down")
        #expect(pilot.app.palette?.selection?.id == "application:split-down")
        pilot.press("<Enter>")
        #expect(pilot.app.palette == nil)
        #expect(pilot.app.workspace.groups.count == 2)
    }

    @Test func typingInThePaletteNeverRunsBindings() {
        let pilot = Pilot(paths: [Fixtures.path("notes.txt")])
        pilot.press("<F1>")
        pilot.type("q")
        pilot.press("<BS>")
        pilot.paste("close\npane")
        #expect(pilot.app.palette?.query == "closepane")
        pilot.press("<Down> <Up> <Esc>")
        #expect(pilot.app.palette == nil)
        #expect(pilot.app.workspace.groups.count == 1)
    }

    @Test func keyHelpListsTheLiveBindingsAndClosesOnAnotherKey() {
        let pilot = Pilot(height: 30, paths: [Fixtures.path("notes.txt")])
        pilot.press("<S-F1>")
        #expect(pilot.contains("Keys: editor"))
        #expect(pilot.contains("Cursor down"))
        pilot.press("<PageDown>")
        #expect(pilot.app.keyHelp!.scroll > 0)
        pilot.press("x")
        #expect(pilot.app.keyHelp == nil)
    }

    @Test func promptDialogTakesTextAndPaste() {
        let pilot = Pilot()
        var answer: Dialog.Answer?
        pilot.app.present(.prompt("Rename", message: "New name:", initial: "a") { answer = $0 })
        pilot.type("bc")
        pilot.paste("d\ne")
        pilot.press("<BS> <Enter>")
        #expect(answer == .button(0, text: "abcd"))
        pilot.app.present(.prompt("Rename", message: "New name:") { answer = $0 })
        pilot.press("<Tab> <Enter>")
        #expect(answer == .cancelled)
    }
}
