import EditorCore

/// A text tab keeps its cursor and the first line (and wrapped row) shown.
extension TextFileView: ViewStateRestorable {
    public var viewState: DocumentViewState {
        let c = document.state.cursor
        return DocumentViewState(line: c.line, column: c.column, top: editorView.topLine, topRow: editorView.topRow)
    }

    public func restore(_ state: DocumentViewState) {
        if let line = state.line { document.state.setCursor(TextPosition(line: line, column: state.column ?? 0)) }
        // The scroll position as it was (the cursor may be out of this view, as another view of the
        // file moved it); without one, the next frame shows the cursor.
        if let top = state.top { editorView.scroll(toLine: top, row: state.topRow ?? 0, lineCount: document.state.buffer.lineCount) }
        revealPending = state.top == nil
    }
}
