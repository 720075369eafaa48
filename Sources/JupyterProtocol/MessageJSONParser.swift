import Foundation
internal import JSONCore

/// Why a JSON text could not be read.
public struct MessageJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Byte offset of the problem.
    public var offset: Int
    /// What was wrong.
    public var reason: String
    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}

/// A strict RFC 8259 JSON reader over UTF-8 bytes, bounded in nesting depth so hostile input cannot
/// exhaust the stack. Invalid UTF-8 inside strings is replaced by U+FFFD rather than rejected.
public struct MessageJSONParser {
    /// Deepest nesting accepted.
    public static let maximumDepth = 512

    /// Parses one JSON value filling the whole of `data` (surrounding whitespace allowed).
    public static func parse(_ data: Data) throws(MessageJSONError) -> MessageJSON {
        let result: Result<MessageJSON, MessageJSONError> = data.withUnsafeBytes { raw in
            var parser = Cursor(bytes: raw.bindMemory(to: UInt8.self))
            do throws(MessageJSONError) {
                parser.skipWhitespace()
                let value = try parser.value(depth: 0)
                parser.skipWhitespace()
                if parser.index != parser.bytes.count { throw parser.error("trailing characters") }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses a JSON text given as a string.
    public static func parse(_ text: String) throws(MessageJSONError) -> MessageJSON {
        try parse(Data(text.utf8))
    }
}

private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    func error(_ reason: String) -> MessageJSONError { MessageJSONError(offset: index, reason: reason) }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) throws(MessageJSONError) -> MessageJSON {
        guard index < bytes.count else { throw error("unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("unexpected character")
        }
    }

    mutating func literal(_ word: StaticString) throws(MessageJSONError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw error("unexpected end") }
        let start = word.utf8Start
        for i in 0..<count where bytes[index + i] != start[i] { throw error("invalid literal") }
        index += count
    }

    mutating func object(depth: Int) throws(MessageJSONError) -> MessageJSON {
        if depth > MessageJSONParser.maximumDepth { throw error("nesting too deep") }
        index += 1
        var members: [String: MessageJSON] = [:]
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a member name") }
            let key = try string()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':'") }
            index += 1
            skipWhitespace()
            members[key] = try value(depth: depth)
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            throw error("expected ',' or '}'")
        }
    }

    mutating func array(depth: Int) throws(MessageJSONError) -> MessageJSON {
        if depth > MessageJSONParser.maximumDepth { throw error("nesting too deep") }
        index += 1
        var elements: [MessageJSON] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try value(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
            throw error("expected ',' or ']'")
        }
    }

    mutating func number() throws(MessageJSONError) -> MessageJSON {
        guard let end = JSONEscaping.numberEnd(bytes, from: index) else { throw error("invalid number") }
        let start = index
        index = end
        return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
    }

    mutating func string() throws(MessageJSONError) -> String {
        index += 1
        var runStart = index
        let base = bytes.baseAddress!
        let n = bytes.count
        // Fast path: no escapes (invalid UTF-8 is repaired by `String(decoding:)`).
        while index < n {
            while index + 8 <= n && SWAR.isPlain(SWAR.load(base + index)) { index += 8 }
            if index >= n { break }
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self)
                index += 1
                return s
            }
            if b == UInt8(ascii: "\\") || b < 0x20 { break }
            index += 1
        }
        var out = [UInt8]()
        out.reserveCapacity(index - runStart + 16)
        while true {
            guard index < n else { throw error("unterminated string") }
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                index += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw error("control character in string") }
            if b != UInt8(ascii: "\\") { index += 1; continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            do throws(JSONEscaping.Failure) {
                try JSONEscaping.decodeEscape(bytes, at: &index, into: &out, loneSurrogates: .replace)
            } catch {
                index = error.offset
                switch error.reason {
                case .unterminated: throw self.error("unterminated escape")
                case .invalidUnicodeEscape: throw self.error("invalid \\u escape")
                case .invalidEscape, .loneSurrogate: throw self.error("invalid escape")
                }
            }
            runStart = index
        }
    }
}
