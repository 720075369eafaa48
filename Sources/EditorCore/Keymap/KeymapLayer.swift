import TermCore

/// One keymap file, read and checked: its bindings per context, the keys it unbinds, and the keymap
/// it is laid over (`inherits`).
///
/// File form: an optional `inherits = "default"`, then a table per context mapping key notation to a
/// command id: `[notebook]` `"d d" = "notebook:delete-cell"`. The value `""` unbinds the key (a
/// fallback context may still bind it); the command `"none"` hides the key in this context and its
/// fallbacks. Problems are collected as located diagnostics and the faulty entry is skipped.
public struct KeymapLayer: Sendable {
    /// A binding (command) or an unbinding (nil command) of a key sequence.
    public struct Entry: Hashable, Sendable {
        public var keys: [Key]
        public var command: CommandID?
        public var source: SourceLocation
    }

    public var file: String
    public var inherits: String?
    public var inheritsLine: Int?
    public var entries: [KeyContext: [Entry]] = [:]
    public var diagnostics: [ConfigDiagnostic] = []

    /// Reads a keymap from TOML text; syntax errors become a diagnostic and an empty layer.
    public init(text: String, file: String, registry: CommandRegistry = .builtin) {
        do {
            self.init(document: try TOMLDocument(text: text, file: file), registry: registry)
        } catch {
            self.init(file: file, diagnostics: [error])
        }
    }

    /// An empty layer carrying diagnostics (a file that could not be read).
    public init(file: String, diagnostics: [ConfigDiagnostic]) {
        self.file = file
        self.diagnostics = diagnostics
    }

    /// Reads a keymap from a parsed document.
    public init(document: TOMLDocument, registry: CommandRegistry = .builtin) {
        file = document.file
        for (name, value) in document.root.tableEntries ?? [] {
            if name == "inherits" {
                if let s = value.stringValue { inherits = s; inheritsLine = document.line(of: [name]) }
                else { diagnostics.append(document.diagnostic([name], "`inherits` must be a keymap name (a string), not a \(value.typeName)")) }
                continue
            }
            guard let context = KeyContext(rawValue: name) else {
                let known = KeyContext.allCases.map(\.rawValue).joined(separator: ", ")
                diagnostics.append(document.diagnostic([name], "unknown context `\(name)`; contexts are: \(known)"))
                continue
            }
            guard let table = value.tableEntries else {
                diagnostics.append(document.diagnostic([name], "`\(name)` must be a table of key = \"command\" lines"))
                continue
            }
            entries[context] = readContext(context, table, document: document, registry: registry)
        }
    }

    private mutating func readContext(_ context: KeyContext, _ table: [(key: String, value: TOMLNode)],
                                      document: TOMLDocument, registry: CommandRegistry) -> [Entry] {
        var result: [Entry] = []
        for (notation, value) in table {
            let path = [context.rawValue, notation]
            let source = SourceLocation(file: file, line: document.line(of: path))
            guard let keys = Key.sequence(notation) else {
                diagnostics.append(document.diagnostic(path, "`\(notation)` is not a key or key sequence (write keys like a, A, <C-e>, <A-Enter>, <F1>, d d)"))
                continue
            }
            guard let name = value.stringValue else {
                diagnostics.append(document.diagnostic(path, "the command for `\(notation)` must be a string, not a \(value.typeName)"))
                continue
            }
            let command: CommandID? = name.isEmpty ? nil : CommandID(name)
            if let c = command, !registry.contains(c) {
                let hint = Self.suggestion(for: name, in: registry).map { "; did you mean `\($0)`?" } ?? ""
                diagnostics.append(document.diagnostic(path, "unknown command `\(name)`\(hint)"))
                continue
            }
            let entry = Entry(keys: keys, command: command, source: source)
            if let previous = result.first(where: { $0.keys == keys }) {
                diagnostics.append(ConfigDiagnostic(file: file, line: source.line,
                    message: "[\(context.rawValue)] `\(notation)` is bound twice (also at line \(previous.source.line.map(String.init) ?? "?")); the later one wins"))
            } else if let other = result.first(where: { $0.command != nil && command != nil && ($0.keys.hasPrefix(keys) || keys.hasPrefix($0.keys)) }) {
                let (short, long) = other.keys.count < keys.count ? (other, entry) : (entry, other)
                diagnostics.append(ConfigDiagnostic(file: file, line: source.line,
                    message: "[\(context.rawValue)] `\(short.keys.notation)` (line \(short.source.line.map(String.init) ?? "?")) is a prefix of `\(long.keys.notation)` (line \(long.source.line.map(String.init) ?? "?")); the later one wins"))
            }
            result.append(entry)
        }
        return result
    }

    /// The registered command nearest to a misspelt name, if one is close.
    static func suggestion(for name: String, in registry: CommandRegistry) -> String? {
        let matcher = FuzzyMatcher(name.split(separator: ":").last.map(String.init) ?? name)
        let best = registry.commands.compactMap { c -> (String, Int)? in
            matcher.match(c.id.rawValue).map { (c.id.rawValue, $0.score) }
        }.max { $0.1 < $1.1 }
        return best?.0
    }
}
