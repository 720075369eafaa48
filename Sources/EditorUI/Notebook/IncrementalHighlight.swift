import EditorCore
import Rendering
import TermCore

/// Highlighting of the text being edited, line by line: the highlighter's state at the start of
/// each line is kept, and an edit recomputes only from the first changed line down to the lines
/// drawn, so a keystroke in a 10,000-line cell costs the visible lines.
final class IncrementalHighlight {
    private var uid = -1
    private var version = -1
    private var language = ""
    /// `states[k]`: the state at the start of line k, for k < states.count.
    private var states: [HighlightState] = [.initial]

    /// A line styler for `buffer` (of the cell `uid`).
    func styler(for buffer: TextBuffer, uid: Int, language: String, styles: StyleSheet) -> TextEditorView.LineStyler {
        sync(buffer, uid: uid, language: language)
        let highlighter = Highlighter(languageName: language)
        let resolver = ClosureStyleResolver { styles.style($0) }
        return { [self] index, text in
            let state = self.state(at: index, buffer: buffer, highlighter: highlighter)
            return highlighter.highlight(line: text, from: state).line.line(resolver).spans
        }
    }

    private func sync(_ buffer: TextBuffer, uid: Int, language: String) {
        if uid != self.uid || language != self.language || buffer.version < version {
            reset(uid: uid, language: language)
        } else if buffer.version != version, let first = buffer.firstChangedLine(since: version), states.count > first + 1 {
            states.removeSubrange((first + 1)...)
        }
        version = buffer.version
    }

    private func reset(uid: Int, language: String) {
        self.uid = uid
        self.language = language
        states = [.initial]
    }

    private func state(at line: Int, buffer: TextBuffer, highlighter: Highlighter) -> HighlightState {
        while states.count <= line && states.count <= buffer.lineCount - 1 {
            let k = states.count - 1
            states.append(highlighter.highlight(line: buffer.line(k), from: states[k]).state)
        }
        return states[min(line, states.count - 1)]
    }
}
