/// The commands of the product by id: what the palette lists and keymaps may name.
///
/// Handlers are not stored here; the UI keeps its own table from `CommandID` to handler, and a test
/// checks it covers the registry.
public struct CommandRegistry: Sendable {
    /// Commands in registration order.
    public private(set) var commands: [CommandInfo] = []
    private var index: [CommandID: Int] = [:]
    /// Title, id and doc of each command, prepared for fuzzy matching.
    private var prepared: [(title: FuzzyMatcher.MatchText, id: FuzzyMatcher.MatchText, doc: FuzzyMatcher.MatchText)] = []

    /// A registry holding `commands`; a later command with an id already present replaces it.
    public init(_ commands: [CommandInfo] = []) {
        for c in commands { register(c) }
    }

    /// Every built-in command.
    public static let builtin = CommandRegistry(BuiltinCommands.all)

    /// Adds or replaces a command.
    public mutating func register(_ info: CommandInfo) {
        let texts = (FuzzyMatcher.MatchText(info.title), FuzzyMatcher.MatchText(info.id.rawValue), FuzzyMatcher.MatchText(info.doc))
        if let i = index[info.id] { commands[i] = info; prepared[i] = texts; return }
        index[info.id] = commands.count
        commands.append(info)
        prepared.append(texts)
    }

    /// The command with this id, if registered.
    public subscript(id: CommandID) -> CommandInfo? {
        index[id].map { commands[$0] }
    }

    /// Whether the id names a registered command.
    public func contains(_ id: CommandID) -> Bool { index[id] != nil }

    /// The commands that apply in `context` or any context it falls back to.
    public func commands(in context: KeyContext) -> [CommandInfo] {
        let chain = Set(context.chain)
        return commands.filter { chain.contains($0.context) }
    }

    /// Palette search: commands matching `query`, best first (see `FuzzyMatcher`). An empty query
    /// lists every command in registration order.
    public func search(_ query: String, limit: Int = .max) -> [PaletteMatch] {
        let matcher = FuzzyMatcher(query)
        if matcher.isEmpty {
            return commands.prefix(limit).map { PaletteMatch(command: $0, score: 0, titlePositions: []) }
        }
        var found: [(PaletteMatch, Int)] = []
        for (order, c) in commands.enumerated() {
            let title = matcher.match(prepared[order].title)
            let id = matcher.match(prepared[order].id)
            let doc = matcher.match(prepared[order].doc)
            // The name counts fully, the doc string three quarters: a contiguous word in the doc beats
            // letters scattered over a name.
            let nameScore = max(title?.score ?? Int.min, id?.score ?? Int.min)
            let score = max(nameScore, doc.map { $0.score * 3 / 4 } ?? Int.min)
            guard score != Int.min else { continue }
            found.append((PaletteMatch(command: c, score: score, titlePositions: title?.positions ?? []), order))
        }
        found.sort { $0.0.score != $1.0.score ? $0.0.score > $1.0.score : $0.1 < $1.1 }
        return found.prefix(limit).map(\.0)
    }
}

/// A command found by the palette, with the positions of the title's characters that matched (for
/// highlighting).
public struct PaletteMatch: Hashable, Sendable {
    public let command: CommandInfo
    public let score: Int
    /// Indices into `command.title`'s unicode scalars.
    public let titlePositions: [Int]
}
