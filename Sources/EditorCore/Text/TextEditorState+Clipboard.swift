/// Cut, copy and paste through the internal clipboard and, when given, the system clipboard.
extension TextEditorState {
    /// Copies the selection, or the cursor's whole line when nothing is selected (as CodeMirror
    /// and VS Code do).
    public mutating func copy(to system: (any SystemClipboard)?) {
        if selection.isEmpty {
            clipboard = TextClipboard(text: buffer.line(cursor.line) + "\n", isLinewise: true)
        } else {
            clipboard = TextClipboard(text: selectedText, isLinewise: false)
        }
        system?.copy(clipboard.text)
    }

    /// Cuts the selection, or the cursor's whole line when nothing is selected.
    public mutating func cut(to system: (any SystemClipboard)?, now: Double) {
        copy(to: system)
        if selection.isEmpty {
            deleteLines(cursor.line...cursor.line, now: now)
        } else {
            replaceSelection(with: "", kind: .other, now: now)
        }
    }

    /// Pastes the system clipboard's text when it differs from the internal one's (something was
    /// copied elsewhere), else the internal clipboard. Whole lines copied without a selection are
    /// pasted above the cursor's line.
    public mutating func paste(from system: (any SystemClipboard)?, now: Double) {
        var clip = clipboard
        if let external = system?.paste(), external != clipboard.text { clip = TextClipboard(text: external, isLinewise: false) }
        guard !clip.text.isEmpty else { return }
        if clip.isLinewise && selection.isEmpty {
            let p = TextPosition(line: cursor.line, column: 0)
            let after = TextPosition(line: cursor.line + clip.text.lineBreakCount, column: cursor.column)
            edit(.other, now: now) { b in
                b.insert(clip.text, at: p)
                return Selection(cursor: after)
            }
            return
        }
        insertText(clip.text, now: now)
    }

    /// Emacs `C-k`: deletes from the cursor to the line's end, or the line break when already at the
    /// end; returns the deleted text for the kill ring.
    @discardableResult
    public mutating func killToLineEnd(now: Double) -> String {
        let p = cursor
        let end = p.column >= buffer.lineLength(p.line) ? TextMotion.right(buffer, p) : TextMotion.lineEnd(buffer, p)
        guard end != p else { return "" }
        let killed = buffer.text(in: TextRange(p, end))
        edit(.other, now: now) { b in
            b.delete(TextRange(p, end))
            return Selection(cursor: p)
        }
        return killed
    }
}
