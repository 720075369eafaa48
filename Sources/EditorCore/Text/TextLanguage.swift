/// What the editor needs to know about a language: its line comment token and its indentation
/// rules. Picked by the caller from a kernel's `language_info.name` or a file extension.
public struct TextLanguage: Hashable, Sendable {
    /// The name (`python`, `r`, `julia`, `plain`, …).
    public var name: String
    /// The line comment token (`#`, `//`, `--`, `%`); nil when the language has none.
    public var lineComment: String?
    /// Whether a line ending in `:` (before any comment) opens a block (Python).
    public var indentsAfterColon: Bool
    /// Words that end a block when a line starts with them: the next line is dedented.
    public var dedentAfter: Set<String>

    public init(name: String, lineComment: String?, indentsAfterColon: Bool = false, dedentAfter: Set<String> = []) {
        self.name = name
        self.lineComment = lineComment
        self.indentsAfterColon = indentsAfterColon
        self.dedentAfter = dedentAfter
    }

    public static let plain = TextLanguage(name: "plain", lineComment: nil)
    public static let python = TextLanguage(name: "python", lineComment: "#", indentsAfterColon: true,
                                            dedentAfter: ["return", "pass", "break", "continue", "raise"])

    /// The language for a kernel language name or a file extension (`python`, `py`, `R`, `jl`, `sh`…);
    /// `plain` when unknown.
    public static func named(_ name: String) -> TextLanguage {
        let key = name.lowercased()
        if let known = byName[key] { return known }
        return .plain
    }

    private static let byName: [String: TextLanguage] = {
        var table: [String: TextLanguage] = ["python": .python, "py": .python, "ipython": .python, "python3": .python, "pyi": .python]
        for (names, token) in [(["r", "julia", "jl", "bash", "sh", "zsh", "ruby", "rb", "perl", "pl", "toml", "yaml", "yml", "make", "makefile"], "#"),
                               (["c", "h", "cpp", "c++", "hpp", "cc", "swift", "javascript", "js", "typescript", "ts", "go", "rust", "rs", "java", "scala", "kotlin", "kt"], "//"),
                               (["sql", "haskell", "hs", "lua"], "--"),
                               (["matlab", "octave", "m", "tex", "latex"], "%")] as [([String], String)] {
            for n in names { table[n] = TextLanguage(name: n, lineComment: token) }
        }
        return table
    }()
}
