import EditorCore
import TermCore

/// Drawing.
extension TextEditorView {
    /// Draws the visible rows of `state` into `rect` of `buffer` and returns the cursor's screen
    /// position (nil when it is scrolled out of view). `cursor` overrides the state's cursor (vim
    /// visual mode draws it on the selection's last character).
    @discardableResult
    public func render(_ state: TextEditorState, into buffer: inout CellBuffer, rect: Rect, styler: LineStyler? = nil,
                       scope: (String) -> Style, cursor: TextPosition? = nil) -> Point? {
        let b = state.buffer
        let gutter = min(rect.width, gutterWidth(lineCount: b.lineCount))
        let area = rect.inset(left: gutter)
        let base = scope(options.baseScope)
        buffer.fill(rect, with: .blank(base))
        let rows = self.rows(state, height: rect.height, textWidth: area.width)
        let cursor = b.clamp(cursor ?? state.cursor)
        let selection = state.selection.isEmpty ? nil : state.selection.range
        var brackets: Set<TextPosition> = []
        if let m = state.matchingBracket { brackets = [m.bracket, m.partner] }
        let selectionStyle = scope("ui.selection"), bracketStyle = scope("ui.bracket.match")
        let tab = state.options.tabWidth
        var cursorPoint: Point?
        var styledLine = -1
        var lineStyles: [Style] = []
        for (y, row) in rows.enumerated() {
            let screenY = rect.y + y
            let text = b.line(row.line)
            if gutter > 0 && row.index == 0 {
                let number = String(row.line + 1)
                let style = scope(row.line == cursor.line ? "ui.linenr.selected" : "ui.linenr")
                buffer.fill(Rect(x: rect.x, y: screenY, width: gutter, height: 1), with: .blank(style))
                buffer.draw(number, at: Point(x: rect.x + gutter - 1 - number.count, y: screenY), style: style,
                            clip: Rect(x: rect.x, y: screenY, width: gutter, height: 1))
            }
            if styledLine != row.line {
                styledLine = row.line
                lineStyles = Self.characterStyles(styler?(row.line, text), text: text, base: base)
            }
            let originX = options.softWrap ? row.startX : leftColumn
            var selStart = Int.max, selEnd = Int.min
            if let s = selection, s.start.line <= row.line, s.end.line >= row.line {
                selStart = s.start.line == row.line ? s.start.column : 0
                selEnd = s.end.line == row.line ? s.end.column : Int.max
            }
            var x = row.startX
            var column = 0
            var index = text.startIndex
            if row.startColumn > 0 {
                index = text.index(text.startIndex, offsetBy: row.startColumn)
                column = row.startColumn
            }
            // Characters of one style are drawn as one run.
            var run = "", runStyle = base, runX = 0
            while column < row.endColumn && x - originX < area.width {
                let c = text[index]
                let w = TextLayout.width(of: c, at: x, tabWidth: tab)
                if x + w > originX && w > 0 {
                    var style = column < lineStyles.count ? lineStyles[column] : base
                    if column >= selStart && column < selEnd { style = style.patched(with: selectionStyle) }
                    if !brackets.isEmpty && brackets.contains(TextPosition(line: row.line, column: column)) {
                        style = style.patched(with: bracketStyle)
                    }
                    if style != runStyle || run.isEmpty {
                        if !run.isEmpty { buffer.draw(run, at: Point(x: area.x + runX - originX, y: screenY), style: runStyle, clip: area) }
                        run = ""
                        runStyle = style
                        runX = x
                    }
                    if c == "\t" { run += String(repeating: " ", count: w) } else { run.append(TextLayout.controlPicture(c) ?? c) }
                }
                x += w
                column += 1
                index = text.index(after: index)
            }
            if !run.isEmpty { buffer.draw(run, at: Point(x: area.x + runX - originX, y: screenY), style: runStyle, clip: area) }
            // A selection going on past the line end shows its line break as one cell.
            if row.isLast, column == row.endColumn, selEnd > row.endColumn, selStart <= row.endColumn, x - originX < area.width, x >= originX {
                buffer.setStyle(Rect(x: area.x + x - originX, y: screenY, width: 1, height: 1), selectionStyle)
            }
            if cursor.line == row.line, cursor.column >= row.startColumn,
               cursor.column < row.endColumn || (row.isLast && cursor.column == row.endColumn) {
                let cx = TextLayout.displayColumn(of: cursor.column, in: text, tabWidth: tab) - originX
                if cx >= 0 && cx < area.width { cursorPoint = Point(x: area.x + cx, y: screenY) }
            }
        }
        if options.drawsCursor, let p = cursorPoint {
            buffer.setStyle(Rect(x: p.x, y: p.y, width: 1, height: 1), scope("ui.cursor"))
        }
        return cursorPoint
    }

    /// One style per grapheme of `text` from the styler's spans; the base style where the spans do
    /// not describe the text exactly.
    static func characterStyles(_ spans: [Span]?, text: String, base: Style) -> [Style] {
        guard let spans, !spans.isEmpty else { return [] }
        var styles: [Style] = []
        var joined = ""
        for span in spans {
            joined += span.text
            let style = base.patched(with: span.style)
            for _ in span.text { styles.append(style) }
        }
        guard joined == text else { return [] }
        // Spans split inside a grapheme cluster count it twice: recount on the joined text.
        return styles.count == text.count ? styles : []
    }
}
