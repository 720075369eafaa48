import TermCore

/// A configuration value: what an option holds after reading.
public enum ConfigValue: Hashable, Sendable, CustomStringConvertible {
    case bool(Bool)
    case integer(Int)
    case string(String)

    /// The value written as TOML (`true`, `120`, `"dark"`).
    public var description: String {
        switch self {
        case let .bool(b): return b ? "true" : "false"
        case let .integer(i): return String(i)
        case let .string(s):
            var out = "\""
            for c in s.unicodeScalars {
                switch c {
                case "\\": out += "\\\\"
                case "\"": out += "\\\""
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                default:
                    if c.value < 0x20 || c.value == 0x7f {
                        let hex = String(c.value, radix: 16, uppercase: true)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    }
                    else { out.unicodeScalars.append(c) }
                }
            }
            return out + "\""
        }
    }
}

/// One option of `config.toml`, declared once with its type, default and documentation. Reading,
/// validation, `callisto config --default` and the README all come from these declarations.
public struct ConfigOption: Sendable {
    /// What values an option accepts.
    public enum Kind: Sendable {
        case bool
        /// An integer within a range, with the unit shown in messages (`seconds`).
        case integer(ClosedRange<Int>, unit: String)
        /// One of a fixed set of strings.
        case choice([String])
        /// The name of a keymap or theme; empty means "the default".
        case name(ResourceLocator.Kind)
        /// A single key in keymap notation that a plain terminal can send.
        case key
        /// Any string.
        case string
    }

    /// The dotted name: `section.option` (`notebook.autosave-interval`).
    public let name: String
    public let kind: Kind
    public let defaultValue: ConfigValue
    public let doc: String

    public init(_ name: String, _ kind: Kind, _ defaultValue: ConfigValue, _ doc: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.doc = doc
    }

    /// The section (`notebook`) and key (`autosave-interval`).
    public var section: String { String(name.prefix(while: { $0 != "." })) }
    public var key: String { String(name.drop(while: { $0 != "." }).dropFirst()) }

    /// What the option accepts, in words, for messages and the default file.
    public var accepts: String {
        switch kind {
        case .bool: return "true or false"
        case let .integer(range, unit): return "an integer from \(range.lowerBound) to \(range.upperBound)\(unit.isEmpty ? "" : " (\(unit))")"
        case let .choice(options): return "one of " + options.map { "\"\($0)\"" }.joined(separator: ", ")
        case let .name(kind): return "the name of a \(kind.rawValue) (a file name without .toml)"
        case .key: return "one key in keymap notation, such as \"<C-\\\\>\" or \"<F12>\""
        case .string: return "a string"
        }
    }

    /// Checks a TOML value against the option; returns the value or a message saying what is wrong.
    public func validate(_ node: TOMLNode) -> ConfigValidation {
        func wrongType() -> ConfigValidation { .invalid("must be \(accepts), not a \(node.typeName)") }
        switch kind {
        case .bool:
            if case let .bool(b) = node { return .valid(.bool(b)) }
            return wrongType()
        case let .integer(range, _):
            guard case let .integer(i) = node else { return wrongType() }
            guard range.contains(i) else { return .invalid("must be \(accepts), not \(i)") }
            return .valid(.integer(i))
        case let .choice(options):
            guard let s = node.stringValue else { return wrongType() }
            guard options.contains(s) else { return .invalid("must be \(accepts), not \"\(s)\"") }
            return .valid(.string(s))
        case .name:
            guard let s = node.stringValue else { return wrongType() }
            guard s.isEmpty || ResourceLocator.isValidName(s) else {
                return .invalid("must be \(accepts), not \(ConfigValue.string(s))")
            }
            return .valid(.string(s))
        case .key:
            guard let s = node.stringValue else { return wrongType() }
            guard let keys = Key.sequence(s), keys.count == 1 else { return .invalid("must be \(accepts), not \(ConfigValue.string(s))") }
            guard keys[0].isPortable else { return .invalid("\(keys[0]) cannot be sent by every terminal; choose a key such as <C-\\> or <F12>") }
            return .valid(.string(keys[0].description))
        case .string:
            guard let s = node.stringValue else { return wrongType() }
            return .valid(.string(s))
        }
    }
}

/// The outcome of checking a value against an option.
public enum ConfigValidation: Hashable, Sendable {
    case valid(ConfigValue)
    /// What is wrong, phrased to follow the option's name ("must be true or false, not a string").
    case invalid(String)
}
