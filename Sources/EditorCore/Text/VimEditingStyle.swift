import TermCore

/// Vim inside a cell or a text file: normal, insert, visual (charwise and linewise) modes and a
/// `/` search prompt, as a state machine fed one key at a time.
///
/// Normal mode follows `VimGrammar` (counts, registers, operators with motions and text objects).
/// `.` repeats the last change by replaying its keys, insert-mode text included. Registers: the
/// unnamed one is the editor's internal clipboard, `+` and `*` the system clipboard, `a`–`z` named
/// ones (upper case appends), `0` the last yank and `_` discards. Esc in normal mode reports
/// `.leaveCell`; `j`/`k` past the last/first line report the neighbouring cell.
public struct VimEditingStyle: Sendable {
    public enum Mode: Hashable, Sendable {
        case normal, insert, visual, visualLine
        /// Typing a `/` search pattern.
        case search(String)
    }

    public internal(set) var mode: Mode = .normal
    /// Keys of the normal-mode command being typed.
    public internal(set) var pending: [Key] = []
    /// Named registers (`a`–`z`, `0`).
    public internal(set) var registers: [Character: TextClipboard] = [:]
    /// The last `f t F T` search, for `;` and `,`.
    var lastFind: (char: Character, forward: Bool, till: Bool)?
    /// The last `/` pattern, for `n` and `N`.
    public internal(set) var lastSearch: String?
    /// The last change, for `.`.
    public internal(set) var lastChange: VimChange?
    /// Keys of a change still being made (an insert session after `c`, `o`, `A` …).
    var recording: VimChange?
    var replaying = false
    /// Where visual mode started, and the character the visual cursor is on.
    var visualAnchor: TextPosition = .zero
    var visualCursor: TextPosition = .zero

    /// A style starting in `mode` (cells are usually entered in insert mode).
    public init(mode: Mode = .normal) { self.mode = mode }

    /// The context the key bindings of the current mode live in.
    public var keyContext: KeyContext { mode == .insert ? .editor : .editorNormal }

    /// Handles one key.
    public mutating func handle(_ key: Key, state: inout TextEditorState, env: TextEditorEnvironment) -> TextEditorOutcome {
        switch mode {
        case .insert: return handleInsert(key, state: &state, env: env)
        case let .search(pattern): return handleSearch(key, pattern: pattern, state: &state)
        case .normal, .visual, .visualLine: break
        }
        pending.append(key)
        let tokens = pending.map(VimGrammar.Token.init)
        let visual = mode != .normal
        if visual, let outcome = visualTextObject(tokens, state: &state) { return outcome }
        switch VimGrammar.parse(tokens, visual: visual) {
        case .incomplete:
            return .handled
        case .invalid:
            let wasFirst = pending.count == 1
            pending.removeAll()
            if wasFirst && key == Key(.escape) && visual { exitVisual(&state); return .handled }
            return wasFirst ? .ignored : .handled
        case let .complete(command):
            let keys = pending
            pending.removeAll()
            if visual { return executeVisual(command, state: &state, env: env) }
            return execute(command, keys: keys, state: &state, env: env)
        }
    }

    /// Enters insert mode (for a cell entered for editing).
    public mutating func enterInsertMode(_ state: inout TextEditorState) {
        mode = .insert
        state.beginUndoGroup()
    }

    // MARK: - Insert mode

