import Foundation

/// A JSON object: key/value pairs in their original order.
///
/// Keys are compared by their exact Unicode scalars (UTF-8 bytes), never by Swift's canonical
/// equivalence, so `"é"` and `"e\u{301}"` are two keys, as in Python. Setting an existing key replaces
/// its value in place (like a Python dict, where a duplicate key keeps the first position and the
/// last value). Equality ignores order, like Python's dict equality.
public struct JSONObject: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// The keys, in order.
    public private(set) var keys: [String]
    /// The values, parallel to `keys`.
    public private(set) var values: [JSONValue]

    /// An empty object.
    public init() {
        keys = []
        values = []
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init()
        for (k, v) in elements { self[k] = v }
    }

    /// An object from pairs; a repeated key keeps its first position and its last value.
    public init<S: Sequence>(pairs: S) where S.Element == (String, JSONValue) {
        self.init()
        for (k, v) in pairs { self[k] = v }
    }

    /// Builds from parallel arrays already free of duplicate keys.
    init(uniqueKeys: [String], values: [JSONValue]) {
        self.keys = uniqueKeys
        self.values = values
    }

    /// The number of keys.
    public var count: Int { keys.count }
    /// Whether the object has no keys.
    public var isEmpty: Bool { keys.isEmpty }

    /// The position of `key`, compared by exact UTF-8 bytes.
    public func index(of key: String) -> Int? {
        let n = key.utf8.count
        for i in keys.indices where keys[i].utf8.count == n && JSONObject.sameBytes(keys[i], key) {
            return i
        }
        return nil
    }

    /// Whether two strings have the same UTF-8 bytes (not Swift's canonical equivalence).
    @inline(__always)
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
    }

    /// Whether the object has `key`.
    public func contains(_ key: String) -> Bool { index(of: key) != nil }

    /// The value of `key`; setting `nil` removes the key.
    public subscript(key: String) -> JSONValue? {
        get { index(of: key).map { values[$0] } }
        set {
            if let i = index(of: key) {
                if let newValue { values[i] = newValue } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// Removes `key` and returns its value.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let i = index(of: key) else { return nil }
        keys.remove(at: i)
        return values.remove(at: i)
    }

    /// Calls `body` on the value of `key` in place, if present.
    mutating func modify(_ key: String, _ body: (inout JSONValue) -> Void) {
        guard let i = index(of: key) else { return }
        body(&values[i])
    }

    /// Mutable access to every value in place.
    mutating func modifyValues(_ body: (String, inout JSONValue) -> Void) {
        for i in values.indices { body(keys[i], &values[i]) }
    }

    /// The positions of the keys sorted by Unicode code point (UTF-8 byte order is code point order).
    public var sortedIndices: [Int] {
        if keys.count < 2 { return Array(keys.indices) }
        return keys.indices.sorted { JSONObject.codePointLess(keys[$0], keys[$1]) }
    }

    /// Python's `str` ordering: by Unicode code point.
    public static func codePointLess(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    public func makeIterator() -> AnyIterator<(key: String, value: JSONValue)> {
        var i = 0
        return AnyIterator {
            guard i < keys.count else { return nil }
            defer { i += 1 }
            return (keys[i], values[i])
        }
    }

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        guard a.keys.count == b.keys.count else { return false }
        for i in a.keys.indices {
            guard let j = b.index(of: a.keys[i]), a.values[i] == b.values[j] else { return false }
        }
        return true
    }
}
