import EditorCore
import EditorUI
import TermCore
import Testing

@Suite struct DispatchTests {
    @Test func everyWorkspaceCommandHasAHandler() {
        let workspaceCommands = CommandRegistry.builtin.commands.filter {
            ["application", "palette", "dialog"].contains($0.id.area) || $0.id.rawValue.hasPrefix("apputils:activate")
                || $0.id.rawValue == "apputils:display-shortcuts" || $0.id.rawValue == "docmanager:save"
        }
        let missing = workspaceCommands.map(\.id).filter { !WorkspaceApp.handledCommands.contains($0) }
        #expect(missing.isEmpty, "no handler for \(missing)")
        #expect(WorkspaceApp.handledCommands.allSatisfy { CommandRegistry.builtin.contains($0) })
    }

    @Test func aKeySequenceRunsItsCommandAndShowsWhichKeyWhilePending() {
        let pilot = Pilot.viewing("notes.txt")
        pilot.press("<C-w>")
        #expect(pilot.app.pending == Key.sequence("<C-w>"))
        #expect(pilot.contains("<C-w> …"))
        #expect(pilot.contains("Split right"))
        pilot.press("v")
        #expect(pilot.app.pending.isEmpty)
        #expect(pilot.app.workspace.groups.count == 2)
        #expect(!pilot.contains("Split right"))
    }

    @Test func anUnboundContinuationCancelsTheSequence() {
        let pilot = Pilot.viewing("notes.txt")
        pilot.press("<C-w> x")
        #expect(pilot.app.pending.isEmpty)
        #expect(pilot.app.workspace.groups.count == 1)
        #expect(pilot.contains("<C-w> x is not bound"))
        pilot.advance(.seconds(5))
        #expect(!pilot.contains("is not bound"))
    }

    @Test func escapeCancelsAPendingSequenceQuietlyAfterTheEscapeTimeout() {
        let pilot = Pilot.viewing("notes.txt")
        pilot.press("<C-w> <Esc>")
        #expect(pilot.app.pending.isEmpty)
        #expect(!pilot.contains("not bound"))
    }

    @Test func contextKeysReachTheFocusedContentAsCommands() {
        let pilot = Pilot.viewing("notes.txt", height: 10)
        #expect(pilot.rows[1].hasPrefix("line 1:"))
        pilot.press("<Down> <Down> <PageDown>")
        #expect(pilot.rows[1].hasPrefix("line 10:"))
        pilot.press("<C-End>")
        #expect(pilot.rows[8].hasPrefix("line 60:"))
        pilot.send("\u{1b}[<64;5;4M") // wheel up
        #expect(pilot.rows[1].hasPrefix("line 50:"))
    }

    @Test func aDeclinedCommandFallsThroughToTheGeneralBinding() {
        let pilot = Pilot.viewing("notes.txt")
        #expect(pilot.app.keyContext == .editor)
        pilot.press("<C-z>") // undo in an editor; the read-only viewer declines it, so: suspend
        #expect(pilot.performed == [.suspend])
        let stub = StubContent("editor")
        pilot.app.open(stub)
        pilot.press("<C-z>")
        #expect(stub.received.last == "editor:undo")
        #expect(pilot.performed == [.suspend])
    }

    @Test func pasteIsTextNeverCommands() {
        let pilot = Pilot()
        let stub = StubContent("stub")
        pilot.app.open(stub)
        pilot.paste("<C-q>\u{11}d d")
        #expect(stub.received == ["paste <C-q>\u{11}d d"])
        #expect(!pilot.app.shouldQuit)
    }

    @Test func pasteIntoAReadOnlyTabSaysSo() {
        let pilot = Pilot.viewing("notes.txt")
        pilot.paste("hello")
        #expect(pilot.contains("read-only"))
    }

    @Test func quitAsksOnlyWhenSomethingIsModified() {
        let clean = Pilot()
        clean.press("<C-q>")
        #expect(clean.app.shouldQuit)

        let pilot = Pilot()
        pilot.app.open(StubContent("draft", modified: true))
        pilot.press("<C-q>")
        #expect(!pilot.app.shouldQuit)
        #expect(pilot.contains("Quit Callisto?"))
        pilot.press("<Esc>")
        #expect(!pilot.app.shouldQuit && pilot.app.dialogs.isEmpty)
        pilot.press("<C-q> <Left> <Enter>")
        #expect(pilot.app.shouldQuit)
    }

