import Foundation
internal import JSONCore

/// A fast JSON reader working on UTF-8 bytes, with Python `json.loads` semantics: duplicate keys keep
/// the last value, `NaN`/`Infinity`/`-Infinity` are accepted, raw control characters inside strings
/// are refused, and numbers keep their lexeme. Invalid UTF-8, lone surrogate escapes (which a UTF-8
/// file cannot store), nesting deeper than `maxDepth` and trailing data are errors with a location.
public struct JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    public static let defaultMaxDepth = 512

    /// Parses a whole JSON text. A leading UTF-8 byte order mark is skipped.
    public static func parse(_ data: Data, maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
            do throws(JSONParseError) {
                return .success(try parser.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses an `.ipynb` file: the same value as `parse`, except that the line lists nbformat's
    /// `rejoin_lines` joins (cell sources, stream text, text-like MIME data, attachments) are joined
    /// while parsing, without making a string per line. When the file breaks an assumption of that
    /// shortcut (a `data` bundle in a stream output, outputs in a markdown cell, …) it is parsed
    /// again as plain JSON, so the result is always what `parse` gives after `rejoin_lines`.
    static func parseNotebook(_ data: Data) throws(JSONParseError) -> JSONValue {
        let result: Result<(JSONValue, Bool), JSONParseError> = data.withUnsafeBytes { raw in
            var parser = JSONParser(bytes: raw.bindMemory(to: UInt8.self), maxDepth: defaultMaxDepth)
            parser.notebookMode = true
            do throws(JSONParseError) {
                let value = try parser.parseDocument()
                return .success((value, parser.joinedWrongly))
            } catch {
                return .failure(error)
            }
        }
        let (value, joinedWrongly) = try result.get()
        return joinedWrongly ? try parse(data) : value
    }

    /// Parses a JSON text given as a string.
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSONValue {
        try parse(Data(text.utf8), maxDepth: maxDepth)
    }

    /// Whether `data` starts with a UTF-8 byte order mark.
    public static func hasByteOrderMark(_ data: Data) -> Bool {
        data.count >= 3 && data.starts(with: [0xEF, 0xBB, 0xBF])
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private let maxDepth: Int
    var i = 0
    private var depth = 0
    private var scratch: [UInt8] = []
    /// Notebook mode: join line lists while parsing (see `parseNotebook`).
    var notebookMode = false
    /// How many line lists were joined so far.
    var joinCount = 0
    /// Set when a join turned out to be one `rejoin_lines` would not make.
    var joinedWrongly = false
    var lineBuffer: [UInt8] = []

    private init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
        JSONParseError.at(offset ?? i, in: bytes, message)
    }

    private mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        skipWhitespace()
        if i >= bytes.count { throw error("expected a JSON value, found the end of the file") }
        let value = try parseValue(notebookMode ? .top : .none)
        skipWhitespace()
        if i < bytes.count { throw error("unexpected data after the JSON value") }
        return value
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { i += 1 } else { return }
        }
    }

    func describe(_ b: UInt8) -> String {
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return String(format: "byte 0x%02X", b)
    }

    mutating func parseValue(_ context: ParseContext = .none) throws(JSONParseError) -> JSONValue {
        guard i < bytes.count else { throw error("expected a value, found the end of the file") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try parseObject(context)
        case UInt8(ascii: "["): return context == .lines ? try parseLines() : try parseArray(context)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "N"): try expectWord("NaN"); return .number(JSONNumber(lexeme: "NaN"))
        case UInt8(ascii: "I"): try expectWord("Infinity"); return .number(JSONNumber(lexeme: "Infinity"))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case let b:
            if b >= 0x80 && !isValidSequence(at: i) { throw error("invalid UTF-8 (\(describe(b)))") }
            throw error("expected a value, found \(b >= 0x80 ? "a non-ASCII character" : describe(b))")
        }
    }

    private mutating func expectWord(_ word: StaticString) throws(JSONParseError) {
        let n = word.utf8CodeUnitCount
        let start = word.utf8Start
        guard i + n <= bytes.count else { throw error("expected a value") }
        for k in 0..<n where bytes[i + k] != start[k] { throw error("expected a value") }
        i += n
    }

    mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
    }

    mutating func leave() { depth -= 1 }

    private mutating func parseArray(_ context: ParseContext) throws(JSONParseError) -> JSONValue {
        try enter()
        i += 1
        skipWhitespace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") {
            i += 1
            depth -= 1
            return .array([])
        }
        return try arrayTail([], afterElement: false, elementContext: context.elementContext)
    }

    /// The rest of an array whose `[` (and maybe some elements) are read.
    mutating func arrayTail(_ start: [JSONValue], afterElement: Bool,
                            elementContext: ParseContext) throws(JSONParseError) -> JSONValue {
        var elements = start
        var first = afterElement
        while true {
            if first {
                first = false
            } else {
                skipWhitespace()
                elements.append(try parseValue(elementContext))
            }
            skipWhitespace()
            guard i < bytes.count else { throw error("unterminated array: expected ',' or ']'") }
            let b = bytes[i]
            i += 1
            if b == UInt8(ascii: ",") { continue }
            if b == UInt8(ascii: "]") { break }
            throw error("expected ',' or ']' after an array element, found \(describe(b))", at: i - 1)
        }
        depth -= 1
        return .array(elements)
    }

    private mutating func parseObject(_ context: ParseContext) throws(JSONParseError) -> JSONValue {
        try enter()
        i += 1
        var keys: [String] = []
        var values: [JSONValue] = []
        var lookup: [ExactKey: Int]? = nil
        var joins = JoinRecord()
        skipWhitespace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "}") {
            i += 1
            depth -= 1
            return .object(JSONObject())
        }
        while true {
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                if i >= bytes.count { throw error("unterminated object: expected a key") }
                throw error("expected a property name in double quotes, found \(describe(bytes[i]))")
            }
            let key = try parseString()
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                throw error("expected ':' after the property name")
            }
            i += 1
            skipWhitespace()
            let value: JSONValue
            if context == .none {
                value = try parseValue()
            } else {
                let before = joinCount
                value = try parseValue(context.child(key))
                joins.note(key, joined: joinCount != before, in: context)
            }
            // Duplicate keys: the last value wins at the first position, like a Python dict.
            if keys.count >= 12 && lookup == nil {
                var table: [ExactKey: Int] = [:]
                for (n, k) in keys.enumerated() { table[ExactKey(k)] = n }
                lookup = table
            }
            if lookup != nil {
                let exact = ExactKey(key)
                if let n = lookup![exact] { values[n] = value } else {
                    lookup![exact] = keys.count
                    keys.append(key)
                    values.append(value)
                }
            } else if let n = JSONParser.position(of: key, in: keys) {
                values[n] = value
            } else {
                keys.append(key)
                values.append(value)
            }
            skipWhitespace()
            guard i < bytes.count else { throw error("unterminated object: expected ',' or '}'") }
            let b = bytes[i]
            i += 1
            if b == UInt8(ascii: ",") { continue }
            if b == UInt8(ascii: "}") { break }
            throw error("expected ',' or '}' after an object member, found \(describe(b))", at: i - 1)
        }
        depth -= 1
        let object = JSONObject(uniqueKeys: keys, values: values)
        if joins.any && !joins.agrees(with: object, in: context) { joinedWrongly = true }
        return .object(object)
    }

    private static func position(of key: String, in keys: [String]) -> Int? {
        let n = key.utf8.count
        for (p, k) in keys.enumerated() where k.utf8.count == n && JSONObject.sameBytes(k, key) { return p }
        return nil
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = i
        if bytes[i] == UInt8(ascii: "-"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "I") {
            i += 1
            try expectWord("Infinity")
            return JSONNumber(lexeme: "-Infinity")
        }
        guard let end = JSONEscaping.numberEnd(bytes, from: start) else {
            throw error("expected a digit in a number", at: bytes[start] == UInt8(ascii: "-") ? start + 1 : start)
        }
        i = end
        return JSONNumber(lexeme: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
    }

    /// Reads a string starting at its opening quote.
    private mutating func parseString() throws(JSONParseError) -> String {
        let open = i
        i += 1
        let start = i
        // Fast path: no escapes.
        let base = bytes.baseAddress!
        let n = bytes.count
        while i < n {
            while i + 8 <= n {
                let w = SWAR.load(base + i)
                if w & 0x8080_8080_8080_8080 != 0 || !SWAR.isPlain(w) { break }
                i += 8
            }
            if i >= n { break }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                i += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw error("invalid control character \(describe(b)) in a string") }
            if b >= 0x80 {
                let length = sequenceLength(at: i)
                if length == 0 { throw error("invalid UTF-8 in a string (\(describe(b)))") }
                i += length
            } else {
                i += 1
            }
        }
        if i >= bytes.count { throw error("unterminated string", at: open) }
        var buffer = scratch
        scratch = []
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
        try appendStringBody(into: &buffer, open: open)
        scratch = buffer
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Appends the bytes of the string whose opening quote is at `i` to `buffer`.
    mutating func appendString(into buffer: inout [UInt8]) throws(JSONParseError) {
        let open = i
        i += 1
        try appendStringBody(into: &buffer, open: open)
    }

    /// Reads the rest of a string (up to and including its closing quote) into `buffer`.
    private mutating func appendStringBody(into buffer: inout [UInt8], open: Int) throws(JSONParseError) {
        let base = bytes.baseAddress!
        let n = bytes.count
        while i < n {
            let runStart = i
            while i + 8 <= n {
                let w = SWAR.load(base + i)
                if w & 0x8080_8080_8080_8080 != 0 || !SWAR.isPlain(w) { break }
                i += 8
            }
            if runStart < i { buffer.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart)) }
            if i >= n { break }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return
            }
            if b == UInt8(ascii: "\\") {
                try parseEscape(into: &buffer)
            } else if b < 0x20 {
                throw error("invalid control character \(describe(b)) in a string")
            } else if b >= 0x80 {
                let length = sequenceLength(at: i)
                if length == 0 { throw error("invalid UTF-8 in a string (\(describe(b)))") }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
                i += length
            } else {
                buffer.append(b)
                i += 1
            }
        }
        throw error("unterminated string", at: open)
    }

    private mutating func parseEscape(into scratch: inout [UInt8]) throws(JSONParseError) {
        do throws(JSONEscaping.Failure) {
            try JSONEscaping.decodeEscape(bytes, at: &i, into: &scratch, loneSurrogates: .reject)
        } catch {
            switch error.reason {
            case .unterminated: throw self.error("unterminated string", at: error.offset)
            case .invalidUnicodeEscape: throw self.error("invalid \\u escape", at: error.offset)
            case .loneSurrogate:
                throw self.error("lone surrogate escape in a string (cannot be stored as UTF-8)", at: error.offset)
            case .invalidEscape:
                let c = error.offset + 1 < bytes.count ? bytes[error.offset + 1] : 0
                throw self.error("invalid escape '\\\(Character(Unicode.Scalar(c)))' in a string", at: error.offset)
            }
        }
    }

    private func isValidSequence(at p: Int) -> Bool { sequenceLength(at: p) != 0 }

    /// The length of the well-formed UTF-8 sequence at `p` (2…4), or 0 if it is malformed.
    @inline(__always)
    private func sequenceLength(at p: Int) -> Int {
        let b0 = bytes[p]
        let n = bytes.count
        @inline(__always) func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            p + k < n && bytes[p + k] >= lo && bytes[p + k] <= hi
        }
        switch b0 {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE, 0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }
}

/// A dictionary key that compares strings by exact UTF-8 bytes.
struct ExactKey: Hashable {
    let string: String
    init(_ string: String) { self.string = string }
    static func == (a: ExactKey, b: ExactKey) -> Bool { JSONObject.sameBytes(a.string, b.string) }
    func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
