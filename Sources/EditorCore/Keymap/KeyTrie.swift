import TermCore

/// What a key sequence means in a context.
public enum KeymapResult: Hashable, Sendable {
    /// The sequence is bound to a command.
    case matched(KeyBinding)
    /// The sequence starts one or more bindings; more keys are needed. The continuations say which
    /// keys can follow (for a which-key hint).
    case pending([KeyContinuation])
    /// Nothing starts with this sequence: the key goes to the focused component as input.
    case noMatch
}

/// A key that can follow a pending sequence, and what it leads to.
public struct KeyContinuation: Hashable, Sendable {
    public let key: Key
    /// The command when this key completes a binding; nil when it leads to further keys.
    public let command: CommandID?
    /// How many bindings lie beyond this key (1 when it completes one).
    public let bindingCount: Int
}

/// Key sequences of one context arranged as a trie: each node is either a command or a set of
/// further keys. A binding replaces whatever it overlaps: binding `d` removes `d d`, and binding
/// `d d` removes a binding of `d`.
public struct KeyTrie: Hashable, Sendable {
    indirect enum Node: Hashable, Sendable {
        case command(KeyBinding)
        case branch([Key: Node])
    }

    private var root: [Key: Node] = [:]

    public init() {}

    /// A trie holding `bindings`, later ones replacing earlier ones they overlap.
    public init(_ bindings: [KeyBinding]) {
        for b in bindings { insert(b) }
    }

    /// Whether the trie holds no bindings.
    public var isEmpty: Bool { root.isEmpty }

    /// Adds a binding, replacing any binding it overlaps.
    public mutating func insert(_ binding: KeyBinding) {
        guard !binding.keys.isEmpty else { return }
        Self.insert(binding, depth: 0, into: &root)
    }

    private static func insert(_ binding: KeyBinding, depth: Int, into level: inout [Key: Node]) {
        let key = binding.keys[depth]
        if depth == binding.keys.count - 1 {
            level[key] = .command(binding)
            return
        }
        var children: [Key: Node] = [:]
        if case let .branch(existing)? = level.removeValue(forKey: key) { children = existing }
        insert(binding, depth: depth + 1, into: &children)
        level[key] = .branch(children)
    }

    /// Removes the binding of `keys` and every binding that starts with `keys`.
    public mutating func remove(_ keys: [Key]) {
        guard !keys.isEmpty else { return }
        root = Self.removing(keys, depth: 0, from: root)
    }

    private static func removing(_ keys: [Key], depth: Int, from level: [Key: Node]) -> [Key: Node] {
        var level = level
        let key = keys[depth]
        if depth == keys.count - 1 {
            level[key] = nil
        } else if case let .branch(children)? = level[key] {
            let rest = removing(keys, depth: depth + 1, from: children)
            level[key] = rest.isEmpty ? nil : .branch(rest)
        }
        return level
    }

    /// What `keys` means: a command, a pending prefix with its continuations, or nothing.
    public func lookup(_ keys: [Key]) -> KeymapResult {
        guard !keys.isEmpty else { return .pending(Self.continuations(root)) }
        var level = root
        for (i, key) in keys.enumerated() {
            switch level[key] {
            case nil: return .noMatch
            case let .command(binding)?:
                return i == keys.count - 1 ? .matched(binding) : .noMatch
            case let .branch(children)?:
                if i == keys.count - 1 { return .pending(Self.continuations(children)) }
                level = children
            }
        }
        return .noMatch
    }

    private static func continuations(_ level: [Key: Node]) -> [KeyContinuation] {
        level.map { key, node in
            switch node {
            case let .command(b): return KeyContinuation(key: key, command: b.command, bindingCount: 1)
            case let .branch(children): return KeyContinuation(key: key, command: nil, bindingCount: count(children))
            }
        }.sorted { $0.key.description < $1.key.description }
    }

    private static func count(_ level: [Key: Node]) -> Int {
        level.values.reduce(0) { total, node in
            if case let .branch(children) = node { return total + count(children) }
            return total + 1
        }
    }

    /// Every binding, sorted by key notation.
    public var bindings: [KeyBinding] {
        var result: [KeyBinding] = []
        func walk(_ level: [Key: Node]) {
            for node in level.values {
                switch node {
                case let .command(b): result.append(b)
                case let .branch(children): walk(children)
                }
            }
        }
        walk(root)
        return result.map { ($0.notation, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The bindings of `command`, shortest first.
    public func bindings(for command: CommandID) -> [KeyBinding] {
        bindings.filter { $0.command == command }.sorted { ($0.keys.count, $0.notation) < ($1.keys.count, $1.notation) }
    }
}
