/// A parsed TOML value as a plain Swift value, so it can cross threads and be matched on.
///
/// Table entries keep the order of the source file when it is known (see `TOMLDocument`).
public indirect enum TOMLNode: Hashable, Sendable {
    case table([(key: String, value: TOMLNode)])
    case array([TOMLNode])
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    /// A date, time or date-time, kept as written.
    case dateTime(String)

    /// The entries of a table, or nil.
    public var tableEntries: [(key: String, value: TOMLNode)]? {
        if case let .table(entries) = self { return entries }
        return nil
    }

    /// The value under `key` of a table, or nil.
    public subscript(key: String) -> TOMLNode? {
        tableEntries?.first(where: { $0.key == key })?.value
    }

    /// The string, or nil.
    public var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    /// The name of the value's TOML type, for messages.
    public var typeName: String {
        switch self {
        case .table: return "table"
        case .array: return "array"
        case .string: return "string"
        case .integer: return "integer"
        case .float: return "float"
        case .bool: return "boolean"
        case .dateTime: return "date-time"
        }
    }

    public static func == (lhs: TOMLNode, rhs: TOMLNode) -> Bool {
        switch (lhs, rhs) {
        case let (.table(a), .table(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case let (.array(a), .array(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.float(a), .float(b)): return a == b
        case let (.bool(a), .bool(b)): return a == b
        case let (.dateTime(a), .dateTime(b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case let .table(entries):
            hasher.combine(0)
            for e in entries { hasher.combine(e.key); hasher.combine(e.value) }
        case let .array(a): hasher.combine(1); hasher.combine(a)
        case let .string(s): hasher.combine(2); hasher.combine(s)
        case let .integer(i): hasher.combine(3); hasher.combine(i)
        case let .float(d): hasher.combine(4); hasher.combine(d)
        case let .bool(b): hasher.combine(5); hasher.combine(b)
        case let .dateTime(s): hasher.combine(6); hasher.combine(s)
        }
    }
}
