import EditorCore
import NotebookFormat
import Rendering
import TermCore

/// Outputs in the notebook view: layout options from the terminal's capabilities, long outputs
/// (expand, output focus with keyboard scrolling, the pager), copying an output.
extension NotebookView {
    /// How the outputs of `cell` are laid out at the current size and terminal.
    func outputOptions(for cell: NotebookCell) -> NotebookOutputs.Options {
        let caps = app?.capabilities ?? TerminalCapabilities()
        var o = NotebookOutputs.Options(width: max(1, lastArea.width - Self.gutter), maxLines: maxOutputLines)
        o.expanded = outputState.expanded.contains(cell.uid) || outputState.focus?.uid == cell.uid
        o.wrap = outputState.wrap
        o.imageHeight = max(4, min(48, lastArea.height * 2 / 3))
        o.colors = ImageText.ColorMode(caps.colorDepth)
        o.symbols = caps.unicodeLineDrawing ? .blocks : .ascii
        return o
    }

    /// Lays out `cell` (input and outputs) for the layout cache.
    func makeBlock(_ cell: NotebookCell, options: NotebookOutputs.Options, styles: StyleSheet) -> NotebookBlock {
        NotebookBlock.make(cell, width: options.width, language: model.language, outputs: options, styles: styles, cache: outputState.rich)
    }

    /// The block of the focused output's cell shows a window of its output lines under a header;
    /// other blocks are returned as they are.
    func applyingOutputFocus(_ block: NotebookBlock, cell: NotebookCell, styles: StyleSheet) -> NotebookBlock {
        guard var focus = outputState.focus, focus.uid == cell.uid else { return block }
        guard model.mode == .command, model.activeCell.uid == cell.uid, !block.outputs.isEmpty else {
            outputState.focus = nil
            return block
        }
        let all = block.outputs
        let room = lastArea.height - min(block.input.count, max(1, lastArea.height / 3)) - 2
        let rows = max(2, min(all.count, maxOutputLines > 0 ? maxOutputLines : all.count, room))
        focus.rows = rows
        focus.total = all.count
        if focus.followsTail { focus.top = max(0, all.count - rows) }
        focus.top = min(focus.top, max(0, all.count - rows))
        let shown = all[focus.top..<min(all.count, focus.top + rows)]
        focus.maxLeft = max(0, (all.lazy.map(\.width).max() ?? 0) - max(1, lastArea.width - Self.gutter))
        focus.left = min(focus.left, focus.maxLeft)
        outputState.focus = focus
        var window = block
        let header = "▼ output lines \(focus.top + 1)–\(focus.top + shown.count) of \(all.count)"
            + (focus.left > 0 ? ", from column \(focus.left + 1)" : "") + "  j/k h/l PgUp/PgDn · E · y · F · Esc"
        window.outputs = [Line(header, style: styles.focus("cell.border.active"))] + shown.map { Self.dropping(columns: focus.left, of: $0) }
        window.outputPrompts = [:]
        for (row, prompt) in block.outputPrompts where row >= focus.top && row < focus.top + shown.count {
            window.outputPrompts[row - focus.top + 1] = prompt
        }
        return window
    }

    /// `line` without its first `columns` columns (a wide character cut in half becomes a space).
    static func dropping(columns: Int, of line: Line) -> Line {
        guard columns > 0 else { return line }
        var skip = columns
        var spans: [Span] = []
        for span in line.spans {
            if skip <= 0 { spans.append(span); continue }
            var kept = ""
            for ch in span.text {
                if skip > 0 {
                    let w = ch.displayWidth
                    skip -= w
                    if skip < 0 { kept += String(repeating: " ", count: -skip) }
                } else {
                    kept.append(ch)
                }
            }
            if !kept.isEmpty { spans.append(Span(kept, style: span.style)) }
        }
        return Line(spans)
    }

    /// The status while the output is focused.
    var outputFocusStatus: ContentStatus? {
        guard let f = outputState.focus, model.mode == .command else { return nil }
        let last = min(f.total, f.top + f.rows)
        return ContentStatus(mode: "OUTPUT", modeScope: "ui.statusbar.mode.command",
                             position: "Cell \(model.active + 1)/\(model.cells.count)  Out \(f.top + 1)–\(last)/\(f.total)")
    }

