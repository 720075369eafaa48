/// The name of a user action, such as `notebook:run-cell-and-select-next` or `application:close`.
///
/// Names follow JupyterLab's `area:verb-object` form and reuse JupyterLab's ids where one exists, so
/// people who know JupyterLab's command palette find the same names.
public struct CommandID: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The part before the colon (`notebook`, `kernel`, …).
    public var area: String { String(rawValue.prefix(while: { $0 != ":" })) }

    public var description: String { rawValue }
    public static func < (lhs: CommandID, rhs: CommandID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The command that does nothing. Binding a key to it in a keymap hides that key in the context
    /// and in the contexts it falls back to, so the key goes to the focused component as input.
    public static let none: CommandID = "none"
}

/// What a command is: its name, a title for the palette and menus, a doc string, and the context where
/// it applies.
public struct CommandInfo: Hashable, Sendable {
    public let id: CommandID
    /// A short title in sentence case, as in the palette ("Run cell and select next").
    public let title: String
    /// One or two sentences saying what it does.
    public let doc: String
    /// The key context in which the command makes sense; `global` ones work everywhere.
    public let context: KeyContext

    public init(id: CommandID, title: String, doc: String, context: KeyContext) {
        self.id = id
        self.title = title
        self.doc = doc
        self.context = context
    }
}
