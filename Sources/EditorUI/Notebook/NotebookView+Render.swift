import EditorCore
import NotebookFormat
import TermCore

/// Drawing and scrolling: only the cells from the scroll position down to the bottom of the area
/// are laid out; the active cell is scrolled into view after every command.
extension NotebookView {
    public func render(into buffer: inout CellBuffer, area: Rect, styles: StyleSheet, focused: Bool) {
        lastArea = area
        lastStyles = styles
        prepareAssist()
        buffer.fill(area, with: .blank(styles.style("ui.window")))
        lastCursor = nil
        guard area.width > Self.gutter, area.height > 0 else { return }
        if revealPending { reveal(height: area.height, cell: revealTarget) }
        revealPending = false
        let m = model
        topCell = min(topCell, m.cells.count - 1)
        var y = area.y - topRow
        var i = topCell
        let textX = area.x + Self.gutter, textWidth = area.width - Self.gutter
        while y < area.maxY && i < m.cells.count {
            let cell = m.cells[i]
            let editing = m.mode == .edit && i == m.active
            let block = self.block(i, styles: styles)
            let inputHeight = editing ? editingHeight(area: area) : block.input.count
            let height = block.height(inputHeight: inputHeight) + promptRows(for: cell.uid)
            // Gutter: marker and prompts.
            let selected = m.selection.range.contains(i)
            let markerScope = i == m.active ? (m.mode == .edit ? "cell.border.edit" : "cell.border.active") : "cell.selected"
            for r in 0..<height where y + r >= area.y && y + r < area.maxY {
                if selected {
                    buffer.draw("▌", at: Point(x: area.x, y: y + r), style: styles.style(markerScope), clip: area)
                }
                var prompt: String?
                var scope = "cell.prompt"
                if r == 0, let p = self.prompt(for: cell) { prompt = p.text; scope = p.scope }
                if r >= inputHeight, let p = block.outputPrompts[r - inputHeight] { prompt = p; scope = "cell.prompt.output" }
                if let prompt {
                    buffer.draw(prompt, at: Point(x: area.x + 1, y: y + r), style: styles.style(scope), clip: Rect(x: area.x, y: area.y, width: Self.gutter - 1, height: area.height))
                }
            }
            let clip = Rect(x: textX, y: area.y, width: textWidth, height: area.height)
            if editing, let editor = m.activeCell.editor {
                let rect = Rect(x: textX, y: max(y, area.y), width: textWidth, height: max(0, min(inputHeight, area.maxY - max(y, area.y))))
                var view = editorView
                view.scrollToCursor(editor, size: Size(width: rect.width, height: max(1, inputHeight)))
                editorView = view
                if rect.height > 0 {
                    let language = m.language
                    let styler = lineStyler(language: language, editor: editor, styles: styles)
                    lastCursor = editorView.render(editor, into: &buffer, rect: rect, styler: styler, scope: { styles.style($0) },
                                                   cursor: vim?.displayCursor(editor))
                }
            } else {
                for (r, line) in block.input.enumerated() where y + r >= area.y && y + r < area.maxY {
                    _ = buffer.draw(line, at: Point(x: textX, y: y + r), clip: clip)
                }
            }
            for (r, line) in block.outputs.enumerated() where y + inputHeight + r >= area.y && y + inputHeight + r < area.maxY {
                _ = buffer.draw(line, at: Point(x: textX, y: y + inputHeight + r), clip: clip)
            }
            drawPrompt(into: &buffer, uid: cell.uid, x: textX, y: y + inputHeight + block.outputs.count, clip: clip, styles: styles)
            y += height + 1
            i += 1
        }
        renderAssistPopups(into: &buffer, area: area, styles: styles)
    }

    public func cursor(in area: Rect) -> Point? {
        if inputPromptFocused { return assist.promptCursor }
        return model.mode == .edit ? lastCursor : nil
    }

