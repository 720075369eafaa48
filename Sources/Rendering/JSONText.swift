/// `application/json` outputs pretty-printed with 2-space indentation in `syntax.*` scopes: keys
/// `syntax.variable`, strings `syntax.string`, numbers `syntax.number`, `true`/`false`/`null`
/// `syntax.constant`, brackets and commas `syntax.punctuation`.
///
/// It re-indents the token stream rather than building a tree, so work is linear and nesting
/// depth costs nothing. Text that is not JSON is shown as it is, highlighted as far as it goes.
public enum JSONText {
    /// Nesting deeper than this is not indented further, so pathological depth stays linear.
    public static let maxIndent = 40

    /// The pretty-printed lines of a JSON document.
    public static func render(_ json: String) -> [RenderedLine] {
        var tokens = Tokenizer(Array(json.utf8))
        var out: [RenderedLine] = []
        var line = RenderedLine()
        var depth = 0
        func newline() {
            out.append(line)
            line = RenderedLine(String(repeating: "  ", count: min(depth, maxIndent)))
        }
        while let token = tokens.next() {
            switch token.kind {
            case .open:
                line.append(RenderedSpan(token.text, scope: "syntax.punctuation"))
                // `{}` and `[]` stay on one line.
                if tokens.peekKind() == .close {
                    line.append(RenderedSpan(tokens.next()!.text, scope: "syntax.punctuation"))
                } else {
                    depth += 1
                    newline()
                }
            case .close:
                depth = max(0, depth - 1)
                newline()
                line.append(RenderedSpan(token.text, scope: "syntax.punctuation"))
            case .comma:
                line.append(RenderedSpan(",", scope: "syntax.punctuation"))
                newline()
            case .colon:
                line.append(RenderedSpan(": ", scope: "syntax.punctuation"))
            case .string:
                let isKey = tokens.peekKind() == .colon
                line.append(RenderedSpan(visible(token.text), scope: isKey ? "syntax.variable" : "syntax.string"))
            case .number:
                line.append(RenderedSpan(token.text, scope: "syntax.number"))
            case .literal:
                line.append(RenderedSpan(visible(token.text), scope: ["true", "false", "null"].contains(token.text) ? "syntax.constant" : "syntax.string"))
            }
        }
        out.append(line)
        // Lines holding only indentation (after a trailing comma) are dropped.
        return out.filter { !$0.plainText.allSatisfy { $0 == " " } }
    }

    /// Control characters (raw ones are not valid JSON, but outputs are untrusted) made visible.
    private static func visible(_ s: String) -> String {
        AnsiText.sanitized(s)
    }

    struct Token {
        enum Kind: Equatable { case open, close, comma, colon, string, number, literal }
        var kind: Kind
        var text: String
    }

    struct Tokenizer {
        let b: [UInt8]
        var i = 0
        private var lookahead: Token?? = nil

        init(_ b: [UInt8]) { self.b = b }

        mutating func peekKind() -> Token.Kind? {
            if lookahead == nil { lookahead = .some(scan()) }
            return lookahead!?.kind
        }

        mutating func next() -> Token? {
            if let l = lookahead { lookahead = nil; return l }
            return scan()
        }

        private mutating func scan() -> Token? {
            while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
            guard i < b.count else { return nil }
            let c = b[i]
            switch c {
            case UInt8(ascii: "{"), UInt8(ascii: "["): i += 1; return Token(kind: .open, text: String(UnicodeScalar(c)))
            case UInt8(ascii: "}"), UInt8(ascii: "]"): i += 1; return Token(kind: .close, text: String(UnicodeScalar(c)))
            case UInt8(ascii: ","): i += 1; return Token(kind: .comma, text: ",")
            case UInt8(ascii: ":"): i += 1; return Token(kind: .colon, text: ":")
            case UInt8(ascii: "\""):
                let start = i
                i += 1
                while i < b.count, b[i] != UInt8(ascii: "\"") {
                    if b[i] == UInt8(ascii: "\\") { i += 1 }
                    i += 1
                }
                i = min(i + 1, b.count)
                return Token(kind: .string, text: String(decoding: b[start..<i], as: UTF8.self))
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = i
                while i < b.count, "+-.eE0123456789".utf8.contains(b[i]) { i += 1 }
                return Token(kind: .number, text: String(decoding: b[start..<i], as: UTF8.self))
            default:
                let start = i
                while i < b.count, !" \n\r\t{}[],:\"".utf8.contains(b[i]) { i += 1 }
                if i == start { i += 1 }
                return Token(kind: .literal, text: String(decoding: b[start..<i], as: UTF8.self))
            }
        }
    }
}
