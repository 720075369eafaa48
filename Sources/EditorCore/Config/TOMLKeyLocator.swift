/// Finds the line where each key of a TOML text is written: table headers (`[a.b]`, `[[a]]`), keys
/// (`key =`, `"quoted key" =`, dotted `a.b =`) and keys inside inline tables (`{ fg = "red" }`).
///
/// TOMLKit reports positions only for syntax errors; messages about values (a wrong type, an unknown
/// option) use this to point at the right line. It scans leniently and never fails: a path it cannot
/// find has no line.
public struct TOMLKeyLocator: Sendable {
    private var lines: [[String]: Int] = [:]

    /// A table header that does not start with a name (`[{`, `[[=`): invalid TOML that makes the
    /// toml++ parser inside TOMLKit trap instead of reporting an error, so it is reported from here.
    public private(set) var malformedHeader: (line: Int, column: Int)?

    /// Scans `text` for keys.
    public init(text: String) {
        var scanner = Scanner(chars: Array(text.unicodeScalars))
        scanner.run()
        lines = scanner.found
        malformedHeader = scanner.malformedHeader
    }

    /// The 1-based line of the key at `path` (for a table: its header or its first key).
    public func line(of path: [String]) -> Int? {
        if let line = lines[path] { return line }
        // A table introduced implicitly by a dotted key: its first mention.
        let mentions = lines.filter { $0.key.starts(with: path) }.map(\.value)
        return mentions.min()
    }

    private struct Scanner {
        let chars: [Unicode.Scalar]
        var i = 0
        var line = 1
        var found: [[String]: Int] = [:]
        var table: [String] = []
        var lineStart = 0
        var malformedHeader: (line: Int, column: Int)?

        init(chars: [Unicode.Scalar]) { self.chars = chars }

        var current: Unicode.Scalar? { i < chars.count ? chars[i] : nil }

        mutating func advance() {
            if current == "\n" { line += 1; lineStart = i + 1 }
            i += 1
        }

        static func isKeyStart(_ c: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || "_-\"'".unicodeScalars.contains(c)
        }

        mutating func skipBlank() {
            while let c = current, c == " " || c == "\t" { advance() }
        }

        mutating func skipToLineEnd() {
            while let c = current, c != "\n" { advance() }
        }

        mutating func record(_ path: [String], at line: Int) {
            if found[path] == nil { found[path] = line }
        }

        mutating func run() {
            while current != nil {
                skipBlank()
                guard let c = current else { break }
                switch c {
                case "\n", "\r": advance()
                case "#": skipToLineEnd()
                case "[": header()
                default:
                    if let (key, keyLine) = keyPath() {
                        record(table + key, at: keyLine)
                        skipBlank()
                        if current == "=" { advance(); value(path: table + key) }
                    }
                    skipToLineEnd()
                }
            }
        }

        mutating func header() {
            let headerLine = line
            advance()
            let isArray = current == "["
            if isArray { advance() }
            skipBlank()
            if let c = current, !Self.isKeyStart(c), c != "]", malformedHeader == nil {
                malformedHeader = (line, i - lineStart + 1)
            }
            guard let (key, _) = keyPath() else { skipToLineEnd(); return }
            table = key
            record(key, at: headerLine)
            skipToLineEnd()
        }

        /// A key: bare, quoted or dotted. Returns its components and its line.
        mutating func keyPath() -> ([String], Int)? {
            var parts: [String] = []
            let keyLine = line
            while true {
                skipBlank()
                guard let c = current else { break }
                if c == "\"" || c == "'" {
                    guard let s = quoted(c) else { return nil }
                    parts.append(s)
                } else {
                    var s = ""
                    while let c = current, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-" {
                        s.unicodeScalars.append(c); advance()
                    }
                    if s.isEmpty { break }
                    parts.append(s)
                }
                skipBlank()
                if current == "." { advance() } else { break }
            }
            return parts.isEmpty ? nil : (parts, keyLine)
        }

        /// A single-line quoted string starting at `quote`, with basic escapes for `"`.
        mutating func quoted(_ quote: Unicode.Scalar) -> String? {
            advance()
            var s = ""
            while let c = current, c != "\n" {
                if c == quote { advance(); return s }
                if c == "\\" && quote == "\"" {
                    advance()
                    guard let e = current, e != "\n" else { return nil }
                    switch e {
                    case "n": s += "\n"
                    case "t": s += "\t"
                    default: s.unicodeScalars.append(e)
                    }
                    advance(); continue
                }
                s.unicodeScalars.append(c); advance()
            }
            return nil
        }

        /// How deep arrays and inline tables are followed (toml++ refuses deeper nesting anyway).
        static let maximumDepth = 128
        var depth = 0

        /// Skips a value, recording keys of inline tables under `path`.
        mutating func value(path: [String]) {
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumDepth else { i = chars.count; return }
            skipBlank()
            guard let c = current else { return }
            switch c {
            case "\"", "'":
                if lookingAt(c, count: 3) { multiline(c) } else { _ = quoted(c) }
            case "[":
                advance()
                while let c = current, c != "]" {
                    if c == "#" { skipToLineEnd(); continue }
                    if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "," { advance(); continue }
                    let before = i
                    value(path: path)
                    if i == before { advance() }
                }
                advance()
            case "{":
                advance()
                while let c = current, c != "}", c != "\n" {
                    if c == " " || c == "\t" || c == "," { advance(); continue }
                    guard let (key, keyLine) = keyPath() else { advance(); continue }
                    record(path + key, at: keyLine)
                    skipBlank()
                    if current == "=" { advance(); value(path: path + key) }
                }
                if current == "}" { advance() }
            default:
                while let c = current, c != "\n", c != ",", c != "]", c != "}", c != "#" { advance() }
            }
        }

        func lookingAt(_ c: Unicode.Scalar, count: Int) -> Bool {
            guard i + count <= chars.count else { return false }
            return chars[i..<(i + count)].allSatisfy { $0 == c }
        }

        mutating func multiline(_ quote: Unicode.Scalar) {
            for _ in 0..<3 { advance() }
            while current != nil {
                if quote == "\"" && current == "\\" { advance(); advance(); continue }
                if lookingAt(quote, count: 3) {
                    for _ in 0..<3 { advance() }
                    while current == quote { advance() }
                    return
                }
                advance()
            }
        }
    }
}