    @Test func closingAModifiedTabAsksAndSaves() {
        let pilot = Pilot()
        let stub = StubContent("draft", modified: true)
        pilot.app.open(stub)
        pilot.press("<A-w>")
        #expect(pilot.contains("Close draft?"))
        pilot.press("<Enter>")
        #expect(!stub.isModified)
        #expect(pilot.app.workspace.focusedContent == nil || pilot.app.workspace.focusedContent! !== stub)
    }

    @Test func saveOnAReadOnlyDocumentExplains() {
        let pilot = Pilot.viewing("notes.txt")
        pilot.press("<C-s>")
        #expect(pilot.contains("open read-only: nothing to save"))
    }

    @Test func tabsCycleCloseAndReopen() {
        let pilot = Pilot.viewing("notes.txt", "script.py")
        #expect(pilot.app.workspace.focusedContent?.title == "notes.txt")
        pilot.press("<C-PageDown>")
        #expect(pilot.app.workspace.focusedContent?.title == "script.py")
        pilot.press("<A-w>")
        #expect(pilot.app.workspace.focusedContent?.title == "notes.txt")
        pilot.press("<A-T>")
        #expect(pilot.app.workspace.focusedContent?.title == "script.py")
    }

    @Test func splitsFocusAndResizeByKeyboard() {
        let pilot = Pilot.viewing("notes.txt")
        pilot.press("<C-w> v")
        let right = pilot.app.workspace.focused
        pilot.press("<C-w> h")
        #expect(pilot.app.workspace.focused != right)
        let before = pilot.app.workspace.frames(in: pilot.app.paneArea).groups[pilot.app.workspace.focused]!.width
        pilot.press("<C-w> +")
        let after = pilot.app.workspace.frames(in: pilot.app.paneArea).groups[pilot.app.workspace.focused]!.width
        #expect(after == before + 4)
        pilot.press("<C-w> =")
        #expect(pilot.app.workspace.frames(in: pilot.app.paneArea).groups[pilot.app.workspace.focused]!.width == before)
        pilot.press("<C-w> q")
        #expect(pilot.app.workspace.groups.count == 1)
        #expect(pilot.app.workspace.focusedGroup.tabs.count == 2)
    }

    @Test func dragginABorderWithTheMouseResizes() {
        let pilot = Pilot.viewing("notes.txt")
        pilot.press("<C-w> v")
        let border = pilot.app.workspace.frames(in: pilot.app.paneArea).borders[0].rect
        pilot.send("\u{1b}[<0;\(border.x + 1);5M\u{1b}[<32;21;5M\u{1b}[<0;21;5m")
        let f = pilot.app.workspace.frames(in: pilot.app.paneArea)
        #expect(f.borders[0].rect.x == 20)
    }

    @Test func clickingATabShowsIt() {
        let pilot = Pilot.viewing("notes.txt", "script.py")
        guard let range = pilot.rows[0].range(of: "script.py") else { Issue.record("no tab: \(pilot.screenText)"); return }
        let column = range.lowerBound.utf16Offset(in: pilot.rows[0])
        pilot.click(column, 0)
        #expect(pilot.app.workspace.focusedContent?.title == "script.py")
    }

    @Test func sidePanelTogglesWithCtrlB() {
        let pilot = Pilot.viewing("notes.txt")
        #expect(!pilot.contains("FILES"))
        pilot.press("<C-b>")
        #expect(pilot.contains("FILES"))
        #expect(pilot.app.paneArea.x > 0)
        pilot.press("<C-b>")
        #expect(!pilot.contains("FILES"))
    }

    @Test func configErrorsBecomeAStatusMessage() {
        let pilot = Pilot(config: "[ui]\nthem = \"dark\"")
        #expect(pilot.contains("config:"))
        #expect(pilot.contains("unknown option"))
    }
}