    /// `[3]:` for code cells, blank for markdown and raw.
    static func prompt(_ cell: NotebookCell) -> String? {
        guard cell.cellType == .code else { return nil }
        return "[\(cell.cell.executionCount.map(String.init) ?? " ")]:"
    }

    /// The laid-out block of cell `i` (from the cache).
    func block(_ i: Int, styles: StyleSheet) -> NotebookBlock {
        let cell = model.cells[i]
        let editing = model.mode == .edit && i == model.active
        if editing {
            // While typing, the input is drawn live; only the outputs are laid out (once).
            var outputsOnly = cell
            outputsOnly.cell.source = ""
            outputsOnly.sourceIsStale = false
            outputsOnly.editor = nil
            let options = outputOptions(for: outputsOnly)
            return editingCache.block(outputsOnly, options: options) { makeBlock(outputsOnly, options: options, styles: styles) }
        }
        let options = outputOptions(for: cell)
        let block = cache.block(cell, options: options) { makeBlock(cell, options: options, styles: styles) }
        return applyingOutputFocus(block, cell: cell, styles: styles)
    }

    /// Rows cell `i` takes, the separator row included.
    func blockHeight(_ i: Int) -> Int {
        guard let styles = lastStyles else { return 2 }
        let b = block(i, styles: styles)
        let editing = model.mode == .edit && i == model.active
        return b.height(inputHeight: editing ? editingHeight(area: lastArea) : nil) + promptRows(for: model.cells[i].uid) + 1
    }

    /// The height of the editing cell's text: all of it, at most the area's height less one row.
    func editingHeight(area: Rect) -> Int {
        guard let editor = model.activeCell.editor else { return 1 }
        let limit = max(1, area.height - 1)
        return max(1, min(limit, editorView.height(of: editor, width: area.width - Self.gutter, limit: limit)))
    }

    /// Scrolls the least needed so the active cell's (or `cell`'s) top, and as much of it as fits, is on screen.
    func reveal(height: Int, cell: Int? = nil) {
        let a = cell ?? model.active
        topCell = min(topCell, model.cells.count - 1)
        if a < topCell || (a == topCell && topRow > 0) {
            topCell = a
            topRow = 0
            return
        }
        var rows = -topRow
        var i = topCell
        while i < a && rows < height {
            rows += blockHeight(i)
            i += 1
        }
        let own = min(blockHeight(a), height)
        if i == a && rows >= 0 && rows + own <= height { return }
        // Put the active cell's bottom (or top, if it does not fit) at the bottom of the view.
        topCell = a
        topRow = 0
        var remaining = height - own
        while remaining > 0 && topCell > 0 {
            let h = blockHeight(topCell - 1)
            topCell -= 1
            if h <= remaining {
                remaining -= h
            } else {
                topRow = h - remaining
                remaining = 0
            }
        }
    }

    /// Scrolls by `rows` (negative up) without moving the active cell.
    func scroll(by rows: Int) {
        if rows < 0 {
            var left = -rows
            while left > 0 {
                if topRow >= left { topRow -= left; break }
                left -= topRow
                topRow = 0
                guard topCell > 0 else { break }
                topCell -= 1
                topRow = blockHeight(topCell)
            }
        } else {
            var left = rows
            while left > 0 {
                let h = blockHeight(topCell)
                if topRow + left < h { topRow += left; break }
                guard topCell < model.cells.count - 1 else { topRow = max(0, h - 1); break }
                left -= h - topRow
                topCell += 1
                topRow = 0
            }
        }
    }

    func lineStyler(language: String, editor: TextEditorState, styles: StyleSheet) -> TextEditorView.LineStyler? {
        let cell = model.activeCell
        guard cell.cellType == .code else { return nil }
        return highlightCache.styler(for: editor.buffer, uid: cell.uid, language: language, styles: styles)
    }
}

extension NotebookView {
    /// The theme changed: every cached block, and the editing cell's outputs, are laid out again
    /// with the new styles at the next frame.
    func themeChanged() {
        cache.removeAll()
        editingCache.removeAll()
        lastStyles = nil
    }
}
