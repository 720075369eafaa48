/// The text-editing commands: the ids of `BuiltinCommands.editor` plus the ones text editing adds,
/// and `perform`, which runs any of them on a `TextEditorState`.
public enum TextCommands {
    /// Commands text editing adds to the built-in registry.
    public static let additional: [CommandInfo] = BuiltinCommands.table(.editor, [
        ("editor:select-document-start", "Select to document start", "Extend the selection to the start of the text."),
        ("editor:select-document-end", "Select to document end", "Extend the selection to the end of the text."),
        ("editor:select-page-up", "Select page up", "Extend the selection up by a screenful."),
        ("editor:select-page-down", "Select page down", "Extend the selection down by a screenful."),
        ("editor:cursor-paragraph-up", "Paragraph up", "Move the cursor to the blank line before the paragraph."),
        ("editor:cursor-paragraph-down", "Paragraph down", "Move the cursor to the blank line after the paragraph."),
        ("editor:select-paragraph-up", "Select paragraph up", "Extend the selection to the blank line before the paragraph."),
        ("editor:select-paragraph-down", "Select paragraph down", "Extend the selection to the blank line after the paragraph."),
        ("editor:go-to-matching-bracket", "Go to matching bracket", "Move the cursor to the bracket matching the one at the cursor."),
        ("editor:insert-tab", "Insert tab", "Insert spaces to the next tab stop, or indent the selected lines."),
        ("editor:yank-pop", "Yank previous", "Emacs style: replace the text just yanked with the previous kill."),
    ])

    /// The built-in registry with the text commands added.
    public static let registry: CommandRegistry = {
        var r = CommandRegistry.builtin
        for c in additional { r.register(c) }
        return r
    }()

    /// Whether `id` is a command `perform` runs.
    public static func handles(_ id: CommandID) -> Bool { actions[id] != nil }

    /// Runs command `id` on `state`. `extend` turns cursor motions into selection motions (emacs'
    /// active mark). Commands of other areas are `.ignored`.
    public static func perform(_ id: CommandID, on state: inout TextEditorState, env: TextEditorEnvironment,
                               extend: Bool = false) -> TextEditorOutcome {
        guard let action = actions[id] else { return .ignored }
        return action(&state, env, extend)
    }

    typealias Action = @Sendable (inout TextEditorState, TextEditorEnvironment, Bool) -> TextEditorOutcome

    /// A motion command: `extendAlways` for the select-* variants.
    private static func motion(_ extendAlways: Bool, _ f: @escaping @Sendable (TextBuffer, TextPosition) -> TextPosition) -> Action {
        { state, _, extend in
            state.move(extend: extendAlways || extend, f)
            return .handled
        }
    }

    /// Left or Right: a selection collapses to its edge on that side (CodeMirror); else one character.
    private static func horizontal(left: Bool) -> Action {
        { state, _, extend in
            if !extend && !state.selection.isEmpty {
                state.setCursor(left ? state.selection.start : state.selection.end)
            } else {
                state.move(extend: extend, left ? TextMotion.left : TextMotion.right)
            }
            return .handled
        }
    }

    private static func edit(_ f: @escaping @Sendable (inout TextEditorState, Double) -> Void) -> Action {
        { state, env, _ in f(&state, env.now); return .handled }
    }

