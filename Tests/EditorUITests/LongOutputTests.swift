import EditorCore
@testable import EditorUI
import Foundation
import NotebookFormat
import TermCore
import Testing
import TestSupport

/// Long and wide outputs: collapsed to their tail, expanded, scrolled in output focus, opened in
/// the pager; copying and clearing outputs.
@Suite(.serialized) struct LongOutputTests {
    let helper = NotebookOutputTests()

    func header(_ pilot: Pilot) -> String? { pilot.rows.first { $0.contains("▼ output lines") } }

    @Test func longOutputShowsItsTailAndExpands() throws {
        let pilot = try helper.pilot(.long, height: 40)
        let view = try helper.notebook(pilot)
        #expect(pilot.contains("⋯ 4,980 more lines above"))
        #expect(pilot.rows.contains { $0.hasSuffix("line 4999") || $0.contains("line 4999 ") })
        #expect(pilot.contains("line 4980"))
        #expect(!pilot.contains("line 4979"))
        let styles = try #require(view.lastStyles)
        #expect(view.block(view.model.active, styles: styles).outputs.count == 21)
        pilot.press("E")
        #expect(view.block(view.model.active, styles: styles).outputs.count == 5000)
        #expect(!pilot.contains("more lines above"))
        pilot.press("E")
        #expect(view.block(view.model.active, styles: styles).outputs.count == 21)
    }

    @Test func outputFocusScrollsWithTheKeyboard() throws {
        let pilot = try helper.pilot(.long, height: 40)
        let view = try helper.notebook(pilot)
        pilot.press("f")
        #expect(view.keyContext == .notebookOutput)
        #expect(pilot.app.statusModel.mode == "OUTPUT")
        #expect(header(pilot)?.contains("output lines 4981–5000 of 5000") == true)
        pilot.press("g g")
        #expect(header(pilot)?.contains("output lines 1–20 of 5000") == true)
        #expect(pilot.rows.contains { $0.contains("line 0") })
        #expect(pilot.rows.contains { $0.contains("line 19") })
        pilot.press("j")
        #expect(header(pilot)?.contains("output lines 2–21 ") == true)
        pilot.press("<PageDown>")
        #expect(header(pilot)?.contains("output lines 21–40 ") == true)
        pilot.press("k <PageUp>")
        #expect(header(pilot)?.contains("output lines 1–20 ") == true)
        pilot.press("G")
        #expect(header(pilot)?.contains("output lines 4981–5000 ") == true)
        pilot.press("<Esc>")
        #expect(view.keyContext == .notebook)
        #expect(header(pilot) == nil)
        #expect(pilot.contains("⋯ 4,980 more lines above"))
    }

    @Test func wideOutputScrollsSideways() throws {
        let pilot = try helper.pilot(.wide)
        #expect(!pilot.contains("xxxEND"))
        pilot.press("f")
        for _ in 0..<40 { pilot.press("l") }
        #expect(pilot.contains("xxxEND"))
        #expect(header(pilot)?.contains("from column") == true)
        pilot.press("^")
        #expect(!pilot.contains("xxxEND"))
        pilot.press("<Esc> W")
        #expect(pilot.contains("xxxEND"), "wrapped lines show their end")
    }

    @Test func leavingTheCellEndsOutputFocus() throws {
        let pilot = try helper.pilot(.long, height: 40)
        let view = try helper.notebook(pilot)
        pilot.press("f")
        pilot.press("<Enter>")
        #expect(view.model.mode == .edit)
        #expect(view.outputState.focus == nil)
    }

    @Test func pagerShowsTheWholeOutputWithColours() throws {
        let pilot = try helper.pilot(.long)
        pilot.press("F")
        let viewer = try #require(pilot.app.workspace.focusedContent as? TextViewer)
        #expect(viewer.text.lines.count >= 5000)
        #expect(viewer.title.hasPrefix("Output"))
        let errors = try helper.pilot(.error)
        errors.press("F")
        let traceback = try #require(errors.app.workspace.focusedContent as? TextViewer)
        #expect(errors.contains("ZeroDivisionError"))
        #expect(traceback.text.lines.joined().contains { span in span.style?.foreground != nil })
    }

    @Test func copyOutputPutsItsTextOnTheClipboard() throws {
        let pilot = try helper.pilot(.progress)
        pilot.press("<A-c>")
        let copied = pilot.app.serviceTerminals()
        #expect(copied.last == "progress 100%")
        let frame = try helper.pilot(.frame)
        frame.press("f y")
        let table = try #require(frame.app.serviceTerminals().last)
        #expect(table.contains("alpha") && table.contains("333.00"))
    }

    @Test func clearOutputsIsUndoable() throws {
        let pilot = try helper.pilot(.frame)
        let view = try helper.notebook(pilot)
        pilot.press("C")
        #expect(view.model.activeCell.cell.outputs.isEmpty)
        #expect(!helper.outputText(pilot).contains("alpha"))
        pilot.press("z")
        #expect(!view.model.activeCell.cell.outputs.isEmpty)
        #expect(helper.outputText(pilot).contains("alpha"))
        pilot.app.run(CommandID("notebook:clear-all-cell-outputs"))
        #expect(view.model.cells.allSatisfy { $0.cell.outputs.isEmpty })
        pilot.press("z")
        #expect(view.model.cells.filter { !$0.cell.outputs.isEmpty }.count == RealOutputs.sources.count)
    }
}
