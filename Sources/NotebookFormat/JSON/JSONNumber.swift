/// A JSON number that keeps the exact text it was read from.
///
/// Like Python's `json`, a lexeme with neither fraction nor exponent is an integer of any size and
/// is written back verbatim; any other lexeme is a float and is written as Python's `repr` of the
/// parsed double (`1E5` → `100000.0`, `1e-5` → `1e-05`). `NaN`, `Infinity` and `-Infinity` are
/// accepted and written as Python writes them.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The text as read (or as produced for a value made in code).
    public let text: String
    /// Whether the lexeme is an integer (no fraction, no exponent, not NaN/Infinity).
    public let isInteger: Bool

    /// A number from its JSON (or `NaN`/`Infinity`) lexeme; the lexeme is trusted to be well formed.
    public init(lexeme: String) {
        text = lexeme
        isInteger = !lexeme.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e")
                || $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "N") || $0 == UInt8(ascii: "I") })
    }

    /// An integer.
    public init(_ value: Int) {
        text = String(value)
        isInteger = true
    }

    /// A float; written as Python's `repr`.
    public init(_ value: Double) {
        text = PythonFloat.repr(value)
        isInteger = false
    }

    /// The value as a double (integers converted, possibly rounding).
    public var doubleValue: Double {
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: return Double(text) ?? (text.hasPrefix("-") ? -.infinity : .infinity)
        }
    }

    /// The value as an `Int` when the lexeme is an integer that fits.
    public var intValue: Int? { isInteger ? Int(text) : nil }

    /// The text Python's `json.dumps` writes for the parsed value.
    public var pythonText: String {
        if isInteger {
            // Python parses "-0" to the int 0.
            if text == "-0" { return "0" }
            return text
        }
        return PythonFloat.repr(doubleValue)
    }

    public var description: String { pythonText }

    /// Numbers are equal when Python would consider the parsed values equal.
    public static func == (a: JSONNumber, b: JSONNumber) -> Bool {
        if a.isInteger && b.isInteger { return a.pythonText == b.pythonText }
        let x = a.doubleValue, y = b.doubleValue
        if x.isNaN && y.isNaN { return true }
        return x == y
    }

    public func hash(into hasher: inout Hasher) {
        if isInteger, let i = intValue { hasher.combine(Double(i)) } else if isInteger { hasher.combine(text) } else {
            hasher.combine(doubleValue)
        }
    }
}
