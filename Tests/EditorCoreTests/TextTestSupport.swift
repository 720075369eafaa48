import TermCore
@testable import EditorCore

/// Text with `|` marking the cursor, or `[` and `]` marking a selection's anchor and head
/// (`]` may come first for a backward selection).
func editor(_ marked: String, language: TextLanguage = .python, tabWidth: Int = 4) -> TextEditorState {
    var text = marked
    var positions: [Character: TextPosition] = [:]
    for marker in ["|", "[", "]"] as [Character] {
        guard let i = text.firstIndex(of: marker) else { continue }
        let before = text[..<i]
        let line = before.filter { $0 == "\n" }.count
        let column = before.split(separator: "\n", omittingEmptySubsequences: false).last.map { $0.count } ?? 0
        positions[marker] = TextPosition(line: line, column: column)
        text.remove(at: i)
        // Markers after this one on the same line shift left by one.
        for (m, p) in positions where m != marker && p.line == line && p.column > column { positions[m] = TextPosition(line: line, column: p.column - 1) }
    }
    var state = TextEditorState(text: text, options: TextEditingOptions(tabWidth: tabWidth, language: language))
    if let c = positions["|"] { state.setCursor(c) }
    if let a = positions["["], let h = positions["]"] { state.selection = Selection(anchor: a, head: h) }
    return state
}

/// The text with the cursor (or selection) marked as `editor(_:)` reads it.
func marked(_ state: TextEditorState) -> String {
    var lines = state.buffer.lines
    func insert(_ m: String, at p: TextPosition) {
        var chars = Array(lines[p.line])
        chars.insert(contentsOf: Array(m), at: min(p.column, chars.count))
        lines[p.line] = String(chars)
    }
    let s = state.selection
    if s.isEmpty {
        insert("|", at: s.head)
    } else {
        // Insert the later marker first so the earlier position stays valid.
        let (first, second) = s.anchor < s.head ? (("[", s.anchor), ("]", s.head)) : (("]", s.head), ("[", s.anchor))
        insert(second.0, at: second.1)
        insert(first.0, at: first.1)
    }
    return lines.joined(separator: "\n")
}



/// A clipboard recording what was copied, answering pastes with `pasteText`.
final class RecordingClipboard: SystemClipboard, @unchecked Sendable {
    var copied: [String] = []
    var pasteText: String?
    func copy(_ text: String) { copied.append(text) }
    func paste() -> String? { pasteText ?? copied.last }
}

/// Keys written compactly: every character is a key, `<…>` is one key in notation (`<Esc>`,
/// `<C-r>`, `<lt>` for `<`), a line break is Enter.
func seq(_ s: String) -> [Key] {
    var out: [Key] = []
    var i = s.startIndex
    while i < s.endIndex {
        let c = s[i]
        if c == "<", let close = s[i...].firstIndex(of: ">"), close > s.index(after: i), let k = Key(notation: String(s[i...close])) {
            out.append(k)
            i = s.index(after: close)
            continue
        }
        out.append(c == "\n" ? Key(.enter) : Key(.char(c.unicodeScalars.first!)))
        i = s.index(after: i)
    }
    return out
}
