/// Where in a notebook the parser is, for joining line lists while parsing (`parseNotebook`).
enum ParseContext: UInt8 {
    case none, top, cellsArray, cell, outputsArray, output, attachments, bundle, lines

    /// The context of the elements of an array in this context.
    var elementContext: ParseContext {
        switch self {
        case .cellsArray: return .cell
        case .outputsArray: return .output
        default: return .none
        }
    }

    /// The context of the value of member `key` of an object in this context.
    func child(_ key: String) -> ParseContext {
        switch self {
        case .top: return key == "cells" ? .cellsArray : .none
        case .cell:
            switch key {
            case "source": return .lines
            case "outputs": return .outputsArray
            case "attachments": return .attachments
            default: return .none
            }
        case .output:
            switch key {
            case "text": return .lines
            case "data": return .bundle
            default: return .none
            }
        case .attachments: return .bundle
        case .bundle: return MimeType.isJSON(key) ? .none : .lines
        default: return .none
        }
    }
}

/// Which members of a cell or output object had line lists joined inside them, to check afterwards
/// that `rejoin_lines` would have joined them too (it depends on `cell_type` and `output_type`,
/// which may come later in the file).
struct JoinRecord {
    /// `text` of an output, or `outputs` of a cell.
    var first = false
    /// `data` of an output.
    var data = false
    var any: Bool { first || data }

    mutating func note(_ key: String, joined: Bool, in context: ParseContext) {
        switch (context, key) {
        case (.output, "text"), (.cell, "outputs"): first = joined
        case (.output, "data"): data = joined
        default: break
        }
    }

    /// Whether `rejoin_lines` joins what was joined in `object`.
    func agrees(with object: JSONObject, in context: ParseContext) -> Bool {
        switch context {
        case .output:
            let type = object["output_type"]?.stringValue ?? ""
            let isBundle = type == "execute_result" || type == "display_data"
            if data && !isBundle { return false }
            if first && (type.isEmpty || isBundle) { return false }
            return true
        case .cell:
            guard first else { return true }
            guard object["cell_type"]?.stringValue == "code", case .array(let outputs)? = object["outputs"] else {
                return false
            }
            return outputs.allSatisfy { $0.objectValue != nil }
        default:
            return true
        }
    }
}

extension JSONParser {
    /// An array whose strings `rejoin_lines` joins: read them into one buffer and make one string.
    /// An element that is not a string turns it back into an ordinary array.
    mutating func parseLines() throws(JSONParseError) -> JSONValue {
        try enter()
        i += 1
        var buffer = lineBuffer
        lineBuffer = []
        buffer.removeAll(keepingCapacity: true)
        defer { lineBuffer = buffer }
        var ends: [Int] = []
        while true {
            skipWhitespace()
            guard i < bytes.count else { throw error("unterminated array: expected ',' or ']'") }
            if ends.isEmpty && bytes[i] == UInt8(ascii: "]") { break }
            guard bytes[i] == UInt8(ascii: "\"") else {
                var elements: [JSONValue] = []
                var from = 0
                for end in ends {
                    elements.append(.string(String(decoding: buffer[from..<end], as: UTF8.self)))
                    from = end
                }
                elements.append(try parseValue())
                return try arrayTail(elements, afterElement: true, elementContext: .none)
            }
            try appendString(into: &buffer)
            ends.append(buffer.count)
            skipWhitespace()
            guard i < bytes.count else { throw error("unterminated array: expected ',' or ']'") }
            let b = bytes[i]
            if b == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if b == UInt8(ascii: "]") { break }
            throw error("expected ',' or ']' after an array element, found \(describe(b))")
        }
        i += 1
        leave()
        joinCount += 1
        return .string(String(decoding: buffer, as: UTF8.self))
    }
}
