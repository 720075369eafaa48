/// Parsing one event at a position of the pending bytes.
extension InputDecoder {
    enum Step {
        /// An event (nil: bytes consumed without an event) and the index after it.
        case event(Event?, Int)
        /// The start of a bracketed paste, and the index after the marker.
        case pasteStart(Int)
        /// More bytes are needed.
        case incomplete
    }

    static func parse(_ b: [UInt8], at i: Int, final: Bool) -> Step {
        let c = b[i]
        if c == 0x1B { return parseEscape(b, at: i, final: final) }
        if c < 0x20 || c == 0x7F { return .event(.key(controlKey(c)), i + 1) }
        if c < 0x80 { return .event(.key(Key(.char(Unicode.Scalar(c)))), i + 1) }
        return parseUTF8(b, at: i, final: final)
    }

    /// The key a C0 control byte or DEL stands for.
    static func controlKey(_ c: UInt8) -> Key {
        switch c {
        case 0x00: return Key(.space, .ctrl)
        case 0x08, 0x7F: return Key(.backspace)
        case 0x09: return Key(.tab)
        case 0x0D: return Key(.enter)
        case 0x1B: return Key(.escape)
        case 0x01...0x1A: return Key(.char(Unicode.Scalar(c + 0x60)), .ctrl)
        default: return Key(.char(Unicode.Scalar(c + 0x40)), .ctrl) // 0x1C–0x1F: \ ] ^ _
        }
    }

    static func parseUTF8(_ b: [UInt8], at i: Int, final: Bool) -> Step {
        let c = b[i]
        let length = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? (c < 0xF0 ? 3 : 0) : c >= 0xC2 ? 2 : 0
        guard length > 0 else { return .event(nil, i + 1) }
        var value = UInt32(c) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            guard i + k < b.count else { return final ? .event(nil, i + 1) : .incomplete }
            let cc = b[i + k]
            guard cc & 0xC0 == 0x80 else { return .event(nil, i + k) }
            value = value << 6 | UInt32(cc & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value), value >= [0, 0, 0x80, 0x800, 0x10000][length] else {
            return .event(nil, i + length)
        }
        return .event(.key(Key(.char(scalar))), i + length)
    }

    static func parseEscape(_ b: [UInt8], at i: Int, final: Bool) -> Step {
        guard i + 1 < b.count else { return final ? .event(.key(Key(.escape)), i + 1) : .incomplete }
        let next = b[i + 1]
        if next == UInt8(ascii: "[") || next == UInt8(ascii: "O") {
            let step = next == UInt8(ascii: "[") ? parseCSI(b, from: i + 2) : parseSS3(b, at: i + 2)
            if case .incomplete = step, final { return .event(.key(Key(.char(Unicode.Scalar(next)), .alt)), i + 2) }
            return step
        }
        if Self.controlStringStarts.contains(next), let step = parseControlString(b, at: i, final: final) { return step }
        // Alt as an ESC prefix: ESC followed by a key (or by a whole sequence: ESC ESC [ A is Alt+Up).
        let inner = parse(b, at: i + 1, final: final)
        switch inner {
        case let .event(.key(key)?, end):
            var k = key
            k.modifiers.insert(.alt)
            return .event(.key(Key(k.code, k.modifiers)), end)
        case .incomplete where next == 0x1B && final:
            return .event(.key(Key(.escape, .alt)), i + 2)
        default:
            return inner
        }
    }

    /// The key of a CSI or SS3 final byte shared by both forms: arrows, Home/End, F1–F4.
    static func cursorOrFunctionKey(_ final: UInt8) -> KeyCode? {
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "P"): return .function(1)
        case UInt8(ascii: "Q"): return .function(2)
        case UInt8(ascii: "R"): return .function(3)
        case UInt8(ascii: "S"): return .function(4)
        default: return nil
        }
    }

    static func parseSS3(_ b: [UInt8], at j: Int) -> Step {
        guard j < b.count else { return .incomplete }
        let code = b[j] == UInt8(ascii: "M") ? .enter : cursorOrFunctionKey(b[j])
        return .event(code.map { .key(Key($0)) }, j + 1)
    }

    /// Parses the CSI sequence whose body starts at `j` (after `ESC [`).
    static func parseCSI(_ b: [UInt8], from j: Int) -> Step {
        var k = j
        while k < b.count, (0x30...0x3F).contains(b[k]) { k += 1 }
        let paramsEnd = k
        while k < b.count, (0x20...0x2F).contains(b[k]) { k += 1 }
        guard k < b.count else { return k - j > maxSequenceLength ? .event(nil, k) : .incomplete }
        let final = b[k]
        guard (0x40...0x7E).contains(final) else { return .event(nil, k) } // broken sequence: drop it
        let params = b[j..<paramsEnd]
        if final == UInt8(ascii: "M") && params.isEmpty { return parseX10Mouse(b, at: k + 1) }
        return CSISequence(params: params, intermediates: b[paramsEnd..<k], final: final).interpret(next: k + 1)
    }

    static func parseX10Mouse(_ b: [UInt8], at j: Int) -> Step {
        guard j + 2 < b.count else { return .incomplete }
        let code = Int(b[j]) - 32
        let point = Point(x: Int(b[j + 1]) - 33, y: Int(b[j + 2]) - 33)
        return .event(CSISequence.mouse(code: code, at: point, released: code & 3 == 3 && code & 64 == 0).map { .mouse($0) }, j + 3)
    }
}
