import Foundation
internal import JSONCore

/// Serialises a `MessageJSON` compactly as UTF-8 JSON (non-ASCII kept as is, like
/// `json.dumps(ensure_ascii=False)`), with object keys sorted so output is deterministic.
public enum MessageJSONWriter {
    /// The JSON text of `value` as UTF-8 bytes.
    public static func data(_ value: MessageJSON) -> Data {
        let out = ByteBuffer(capacity: 256)
        write(value, into: out)
        return out.takeData()
    }

    /// The JSON text of `value`.
    public static func string(_ value: MessageJSON) -> String {
        String(decoding: data(value), as: UTF8.self)
    }

    static func write(_ value: MessageJSON, into out: ByteBuffer) {
        switch value {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .number(var text): text.withUTF8 { out.append($0) }
        case .string(let s): JSONEscaping.appendQuoted(s, to: out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (i, e) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(e, into: out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, key) in members.keys.sorted().enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONEscaping.appendQuoted(key, to: out)
                out.append(UInt8(ascii: ":"))
                write(members[key]!, into: out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}
