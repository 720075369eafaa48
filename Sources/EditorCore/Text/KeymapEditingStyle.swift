import TermCore

/// The default (JupyterLab/CodeMirror-like) and emacs editing styles: keys are looked up in the
/// keymap's trie for the editing context, bound commands run through `TextCommands`, and printable
/// keys nobody binds are typed. Commands of other areas (run cell, save, palette) come back as
/// `.command(id)` for the caller.
///
/// Emacs adds state: an active mark makes motions extend the selection; `C-k` kills append to the
/// previous kill when nothing happened in between; `C-w`/`M-w` push onto a kill ring, `C-y` yanks
/// its newest entry and `M-y` replaces the yank with older ones.
public struct KeymapEditingStyle: Sendable {
    public enum Flavour: String, Hashable, Sendable {
        case standard, emacs
    }

    /// Whether a key sequence is being typed.
    public enum State: Hashable, Sendable {
        case idle
        case pending([Key])
    }

    public let flavour: Flavour
    /// The bindings in effect (the editing context's chain).
    public var trie: KeyTrie
    public private(set) var state: State = .idle
    /// Emacs: the mark is set and motions extend the region.
    public private(set) var markActive = false
    /// Emacs: killed texts, newest last (at most `killRingLimit`).
    public private(set) var killRing: [String] = []
    public static let killRingLimit = 60
    private var lastCommandWasKill = false
    /// The range of the last yank and which ring entry it was, for `M-y`.
    private var lastYank: (range: TextRange, index: Int)?

    /// A style for `flavour` over a keymap; `inCell` adds the notebook cell's bindings.
    public init(flavour: Flavour, keymap: Keymap, inCell: Bool = true) {
        self.init(flavour: flavour, trie: keymap.trie(chain: KeyContext.editingChain(.editor, inCell: inCell)))
    }

    /// A style over an explicit trie. Emacs gets `C-Space`/`C-@` (set mark) and `M-y` (yank pop) on top.
    public init(flavour: Flavour, trie: KeyTrie) {
        self.flavour = flavour
        var trie = trie
        if flavour == .emacs {
            for (notation, command) in [("<C-Space>", "editor:set-mark"), ("<C-@>", "editor:set-mark"), ("<A-y>", "editor:yank-pop")] {
                trie.insert(KeyBinding(keys: Key.sequence(notation)!, command: CommandID(command)))
            }
        }
        self.trie = trie
    }

    /// Handles one key.
    public mutating func handle(_ key: Key, state editor: inout TextEditorState, env: TextEditorEnvironment) -> TextEditorOutcome {
        var keys: [Key] = []
        if case let .pending(prefix) = state { keys = prefix }
        keys.append(key)
        switch trie.lookup(keys) {
        case let .matched(binding):
            state = .idle
            return run(binding.command, on: &editor, env: env)
        case .pending:
            state = .pending(keys)
            return .handled
        case .noMatch:
            state = .idle
            if keys.count > 1 { return .handled } // an unfinished sequence is dropped, like emacs' C-x <unbound>
            return typeKey(key, on: &editor, env: env)
        }
    }

    /// Runs a command by id, with the emacs behaviours on top of `TextCommands`.
    public mutating func run(_ id: CommandID, on editor: inout TextEditorState, env: TextEditorEnvironment) -> TextEditorOutcome {
        let wasKill = lastCommandWasKill
        lastCommandWasKill = false
        let yank = lastYank
        lastYank = nil
        if flavour == .emacs, let outcome = runEmacs(id, on: &editor, env: env, wasKill: wasKill, yank: yank) { return outcome }
        guard TextCommands.handles(id) else { return .command(id) }
        let versionBefore = editor.buffer.version
        let outcome = TextCommands.perform(id, on: &editor, env: env, extend: markActive)
        if editor.buffer.version != versionBefore { markActive = false }
        return outcome
    }

    private mutating func runEmacs(_ id: CommandID, on editor: inout TextEditorState, env: TextEditorEnvironment,
                                   wasKill: Bool, yank: (range: TextRange, index: Int)?) -> TextEditorOutcome? {
        switch id.rawValue {
        case "editor:set-mark":
            markActive = true
            editor.setCursor(editor.cursor)
        case "editor:cancel":
            markActive = false
            editor.setCursor(editor.cursor)
        case "editor:kill-to-line-end":
            let killed = editor.killToLineEnd(now: env.now)
            guard !killed.isEmpty else { return .handled }
            if wasKill, !killRing.isEmpty { killRing[killRing.count - 1] += killed } else { pushKill(killed) }
            lastCommandWasKill = true
            publish(&editor, env)
        case "editor:cut":
            guard !editor.selection.isEmpty else { return .handled }
            let text = editor.selectedText
            editor.replaceSelection(with: "", kind: .other, now: env.now)
            if wasKill, !killRing.isEmpty { killRing[killRing.count - 1] += text } else { pushKill(text) }
            lastCommandWasKill = true
            markActive = false
            publish(&editor, env)
        case "editor:copy":
            guard !editor.selection.isEmpty else { return .handled }
            pushKill(editor.selectedText)
            markActive = false
            editor.setCursor(editor.cursor)
            publish(&editor, env)
        case "editor:paste":
            if let external = env.clipboard?.paste(), external != killRing.last { pushKill(external) }
            guard let text = killRing.last else { return .handled }
            let start = editor.selection.start
            editor.insertText(text, now: env.now)
            markActive = false
            lastYank = (TextRange(start, editor.cursor), killRing.count - 1)
        case "editor:yank-pop":
            guard let yank, killRing.count > 1 else { return .handled }
            let index = (yank.index - 1 + killRing.count) % killRing.count
            editor.selection = Selection(anchor: yank.range.start, head: yank.range.end)
            editor.insertText(killRing[index], now: env.now)
            lastYank = (TextRange(yank.range.start, editor.cursor), index)
        default:
            return nil
        }
        return .handled
    }

    private mutating func pushKill(_ text: String) {
        killRing.append(text)
        if killRing.count > Self.killRingLimit { killRing.removeFirst() }
    }

    /// The newest kill goes to the internal and system clipboards.
    private func publish(_ editor: inout TextEditorState, _ env: TextEditorEnvironment) {
        guard let text = killRing.last else { return }
        editor.clipboard = TextClipboard(text: text)
        env.clipboard?.copy(text)
    }

    /// Keys no binding takes: printable characters are typed; the rest is ignored.
    private mutating func typeKey(_ key: Key, on editor: inout TextEditorState, env: TextEditorEnvironment) -> TextEditorOutcome {
        lastCommandWasKill = false
        lastYank = nil
        guard let text = key.typedText else { return .ignored }
        markActive = false
        editor.type(text, now: env.now)
        return .handled
    }
}

extension Key {
    /// The text a key types when no binding takes it: printable characters and Space without Ctrl,
    /// Alt or Super; nil otherwise.
    public var typedText: String? {
        guard modifiers.subtracting(.shift).isEmpty else { return nil }
        switch code {
        case let .char(s): return String(Character(s))
        case .space: return " "
        default: return nil
        }
    }
}
