/// Takes `$…$` and `$$…$$` formulas out of markdown source before cmark parses it, leaving
/// placeholders (private-use characters around an index) that cmark passes through as text.
///
/// `\(…\)` and `\[…\]` are math too. Rules, as Jupyter's markdown follows them: code spans and
/// fenced code blocks are skipped; `\$` is a literal dollar; `$$…$$` may span lines; an inline
/// `$…$` must not start with a space, end with a space, be followed by a digit (`$5 and $6`) or
/// cross a blank line.
enum MathExtractor {
    struct Formula: Hashable, Sendable {
        var tex: String
        var display: Bool
        /// The text it replaced, delimiters included.
        var source: String
    }

    enum Piece: Hashable { case text(String), formula(Int) }

    static let inlineMark: Unicode.Scalar = "\u{E000}"
    static let displayMark: Unicode.Scalar = "\u{E001}"
    static let endMark: Unicode.Scalar = "\u{E002}"

    static func extract(_ source: String) -> (text: String, math: [Formula]) {
        let b = Array(source.utf8)
        guard b.contains(UInt8(ascii: "$")) || b.contains(UInt8(ascii: "\\")) else { return (source, []) }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var math: [Formula] = []
        var i = 0
        var atLineStart = true
        var fence: (char: UInt8, count: Int)? = nil
        let n = b.count
        func placeholder(_ display: Bool) {
            out.append(contentsOf: Array(String(display ? displayMark : inlineMark).utf8))
            out.append(contentsOf: Array(String(math.count - 1).utf8))
            out.append(contentsOf: Array(String(endMark).utf8))
        }
        while i < n {
            if atLineStart {
                atLineStart = false
                var j = i, spaces = 0
                while j < n, b[j] == 0x20, spaces < 4 { j += 1; spaces += 1 }
                if spaces < 4, j < n, b[j] == 0x60 || b[j] == 0x7E {
                    var k = j
                    while k < n, b[k] == b[j] { k += 1 }
                    if k - j >= 3 {
                        if let f = fence {
                            if f.char == b[j] && k - j >= f.count { fence = nil }
                        } else {
                            fence = (b[j], k - j)
                        }
                        let end = lineEnd(b, from: i)
                        out.append(contentsOf: b[i..<end])
                        i = end
                        continue
                    }
                }
                if fence != nil {
                    let end = lineEnd(b, from: i)
                    out.append(contentsOf: b[i..<end])
                    i = end
                    continue
                }
            }
            let c = b[i]
            if c == 0x0A { out.append(c); i += 1; atLineStart = true; continue }
            if c == 0x5C, i + 1 < n {
                // `\(…\)` and `\[…\]`, as Jupyter's MathJax reads them.
                if b[i + 1] == 0x28 || b[i + 1] == 0x5B, let close = findBackslashClose(b, from: i + 2, closer: b[i + 1] == 0x28 ? 0x29 : 0x5D) {
                    let display = b[i + 1] == 0x5B
                    math.append(Formula(tex: String(decoding: b[i + 2..<close], as: UTF8.self), display: display,
                                        source: String(decoding: b[i..<close + 2], as: UTF8.self)))
                    placeholder(display)
                    i = close + 2
                    continue
                }
                out.append(c); out.append(b[i + 1]); i += 2; continue
            }
            if c == 0x60 {
                var k = i
                while k < n, b[k] == 0x60 { k += 1 }
                let run = k - i
                if let close = findBacktickRun(b, from: k, length: run) {
                    out.append(contentsOf: b[i..<close + run])
                    i = close + run
                } else {
                    out.append(contentsOf: b[i..<k])
                    i = k
                }
                continue
            }
            if c == 0x24 {
                if i + 1 < n, b[i + 1] == 0x24, let close = findDisplayClose(b, from: i + 2) {
                    let tex = String(decoding: b[i + 2..<close], as: UTF8.self)
                    math.append(Formula(tex: tex, display: true, source: String(decoding: b[i..<close + 2], as: UTF8.self)))
                    placeholder(true)
                    i = close + 2
                    continue
                }
                if i + 1 < n, b[i + 1] != 0x24, let close = findInlineClose(b, from: i + 1) {
                    let tex = String(decoding: b[i + 1..<close], as: UTF8.self)
                    math.append(Formula(tex: tex, display: false, source: String(decoding: b[i...close], as: UTF8.self)))
                    placeholder(false)
                    i = close + 1
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return (String(decoding: out, as: UTF8.self), math)
    }

    /// Splits text holding placeholders into text and formula indices.
    static func split(_ text: String) -> [Piece] {
        var out: [Piece] = []
        var current = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let s = scalars.next() {
            if s == inlineMark || s == displayMark {
                var digits = ""
                while let d = scalars.next(), d != endMark { digits.unicodeScalars.append(d) }
                if !current.isEmpty { out.append(.text(String(current))); current = String.UnicodeScalarView() }
                if let i = Int(digits) { out.append(.formula(i)) }
            } else {
                current.append(s)
            }
        }
        if !current.isEmpty { out.append(.text(String(current))) }
        return out
    }

    private static func lineEnd(_ b: [UInt8], from: Int) -> Int {
        var j = from
        while j < b.count, b[j] != 0x0A { j += 1 }
        return min(j + 1, b.count)
    }

    private static func findBacktickRun(_ b: [UInt8], from: Int, length: Int) -> Int? {
        var j = from
        while j < b.count {
            if b[j] == 0x0A, j + 1 < b.count, b[j + 1] == 0x0A { return nil }
            if b[j] == 0x60 {
                var k = j
                while k < b.count, b[k] == 0x60 { k += 1 }
                if k - j == length { return j }
                j = k
                continue
            }
            j += 1
        }
        return nil
    }

    /// The backslash of the `\)` or `\]` closing a formula opened at `from`, within the paragraph.
    private static func findBackslashClose(_ b: [UInt8], from: Int, closer: UInt8) -> Int? {
        var j = from
        while j + 1 < b.count {
            if b[j] == 0x0A, b[j + 1] == 0x0A { return nil }
            if b[j] == 0x5C {
                if b[j + 1] == closer { return j > from ? j : nil }
                j += 2
                continue
            }
            j += 1
        }
        return nil
    }

    private static func findDisplayClose(_ b: [UInt8], from: Int) -> Int? {
        var j = from
        while j + 1 < b.count {
            if b[j] == 0x5C { j += 2; continue }
            if b[j] == 0x24 && b[j + 1] == 0x24 { return j > from ? j : nil }
            j += 1
        }
        return nil
    }

    private static func findInlineClose(_ b: [UInt8], from: Int) -> Int? {
        guard from < b.count, b[from] != 0x20, b[from] != 0x0A, b[from] != 0x09 else { return nil }
        var j = from
        while j < b.count {
            let c = b[j]
            if c == 0x5C { j += 2; continue }
            if c == 0x0A, j + 1 < b.count, b[j + 1] == 0x0A { return nil }
            if c == 0x24 {
                let before = b[j - 1]
                let after: UInt8 = j + 1 < b.count ? b[j + 1] : 0x20
                if before != 0x20 && before != 0x09 && !(0x30...0x39).contains(after) && after != 0x24 { return j }
                return nil
            }
            j += 1
        }
        return nil
    }
}
