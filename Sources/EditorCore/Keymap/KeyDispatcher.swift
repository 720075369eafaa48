import TermCore

/// Turns key presses into commands against a keymap, one key at a time, remembering a started
/// sequence (`d` of `d d`, `<C-w>` of `<C-w> v`).
///
/// A state machine: `idle`, or `pending` with the keys so far. A key that completes a binding gives
/// the command; a key that continues one gives `pending` with the possible next keys (for a which-key
/// hint); Escape, or a key that fits nowhere, cancels a started sequence and both keys are dropped
/// (as in JupyterLab and vim). A key with no binding while idle is `unhandled`: it goes to the focused
/// component as input.
public struct KeyDispatcher: Sendable {
    public enum State: Hashable, Sendable {
        case idle
        case pending([Key])
    }

    /// What a key press did.
    public enum Outcome: Hashable, Sendable {
        /// Run this command.
        case command(CommandID, KeyBinding)
        /// A sequence is under way; these keys can follow.
        case pending([Key], [KeyContinuation])
        /// A started sequence was abandoned (Escape, or a key that continues nothing); the keys are dropped.
        case cancelled([Key])
        /// No binding starts with this key: give it to the focused component.
        case unhandled(Key)
    }

    public private(set) var state: State = .idle

    public init() {}

    /// Handles one key press in the effective trie of the focused context.
    public mutating func press(_ key: Key, in trie: KeyTrie) -> Outcome {
        let sequence: [Key]
        switch state {
        case .idle: sequence = [key]
        case let .pending(keys): sequence = keys + [key]
        }
        switch trie.lookup(sequence) {
        case let .matched(binding):
            state = .idle
            return .command(binding.command, binding)
        case let .pending(next):
            state = .pending(sequence)
            return .pending(sequence, next)
        case .noMatch:
            state = .idle
            return sequence.count == 1 ? .unhandled(key) : .cancelled(sequence)
        }
    }

    /// Handles one key press in `context` of `keymap` (with its fallbacks).
    public mutating func press(_ key: Key, context: KeyContext, keymap: Keymap) -> Outcome {
        press(key, in: keymap.trie(for: context))
    }

    /// Forgets a started sequence (focus moved, a timer ran out).
    public mutating func reset() { state = .idle }
}