    private mutating func handleInsert(_ key: Key, state: inout TextEditorState, env: TextEditorEnvironment) -> TextEditorOutcome {
        if key == Key(.escape) {
            finishInsert(&state)
            return .handled
        }
        recording?.keys.append(key)
        let now = env.now
        switch (key.code, key.modifiers) {
        case (.enter, []): state.newline(now: now)
        case (.backspace, []), (.char("h"), .ctrl): state.deleteBackward(now: now)
        case (.delete, []): state.deleteForward(now: now)
        case (.tab, []): return state.indentOrComplete(now: now)
        case (.tab, .shift): state.dedentLines(now: now)
        case (.char("w"), .ctrl): state.deleteTo(now: now, TextMotion.wordLeft)
        case (.char("t"), .ctrl): state.indentLines(now: now)
        case (.char("d"), .ctrl): state.dedentLines(now: now)
        case (.left, []): state.move(extend: false, TextMotion.left)
        case (.right, []): state.move(extend: false, TextMotion.right)
        case (.home, []): state.move(extend: false, TextMotion.smartLineStart)
        case (.end, []): state.move(extend: false, TextMotion.lineEnd)
        case (.up, []): return state.moveVertically(lines: -1, extend: false)
        case (.down, []): return state.moveVertically(lines: 1, extend: false)
        default:
            guard let text = key.typedText else {
                recording?.keys.removeLast()
                return .ignored
            }
            state.type(text, now: now)
        }
        return .handled
    }

    /// Esc in insert mode: back to normal mode one character left, the session one undo step and,
    /// when it was a change, the change `.` repeats.
    mutating func finishInsert(_ state: inout TextEditorState) {
        mode = .normal
        state.endUndoGroup()
        if var r = recording {
            r.keys.append(Key(.escape))
            lastChange = r
            recording = nil
        }
        if state.cursor.column > 0 { state.setCursor(TextPosition(line: state.cursor.line, column: state.cursor.column - 1)) }
    }

    // MARK: - Search prompt

    private mutating func handleSearch(_ key: Key, pattern: String, state: inout TextEditorState) -> TextEditorOutcome {
        switch key.code {
        case .escape: mode = .normal
        case .enter:
            mode = .normal
            if !pattern.isEmpty { lastSearch = pattern }
            if let p = search(state.buffer, from: state.cursor, reverse: false) { state.setCursor(p) }
        case .backspace:
            if pattern.isEmpty { mode = .normal } else { mode = .search(String(pattern.dropLast())) }
        default:
            if let t = key.typedText { mode = .search(pattern + t) } else { return .ignored }
        }
        return .handled
    }

    /// The next match of the last search after (or before) `p`, wrapping around.
    func search(_ b: TextBuffer, from p: TextPosition, reverse: Bool) -> TextPosition? {
        guard let needle = lastSearch, !needle.isEmpty else { return nil }
        let n = b.lineCount
        for step in 0...n {
            let l = reverse ? ((p.line - step) % n + n) % n : (p.line + step) % n
            let line = b.line(l)
            var matches: [Int] = []
            var from = line.startIndex
            while let r = line.range(of: needle, range: from..<line.endIndex) {
                matches.append(line.distance(from: line.startIndex, to: r.lowerBound))
                from = line.index(after: r.lowerBound)
            }
            let candidates: [Int]
            if step == 0 { candidates = reverse ? matches.filter { $0 < p.column } : matches.filter { $0 > p.column } }
            else if step == n { candidates = reverse ? matches.filter { $0 >= p.column } : matches.filter { $0 <= p.column } }
            else { candidates = matches }
            if let c = reverse ? candidates.last : candidates.first { return TextPosition(line: l, column: c) }
        }
        return nil
    }

    /// The search pattern being typed, for a prompt line; nil when not searching.
    public var searchPrompt: String? {
        if case let .search(p) = mode { return "/" + p }
        return nil
    }

    /// Where the view should draw the cursor: on the character under the head in visual modes (the
    /// selection itself covers it).
    public func displayCursor(_ state: TextEditorState) -> TextPosition {
        guard mode == .visual || mode == .visualLine else { return state.cursor }
        return visualCursor
    }
}

/// The keys of a change for `.`: without their count, which goes back at `countAt` (after a
/// register) — the count typed with `.` when there is one.
public struct VimChange: Hashable, Sendable {
    public var count: Int?
    public var keys: [Key]
    public var countAt: Int
}
