import Foundation

/// A JSON value as carried in Jupyter messages.
///
/// Numbers keep their literal text so that nothing is lost between a kernel and a notebook
/// (`1.0` stays `1.0`, big integers stay exact). Objects keep their members in a dictionary:
/// message content has no meaningful key order.
public enum MessageJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number as its JSON literal text, e.g. `"42"`, `"-1.5e3"`.
    case number(String)
    case string(String)
    case array([MessageJSON])
    case object([String: MessageJSON])

    /// An integer number value.
    public static func int(_ value: Int) -> MessageJSON { .number(String(value)) }

    /// A floating point number value (non-finite values become `null`, as JSON has no spelling for them).
    public static func double(_ value: Double) -> MessageJSON {
        value.isFinite ? .number(String(value)) : .null
    }

    /// The member `key` of an object, `nil` for anything else.
    public subscript(key: String) -> MessageJSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The boolean, if this is a boolean.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The integer, if this is a number with an integral value that fits an `Int`.
    public var intValue: Int? {
        guard case .number(let text) = self else { return nil }
        if let i = Int(text) { return i }
        if let d = Double(text), d.rounded() == d, abs(d) < 9.0e18 { return Int(d) }
        return nil
    }

    /// The number as a `Double`, if this is a number.
    public var doubleValue: Double? {
        if case .number(let text) = self { return Double(text) }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [MessageJSON]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The members, if this is an object.
    public var objectValue: [String: MessageJSON]? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// `true` for `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension MessageJSON: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: MessageJSON...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, MessageJSON)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}
