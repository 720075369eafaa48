import Foundation
internal import JSONCore

/// Writes JSON exactly as Python's `json.dumps(value, indent=1, sort_keys=True, separators=(",", ": "),
/// ensure_ascii=False)`: keys sorted by code point, one space per level, non-ASCII raw, control
/// characters as lowercase `\u00XX`, `/` unescaped, numbers as Python prints the parsed values.
public struct JSONWriter {
    private let buffer: ByteBuffer

    /// An empty writer; `capacity` is a hint for the output size.
    public init(capacity: Int = 0) {
        buffer = ByteBuffer(capacity: capacity)
    }

    /// The bytes written so far (a copy).
    public var bytes: [UInt8] { buffer.array }

    /// Takes the bytes written so far as `Data` (without copying) and empties the writer.
    public mutating func takeData() -> Data { buffer.takeData() }

    /// Takes the bytes written so far as `malloc` memory the caller frees, without copying.
    public mutating func takeMemory() -> UnsafeMutableBufferPointer<UInt8> { buffer.takeMemory() }

    /// Serializes one value in Python's form (no trailing newline).
    public static func serialize(_ value: JSONValue) -> Data {
        var writer = JSONWriter()
        writer.write(value, depth: 0)
        return writer.takeData()
    }

    /// Serializes one value to a string in Python's form.
    public static func string(_ value: JSONValue) -> String {
        var writer = JSONWriter()
        writer.write(value, depth: 0)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @inline(__always)
    mutating func raw(_ s: StaticString) { buffer.append(s) }

    @inline(__always)
    mutating func byte(_ b: UInt8) { buffer.append(b) }

    /// A newline and `depth` spaces.
    @inline(__always)
    mutating func newline(_ depth: Int) {
        buffer.append(0x0A)
        buffer.append(repeating: 0x20, count: depth)
    }

    /// Writes any value at nesting `depth`.
    public mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null: raw("null")
        case .bool(let b): if b { raw("true") } else { raw("false") }
        case .number(let n):
            var text = n.pythonText
            text.withUTF8 { buffer.append($0) }
        case .string(let s): writeString(s)
        case .array(let a): writeArray(a, depth: depth)
        case .object(let o): writeObject(o, depth: depth)
        }
    }

    mutating func writeArray(_ a: [JSONValue], depth: Int) {
        if a.isEmpty {
            raw("[]")
            return
        }
        byte(UInt8(ascii: "["))
        for (n, element) in a.enumerated() {
            if n > 0 { byte(UInt8(ascii: ",")) }
            newline(depth + 1)
            write(element, depth: depth + 1)
        }
        newline(depth)
        byte(UInt8(ascii: "]"))
    }

    mutating func writeObject(_ o: JSONObject, depth: Int) {
        writeObject(o, depth: depth) { writer, _, value, depth in writer.write(value, depth: depth) }
    }

    /// Writes an object with sorted keys, letting `member` write each value (for notebook-specific
    /// layouts such as split lines). Keys listed in `skipping` are left out.
    mutating func writeObject(_ o: JSONObject, depth: Int, skipping: [String] = [],
                              member: (inout JSONWriter, String, JSONValue, Int) -> Void) {
        var first = true
        for i in o.sortedIndices {
            let key = o.keys[i]
            if !skipping.isEmpty && skipping.contains(where: { JSONObject.sameBytes($0, key) }) { continue }
            if first {
                byte(UInt8(ascii: "{"))
                first = false
            } else {
                byte(UInt8(ascii: ","))
            }
            newline(depth + 1)
            writeKey(key)
            member(&self, key, o.values[i], depth + 1)
        }
        if first {
            raw("{}")
        } else {
            newline(depth)
            byte(UInt8(ascii: "}"))
        }
    }

    /// `"key": `
    @inline(__always)
    mutating func writeKey(_ key: String) {
        writeString(key)
        raw(": ")
    }

    /// Writes a quoted string with Python's escapes.
    public mutating func writeString(_ s: String) {
        var s = s
        s.withUTF8 { writeString(utf8: $0) }
    }

    mutating func writeString(utf8 u: UnsafeBufferPointer<UInt8>) {
        byte(UInt8(ascii: "\""))
        writeEscaped(u)
        byte(UInt8(ascii: "\""))
    }

    /// The string's bytes with escapes, without quotes.
    @inline(__always)
    mutating func writeEscaped(_ u: UnsafeBufferPointer<UInt8>) {
        JSONEscaping.appendEscaped(u, to: buffer)
    }

    /// Writes a string as the array `str.splitlines(keepends=True)` gives (nbformat's `split_lines`).
    public mutating func writeSplitLines(_ s: String, depth: Int) {
        var s = s
        s.withUTF8 { u in
            if u.isEmpty {
                raw("[]")
                return
            }
            byte(UInt8(ascii: "["))
            var first = true
            LineSplitter.forEachLine(u) { range in
                if first { first = false } else { byte(UInt8(ascii: ",")) }
                newline(depth + 1)
                writeString(utf8: UnsafeBufferPointer(rebasing: u[range]))
            }
            newline(depth)
            byte(UInt8(ascii: "]"))
        }
    }
}
