/// A located message about a configuration, keymap or theme file: `file:line: message`.
public struct ConfigDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious the problem is. Errors mean a value was ignored; warnings mean it was used with care.
    public enum Severity: String, Hashable, Sendable {
        case error, warning
    }

    /// The file the message is about (a path, or a name such as `<builtin>/default.toml`).
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The 1-based column, when known.
    public var column: Int?
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `file:line:column: error: message`, the form compilers use and editors can jump to.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(severity.rawValue): \(message)"
    }
}
