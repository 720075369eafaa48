import EditorCore
@testable import EditorUI
import Foundation
import NotebookFormat
import TermCore
import Testing
import TestSupport

/// Outputs produced by the real libraries (see `RealOutputs`), drawn in the notebook view: every
/// mime kind, escape safety, long outputs (collapse, expand, output focus, pager), copy and clear.
@Suite(.serialized) struct NotebookOutputTests {
    typealias Cell = RealOutputs.Cell

    /// A pilot showing the executed notebook with cell `cell` active (scrolled into view).
    func pilot(_ cell: Cell, width: Int = 80, height: Int = 30, maxLines: Int = 20, colorDepth: ColorDepth = .trueColor) throws -> Pilot {
        let path = try RealOutputs.notebook.get()
        let config = Pilot.standardConfig + "\n[notebook]\noutput-max-lines = \(maxLines)"
        let pilot = Pilot(width: width, height: height, paths: [path], config: config, colorDepth: colorDepth)
        let view = try notebook(pilot)
        try #require(view.model.cells.count == RealOutputs.sources.count)
        if cell.rawValue > 0 { pilot.press(Array(repeating: "j", count: cell.rawValue).joined(separator: " ")) }
        #expect(view.model.active == cell.rawValue)
        return pilot
    }

    func notebook(_ pilot: Pilot) throws -> NotebookView {
        try #require(pilot.app.workspace.focusedContent as? NotebookView)
    }

    /// The screen rows of the active cell's outputs: its rows (marked in the gutter) after its input.
    func outputRows(_ pilot: Pilot) -> [String] {
        let rows = pilot.rows
        guard let view = try? notebook(pilot), let start = rows.firstIndex(where: { $0.hasPrefix("▌") }) else { return [] }
        var end = start
        while end + 1 < rows.count, rows[end + 1].hasPrefix("▌") { end += 1 }
        let inputLines = view.model.activeCell.source.split(separator: "\n", omittingEmptySubsequences: false).count
        return Array(rows[start...end].dropFirst(inputLines))
    }

    /// The active cell's output rows as one text.
    func outputText(_ pilot: Pilot) -> String { outputRows(pilot).joined(separator: "\n") }

