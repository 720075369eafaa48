/// JSON string escapes as Python's `json.dumps(ensure_ascii=False)` writes them (non-ASCII raw,
/// `/` unescaped, control characters as lowercase `\u00XX`), and their decoding when reading.
public enum JSONEscaping {
    @usableFromInline static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends the bytes of `u` to `out` with escapes, without quotes.
    @inlinable
    public static func appendEscaped(_ u: UnsafeBufferPointer<UInt8>, to out: ByteBuffer) {
        guard let p = u.baseAddress else { return }
        var runStart = 0
        var i = 0
        let n = u.count
        while i < n {
            while i + 8 <= n && SWAR.isPlain(SWAR.load(p + i)) { i += 8 }
            if i >= n { break }
            let b = p[i]
            if b >= 0x20 && b != 0x22 && b != 0x5C {
                i += 1
                continue
            }
            if runStart < i { out.append(UnsafeBufferPointer(start: p + runStart, count: i - runStart)) }
            switch b {
            case 0x22: out.append("\\\"")
            case 0x5C: out.append("\\\\")
            case 0x0A: out.append("\\n")
            case 0x0D: out.append("\\r")
            case 0x09: out.append("\\t")
            case 0x08: out.append("\\b")
            case 0x0C: out.append("\\f")
            default:
                out.append("\\u00")
                out.append(hexDigits[Int(b >> 4)])
                out.append(hexDigits[Int(b & 0xF)])
            }
            i += 1
            runStart = i
        }
        if runStart < n { out.append(UnsafeBufferPointer(start: p + runStart, count: n - runStart)) }
    }

    /// Appends `s` quoted and escaped.
    @inlinable
    public static func appendQuoted(_ s: String, to out: ByteBuffer) {
        var s = s
        out.append(0x22)
        s.withUTF8 { appendEscaped($0, to: out) }
        out.append(0x22)
    }

    /// What to do with a `\u` escape of a UTF-16 surrogate that has no partner (UTF-8 cannot hold it).
    public enum LoneSurrogates: Sendable {
        /// Fail with `.loneSurrogate`.
        case reject
        /// Decode it as U+FFFD.
        case replace
    }

    /// Why an escape sequence could not be decoded, and the byte offset to report.
    public struct Failure: Error, Sendable, Equatable {
        public enum Reason: Sendable, Equatable {
            /// The text ends inside the escape.
            case unterminated
            /// A backslash followed by a character JSON does not allow there.
            case invalidEscape
            /// `\u` not followed by four hex digits.
            case invalidUnicodeEscape
            /// A surrogate escape without its partner (with `.reject`).
            case loneSurrogate
        }
        public var reason: Reason
        public var offset: Int

        @inlinable
        public init(_ reason: Reason, at offset: Int) {
            self.reason = reason
            self.offset = offset
        }
    }

    /// Decodes the escape sequence whose backslash is at `i` (a surrogate pair's two escapes
    /// together), appends its UTF-8 to `out` and moves `i` past it.
    @inlinable
    public static func decodeEscape(_ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int, into out: inout [UInt8],
                                    loneSurrogates: LoneSurrogates) throws(Failure) {
        let at = i
        i += 1
        guard i < bytes.count else { throw Failure(.unterminated, at: i) }
        let c = bytes[i]
        i += 1
        switch c {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4(bytes, at: &i, escape: at)
            if scalar >= 0xD800 && scalar < 0xDC00 {
                if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    let second = i
                    i += 2
                    let low = try hex4(bytes, at: &i, escape: second)
                    if low >= 0xDC00 && low < 0xE000 {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if loneSurrogates == .reject {
                        throw Failure(.loneSurrogate, at: at)
                    } else {
                        i = second
                        scalar = 0xFFFD
                    }
                } else if loneSurrogates == .reject {
                    throw Failure(.loneSurrogate, at: at)
                } else {
                    scalar = 0xFFFD
                }
            } else if scalar >= 0xDC00 && scalar < 0xE000 {
                if loneSurrogates == .reject { throw Failure(.loneSurrogate, at: at) }
                scalar = 0xFFFD
            }
            appendUTF8(scalar, to: &out)
        default:
            throw Failure(.invalidEscape, at: at)
        }
    }

    @inlinable
    static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int, escape: Int) throws(Failure) -> UInt32 {
        guard i + 4 <= bytes.count else { throw Failure(.invalidUnicodeEscape, at: escape) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw Failure(.invalidUnicodeEscape, at: escape)
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    /// Appends the UTF-8 form of the scalar `v` (not a surrogate, at most U+10FFFF).
    @inlinable
    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// The end of the number lexeme at `start`: the longest match of
    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?` (Python's `json` scanner), or `nil` when no
    /// digit follows the optional minus sign.
    @inlinable
    public static func numberEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        @inline(__always) func isDigit(_ k: Int) -> Bool { k < bytes.count && bytes[k] &- UInt8(ascii: "0") < 10 }
        var i = start
        if i < bytes.count && bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard isDigit(i) else { return nil }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else { while isDigit(i) { i += 1 } }
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") && isDigit(i + 1) {
            i += 1
            while isDigit(i) { i += 1 }
        }
        if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            var j = i + 1
            if j < bytes.count && (bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-")) { j += 1 }
            if isDigit(j) {
                i = j
                while isDigit(i) { i += 1 }
            }
        }
        return i
    }
}
