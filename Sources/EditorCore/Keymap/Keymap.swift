import TermCore

/// The effective key bindings: layers of keymap files merged in order, with a trie per context
/// that already includes the context's fallbacks.
public struct Keymap: Sendable {
    /// The bindings written for each context, after merging (fallbacks not included).
    public private(set) var bindings: [KeyContext: [KeyBinding]] = [:]
    private var effective: [KeyContext: KeyTrie] = [:]

    /// An empty keymap.
    public init() { rebuild() }

    /// Layers applied in order, each over the previous ones.
    public init(layers: [KeymapLayer]) {
        for layer in layers { merge(layer, rebuilding: false) }
        rebuild()
    }

    /// Lays `layer` over this keymap: its bindings replace the bindings they overlap in the same
    /// context (the same keys, a prefix, or an extension), and its `""` entries remove the key and
    /// every sequence starting with it.
    public mutating func merge(_ layer: KeymapLayer) { merge(layer, rebuilding: true) }

    private mutating func merge(_ layer: KeymapLayer, rebuilding: Bool) {
        for (context, entries) in layer.entries {
            var list = bindings[context] ?? []
            for entry in entries {
                if let command = entry.command {
                    list.removeAll { $0.keys.hasPrefix(entry.keys) || entry.keys.hasPrefix($0.keys) }
                    list.append(KeyBinding(keys: entry.keys, command: command, source: entry.source))
                } else {
                    list.removeAll { $0.keys.hasPrefix(entry.keys) }
                }
            }
            bindings[context] = list
        }
        if rebuilding { rebuild() }
    }

    private mutating func rebuild() {
        effective = [:]
        for context in KeyContext.allCases { effective[context] = trie(chain: context.chain) }
    }

    /// The trie for a chain of contexts, most specific first: each context's bindings replace the
    /// overlapping ones of the contexts after it; `none` bindings hide the key.
    public func trie(chain: [KeyContext]) -> KeyTrie {
        var trie = KeyTrie()
        var hidden: [[Key]] = []
        for context in chain.reversed() {
            for b in bindings[context] ?? [] {
                trie.insert(b)
                if b.command == .none { hidden.append(b.keys) }
            }
        }
        // A `none` binding may itself have been replaced by a more specific context's binding.
        for keys in hidden {
            if case let .matched(b) = trie.lookup(keys), b.command == .none { trie.remove(keys) }
        }
        return trie
    }

    /// The effective trie of `context` (with its fallbacks).
    public func trie(for context: KeyContext) -> KeyTrie { effective[context] ?? KeyTrie() }

    /// What `keys` means in `context`, fallbacks included.
    public func lookup(_ keys: [Key], in context: KeyContext) -> KeymapResult {
        trie(for: context).lookup(keys)
    }

    /// The effective bindings of `context`, each with the context it comes from.
    public func effectiveBindings(in context: KeyContext) -> [(binding: KeyBinding, from: KeyContext)] {
        trie(for: context).bindings.map { b in
            let from = context.chain.first { c in (bindings[c] ?? []).contains(b) } ?? context
            return (b, from)
        }
    }
}