    @Test func matplotlibPlotIsDrawnWithSymbolsWithinThePane() throws {
        let pilot = try pilot(.plot, width: 80, height: 40)
        let rows = outputRows(pilot)
        #expect(!pilot.contains("[image/png"))
        let blocks = Set("▀▄█▌▐▖▗▘▝▙▚▛▜▞▟━▁▂▃▅▆▇")
        let drawn = rows.filter { row in row.contains { blocks.contains($0) } }
        #expect(drawn.count >= 8, "the plot takes several rows of block symbols")
        for row in rows { #expect(row.displayWidth <= 80) }
        // The image is cached: moving around and coming back decodes nothing again.
        let view = try notebook(pilot)
        let misses = view.outputState.rich.misses
        pilot.press("j k j k")
        #expect(view.outputState.rich.misses == misses)
        // Colours come from the picture (a white background), not from the theme.
        let y = try #require(pilot.rows.firstIndex { row in row.contains { blocks.contains($0) } })
        let styles = pilot.backend.screen.styleRuns(row: y).map(\.style)
        #expect(styles.contains { if case .rgb? = $0.background { return true }; if case .rgb? = $0.foreground { return true }; return false })
    }

    @Test func plotColoursFollowTheTerminal() throws {
        let pilot = try pilot(.plot, width: 80, height: 40, colorDepth: .indexed256)
        let y = try #require(pilot.rows.firstIndex { $0.contains("▀") || $0.contains("▄") || $0.contains("█") })
        for run in pilot.backend.screen.styleRuns(row: y) {
            if case .rgb? = run.style.foreground { Issue.record("a 24-bit colour on a 256-colour terminal") }
        }
    }

    @Test func dataFrameIsAnAlignedTable() throws {
        let pilot = try pilot(.frame, width: 80, height: 30)
        let rows = outputRows(pilot)
        let header = try #require(rows.first { $0.contains("name") && $0.contains("value") && $0.contains("count") })
        let body = ["alpha", "beta", "gamma"].compactMap { name in rows.first { $0.contains(name) } }
        try #require(body.count == 3)
        // Numbers are right-aligned under their header: every row's value ends where the header's does.
        let valueEnd = try #require(header.range(of: "value")).upperBound
        let headerColumn = header[..<valueEnd].displayWidth
        for (row, value) in zip(body, ["1.50", "22.25", "333.00"]) {
            let end = try #require(row.range(of: value)).upperBound
            #expect(row[..<end].displayWidth == headerColumn, "\(row)")
        }
        #expect(!pilot.contains("<table"))
    }

    @Test func progressLoopWithCarriageReturnsEndsAsOneLine() throws {
        let pilot = try pilot(.progress)
        let lines = outputRows(pilot).filter { $0.contains("progress") }
        #expect(lines.count == 1)
        #expect(lines.first?.contains("progress 100%") == true)
    }

    @Test func tracebackKeepsItsColours() throws {
        let pilot = try pilot(.error, height: 40)
        let y = try #require(pilot.rows.firstIndex { $0.contains("ZeroDivisionError") })
        let view = try notebook(pilot)
        let base = try #require(view.lastStyles).style("output.traceback")
        let colours = pilot.backend.screen.styleRuns(row: y).compactMap(\.style.foreground)
        #expect(colours.contains { $0 != base.foreground }, "ANSI colours of the traceback are drawn")
    }

    @Test func escapeSequencesAreNeutralised() throws {
        let pilot = try pilot(.escapes)
        let row = try #require(pilot.rows.first { $0.contains("A") && $0.contains("red") })
        for gone in ["pwned", "aGVsbG8", "apc", "1$qm", "1049"] { #expect(!row.contains(gone), "\(gone) in \(row)") }
        for letter in "ABCDEFGHIJKL" { #expect(row.contains(letter)) }
        // Only visible text reaches the grid: no control or escape character in any cell.
        let buffer = pilot.backend.screen
        for y in 0..<buffer.size.height {
            for x in 0..<buffer.size.width {
                for scalar in buffer[x, y].grapheme.unicodeScalars {
                    #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value), "control U+\(String(scalar.value, radix: 16)) at \(x),\(y)")
                }
            }
        }
        // The red text keeps its colour.
        let y = try #require(pilot.rows.firstIndex(of: row))
        let x = try #require(row.range(of: "red")).lowerBound
        let column = row[..<x].displayWidth
        #expect(buffer[column, y].style.foreground != nil)
    }

    @Test func latexJsonMarkdownWidgetAndPlotlyAreReadable() throws {
        var pilot = try pilot(.latex)
        #expect(outputText(pilot).contains("α"))
        #expect(!outputText(pilot).contains("\\frac"))
        pilot = try self.pilot(.json)
        #expect(outputRows(pilot).contains { $0.contains("\"a\"") })
        #expect(outputRows(pilot).contains { $0.contains("\"c\": null") })
        pilot = try self.pilot(.markdown)
        #expect(outputRows(pilot).contains { $0.contains("Title") && !$0.contains("#") })
        #expect(outputRows(pilot).contains { $0.contains("Some emphasis and bold.") })
        pilot = try self.pilot(.widget)
        #expect(outputText(pilot).contains("interactive widget"))
        pilot = try self.pilot(.plotly)
        #expect(outputText(pilot).contains("Plotly figure"))
    }

    @Test func stderrIsStyled() throws {
        let pilot = try pilot(.stderr)
        let y = try #require(pilot.rows.firstIndex { $0.contains("a warning") && !$0.contains("print") })
        let view = try notebook(pilot)
        let stderr = try #require(view.lastStyles).style("output.stderr")
        let x = try #require(pilot.rows[y].range(of: "a warning")).lowerBound
        #expect(pilot.backend.screen[pilot.rows[y][..<x].displayWidth, y].style.background == stderr.background)
    }
}