    /// Performs an output command; nil when `command` is not one (leaving output focus first for
    /// any other command, so moving to another cell or editing ends it).
    func performOutputCommand(_ command: CommandID) -> Bool? {
        let name = command.rawValue
        if let action = Self.outputActions[name] {
            action(self)
            return true
        }
        if outputState.focus != nil, !["notebook:copy-output", "notebook:open-output-in-pager", "notebook:toggle-output-wrap"].contains(name) {
            outputState.focus = nil
        }
        return nil
    }

    /// Output commands by id.
    static let outputActions: [String: Action] = {
        var a: [String: Action] = [:]
        a["notebook:focus-output"] = { v in
            guard v.model.mode == .command, v.model.activeCell.cellType == .code, !v.model.activeCell.cell.outputs.isEmpty else {
                v.show("the active cell has no output")
                return
            }
            v.outputState.focus = v.outputState.focus == nil ? OutputFocus(uid: v.model.activeCell.uid) : nil
        }
        a["notebook:leave-output"] = { $0.outputState.focus = nil }
        a["notebook:output-scroll-up"] = { $0.scrollOutput(by: -1) }
        a["notebook:output-scroll-down"] = { $0.scrollOutput(by: 1) }
        a["notebook:output-page-up"] = { v in v.scrollOutput(by: -max(1, (v.outputState.focus?.rows ?? 2) - 1)) }
        a["notebook:output-page-down"] = { v in v.scrollOutput(by: max(1, (v.outputState.focus?.rows ?? 2) - 1)) }
        a["notebook:output-top"] = { $0.scrollOutput(by: .min) }
        a["notebook:output-bottom"] = { $0.scrollOutput(by: .max) }
        a["notebook:output-scroll-left"] = { $0.outputState.focus?.scroll(columns: -8) }
        a["notebook:output-scroll-right"] = { $0.outputState.focus?.scroll(columns: 8) }
        a["notebook:output-line-start"] = { $0.outputState.focus?.left = 0 }
        a["notebook:toggle-output-expanded"] = { v in
            let uid = v.model.activeCell.uid
            if v.outputState.expanded.remove(uid) == nil {
                v.outputState.expanded.insert(uid)
                v.show("long outputs of this cell shown whole")
            } else {
                v.show("long outputs of this cell show their last \(v.maxOutputLines) lines")
            }
        }
        a["notebook:toggle-output-wrap"] = { v in
            v.outputState.wrap.toggle()
            v.show(v.outputState.wrap ? "long output lines wrap" : "long output lines are cut; f then h/l scrolls them")
        }
        a["notebook:copy-output"] = { $0.copyOutput() }
        a["notebook:open-output-in-pager"] = { $0.openOutputInPager() }
        return a
    }()

    func scrollOutput(by lines: Int) {
        outputState.focus?.scroll(by: lines)
        revealPending = true
    }

    /// Copies the active cell's outputs as plain text to the clipboard (OSC 52 through the shell).
    func copyOutput() {
        let outputs = model.activeCell.cell.outputs
        guard model.activeCell.cellType == .code, !outputs.isEmpty else { show("the active cell has no output"); return }
        let text = NotebookOutputs.plainText(outputs, width: max(20, lastArea.width - Self.gutter))
        app?.copiedText.append(text)
        let lines = text.isEmpty ? 0 : text.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        show("copied \(lines) line\(lines == 1 ? "" : "s") of output")
    }

    /// Opens the active cell's whole output, colours kept, in a read-only tab.
    func openOutputInPager() {
        let cell = model.activeCell
        guard cell.cellType == .code, !cell.cell.outputs.isEmpty, let styles = lastStyles else { show("the active cell has no output"); return }
        var options = outputOptions(for: cell)
        options.wrap = false
        options.width = max(20, lastArea.width)
        let lines = NotebookOutputs.pagerLines(cell.cell.outputs, options: options, styles: styles, cache: outputState.rich)
        let prompt = cell.cell.executionCount.map { "[\($0)]" } ?? "[ ]"
        let text = ReadOnlyText(title: "Output \(prompt)", path: nil,
                                lines: lines.map { $0.spans.map { ScopedSpan($0.text, "ui.window", style: $0.style) } },
                                note: "output of cell \(model.active + 1), read-only")
        app?.open(TextViewer(text))
    }
}