    static let actions: [CommandID: Action] = [
        "editor:cursor-left": horizontal(left: true),
        "editor:cursor-right": horizontal(left: false),
        "editor:cursor-up": { s, _, x in s.moveVertically(lines: -1, extend: x) },
        "editor:cursor-down": { s, _, x in s.moveVertically(lines: 1, extend: x) },
        "editor:cursor-word-left": motion(false, TextMotion.wordLeft),
        "editor:cursor-word-right": motion(false, TextMotion.wordRight),
        "editor:cursor-line-start": motion(false, TextMotion.smartLineStart),
        "editor:cursor-line-end": motion(false, TextMotion.lineEnd),
        "editor:cursor-document-start": motion(false) { _, _ in .zero },
        "editor:cursor-document-end": motion(false) { b, _ in b.endPosition },
        "editor:cursor-page-up": { s, e, x in s.movePage(down: false, viewportHeight: e.viewportHeight, extend: x); return .handled },
        "editor:cursor-page-down": { s, e, x in s.movePage(down: true, viewportHeight: e.viewportHeight, extend: x); return .handled },
        "editor:cursor-paragraph-up": motion(false, TextMotion.paragraphBackward),
        "editor:cursor-paragraph-down": motion(false, TextMotion.paragraphForward),
        "editor:select-left": motion(true, TextMotion.left),
        "editor:select-right": motion(true, TextMotion.right),
        "editor:select-up": { s, _, _ in s.moveVertically(lines: -1, extend: true) },
        "editor:select-down": { s, _, _ in s.moveVertically(lines: 1, extend: true) },
        "editor:select-word-left": motion(true, TextMotion.wordLeft),
        "editor:select-word-right": motion(true, TextMotion.wordRight),
        "editor:select-line-start": motion(true, TextMotion.smartLineStart),
        "editor:select-line-end": motion(true, TextMotion.lineEnd),
        "editor:select-document-start": motion(true) { _, _ in .zero },
        "editor:select-document-end": motion(true) { b, _ in b.endPosition },
        "editor:select-page-up": { s, e, _ in s.movePage(down: false, viewportHeight: e.viewportHeight, extend: true); return .handled },
        "editor:select-page-down": { s, e, _ in s.movePage(down: true, viewportHeight: e.viewportHeight, extend: true); return .handled },
        "editor:select-paragraph-up": motion(true, TextMotion.paragraphBackward),
        "editor:select-paragraph-down": motion(true, TextMotion.paragraphForward),
        "editor:select-all": { s, _, _ in s.selectAll(); return .handled },
        "editor:select-next-occurrence": { s, _, _ in s.selectNextOccurrence(); return .handled },
        "editor:go-to-matching-bracket": { s, _, x in
            guard let m = s.matchingBracket else { return .handled }
            s.setCursor(m.partner, extend: x)
            return .handled
        },
        "editor:delete-backward": edit { s, t in s.deleteBackward(now: t) },
        "editor:delete-forward": edit { s, t in s.deleteForward(now: t) },
        "editor:delete-word-backward": edit { s, t in s.deleteTo(now: t, TextMotion.wordLeft) },
        "editor:delete-word-forward": edit { s, t in s.deleteTo(now: t, TextMotion.wordRight) },
        "editor:delete-line": edit { s, t in s.deleteLines(now: t) },
        "editor:kill-to-line-end": { s, e, _ in
            let killed = s.killToLineEnd(now: e.now)
            if !killed.isEmpty { s.clipboard = TextClipboard(text: killed); e.clipboard?.copy(killed) }
            return .handled
        },
        "editor:newline": edit { s, t in s.newline(now: t) },
        "editor:indent-or-complete": { s, e, _ in s.indentOrComplete(now: e.now) },
        "editor:insert-tab": edit { s, t in s.insertTab(now: t) },
        "editor:indent": edit { s, t in s.indentLines(now: t) },
        "editor:dedent": edit { s, t in s.dedentLines(now: t) },
        "editor:toggle-comment": edit { s, t in s.toggleComment(now: t) },
        "editor:duplicate-line": edit { s, t in s.duplicateLines(now: t) },
        "editor:move-line-up": edit { s, t in s.moveLines(up: true, now: t) },
        "editor:move-line-down": edit { s, t in s.moveLines(up: false, now: t) },
        "editor:join-lines": edit { s, t in s.joinLines(now: t) },
        "editor:undo": { s, _, _ in s.undo(); return .handled },
        "editor:redo": { s, _, _ in s.redo(); return .handled },
        "editor:cut": { s, e, _ in s.cut(to: e.clipboard, now: e.now); return .handled },
        "editor:copy": { s, e, _ in s.copy(to: e.clipboard); return .handled },
        "editor:paste": { s, e, _ in s.paste(from: e.clipboard, now: e.now); return .handled },
        "editor:cancel": { s, _, _ in s.setCursor(s.cursor); return .handled },
        "editor:toggle-overwrite": { s, _, _ in s.overwrite.toggle(); return .handled },
    ]
}
