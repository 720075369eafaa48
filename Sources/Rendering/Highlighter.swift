/// The languages the highlighter knows; anything else gets the generic rules.
public enum SyntaxLanguage: String, Sendable, CaseIterable {
    case python, json, toml, markdown, shell, r, julia, generic

    /// The language for a name as kernels, code fences and file extensions spell it, or nil.
    public init?(name: String) {
        switch name.lowercased().trimmingCharacters(in: .whitespaces) {
        case "python", "python3", "ipython", "ipython3", "py", "pyi", "pyw": self = .python
        case "json", "ipynb", "geojson", "jsonc": self = .json
        case "toml": self = .toml
        case "markdown", "md", "mkd": self = .markdown
        case "sh", "bash", "shell", "zsh", "console", "shell-session": self = .shell
        case "r", "rscript", "rmd": self = .r
        case "julia", "jl": self = .julia
        default: return nil
        }
    }
}

/// What the highlighter carries from the end of one line to the start of the next: an open
/// multi-line string, block comment or code fence. Highlighting line N needs only the state at the
/// end of line N-1, so an editor can re-highlight from a changed line and stop as soon as a line
/// ends in the same state as before.
public struct HighlightState: Hashable, Sendable {
    enum Mode: Hashable, Sendable {
        case normal
        /// Inside a string that continues on the next line.
        case string(StringKind)
        /// Inside a block comment (`/* */`, `#= =#`), with its nesting depth.
        case blockComment(end: String, depth: Int)
        /// Inside a fenced code block of a markdown file.
        case fence(marker: String)
    }

    var mode: Mode

    /// The state at the start of a file.
    public static let initial = HighlightState(mode: .normal)
}

/// How a string literal is read: its closing delimiter, whether backslash escapes apply, and
/// whether `{…}` holds code (Python f-strings).
struct StringKind: Hashable, Sendable {
    var delimiter: String
    var escapes: Bool = true
    var format: Bool = false
    var scope: String = "syntax.string"
}

/// Syntax highlighting by line: each line becomes spans in `syntax.*` scopes (`syntax.keyword`,
/// `syntax.string`, `syntax.string.escape`, `syntax.comment`, `syntax.number`, `syntax.function`,
/// `syntax.type`, `syntax.builtin`, `syntax.decorator`, `syntax.operator`, `syntax.punctuation`,
/// `syntax.constant`, `syntax.variable`), plus `markup.*` scopes for markdown files.
public struct Highlighter: Sendable {
    public let language: SyntaxLanguage

    public init(language: SyntaxLanguage) { self.language = language }

    /// A highlighter for a language name (`python`, `py`, `bash` …); unknown names get the generic rules.
    public init(languageName: String) { self.language = SyntaxLanguage(name: languageName) ?? .generic }

    /// One line highlighted from the state at the end of the previous line, and the state at its end.
    public func highlight(line: String, from state: HighlightState) -> (line: RenderedLine, state: HighlightState) {
        var scanner = LineScanner(line)
        let end: HighlightState
        switch language {
        case .python: end = PythonLexer.lex(&scanner, state)
        case .markdown: end = MarkdownLexer.lex(&scanner, state)
        default: end = RuleLexer(rules: LexerRules.rules(for: language)).lex(&scanner, state)
        }
        return (scanner.out, end)
    }

    /// Every line of `text` highlighted in order.
    public func highlight(_ text: String) -> [RenderedLine] {
        var state = HighlightState.initial
        var out: [RenderedLine] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let r = highlight(line: String(line), from: state)
            out.append(r.line)
            state = r.state
        }
        return out
    }
}

/// A line as Unicode scalars with a cursor, and the spans emitted so far.
struct LineScanner {
    let s: [Unicode.Scalar]
    var i = 0
    private(set) var out = RenderedLine()

    init(_ line: String) {
        var scalars = Array(line.unicodeScalars)
        if scalars.last == "\r" { scalars.removeLast() }
        s = scalars
    }

    var atEnd: Bool { i >= s.count }
    var current: Unicode.Scalar? { i < s.count ? s[i] : nil }
    func peek(_ k: Int = 1) -> Unicode.Scalar? { i + k < s.count && i + k >= 0 ? s[i + k] : nil }

    /// Whether the text at `at` starts with `prefix`.
    func matches(_ prefix: String, at: Int? = nil) -> Bool {
        var j = at ?? i
        for c in prefix.unicodeScalars {
            guard j < s.count, s[j] == c else { return false }
            j += 1
        }
        return true
    }

    func text(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(s[r])) }

    /// Emits `from..<to` in `scope` (nil for plain text).
    mutating func emit(_ from: Int, _ to: Int, _ scope: String?) {
        guard to > from else { return }
        let t = text(from..<to)
        out.append(scope.map { RenderedSpan(t, scope: $0) } ?? RenderedSpan(t))
    }

    /// Appends a span built elsewhere.
    mutating func appendSpan(_ span: RenderedSpan) { out.append(span) }

    /// Emits from the cursor to `to` and moves there.
    mutating func take(to: Int, _ scope: String?) {
        emit(i, to, scope)
        i = to
    }

    /// The end of the identifier starting at `from`.
    func identifierEnd(from: Int) -> Int {
        var j = from
        while j < s.count, Self.isIdentifier(s[j]) { j += 1 }
        return j
    }

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic
    }

    static func isIdentifier(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c) || c.properties.generalCategory == .nonspacingMark
    }

    static func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { ("0"..."9").contains($0) } ?? false }

    /// The end of a number literal starting at `from`: decimal with `_` separators, fraction,
    /// exponent, `0x`/`0o`/`0b` forms, and any identifier-like suffix (`j`, `L`, `f32`).
    func numberEnd(from: Int) -> Int {
        var j = from
        if s[j] == "0", j + 1 < s.count, "xXoObB".unicodeScalars.contains(s[j + 1]) {
            j += 2
            while j < s.count, s[j] == "_" || s[j].properties.isASCIIHexDigit { j += 1 }
            return j
        }
        while j < s.count, Self.isDigit(s[j]) || s[j] == "_" { j += 1 }
        if j < s.count, s[j] == ".", j + 1 >= s.count || s[j + 1] != "." {
            j += 1
            while j < s.count, Self.isDigit(s[j]) || s[j] == "_" { j += 1 }
        }
        if j < s.count, s[j] == "e" || s[j] == "E" {
            var k = j + 1
            if k < s.count, s[k] == "+" || s[k] == "-" { k += 1 }
            if k < s.count, Self.isDigit(s[k]) {
                j = k
                while j < s.count, Self.isDigit(s[j]) || s[j] == "_" { j += 1 }
            }
        }
        while j < s.count, s[j].properties.isAlphabetic || Self.isDigit(s[j]) { j += 1 }
        return j
    }

    /// Reads string content up to and including the closing delimiter from the cursor, emitting
    /// escapes separately. Returns true when the string closed on this line. `code` is called for
    /// `{…}` in format strings and returns where the code ends.
    mutating func string(_ kind: StringKind, code: ((inout LineScanner, Int) -> Int)? = nil) -> Bool {
        var start = i
        while i < s.count {
            if matches(kind.delimiter) {
                i += kind.delimiter.unicodeScalars.count
                emit(start, i, kind.scope)
                return true
            }
            let c = s[i]
            if c == "\\" && kind.escapes {
                emit(start, i, kind.scope)
                let end = min(s.count, escapeEnd(from: i))
                emit(i, end, "syntax.string.escape")
                i = end
                start = i
                continue
            }
            if kind.format, c == "{" || c == "}" {
                if peek() == c {
                    emit(start, i, kind.scope)
                    emit(i, i + 2, "syntax.string.escape")
                    i += 2
                    start = i
                    continue
                }
                if c == "{", let code {
                    emit(start, i, kind.scope)
                    i = code(&self, i)
                    start = i
                    continue
                }
            }
            i += 1
        }
        emit(start, i, kind.scope)
        return false
    }

    /// The end of a backslash escape at `from`.
    func escapeEnd(from: Int) -> Int {
        guard from + 1 < s.count else { return from + 1 }
        let c = s[from + 1]
        func hex(_ n: Int) -> Int {
            var j = from + 2
            while j < s.count, j < from + 2 + n, s[j].properties.isASCIIHexDigit { j += 1 }
            return j
        }
        switch c {
        case "x": return hex(2)
        case "u": return hex(4)
        case "U": return hex(8)
        case "N":
            if from + 2 < s.count, s[from + 2] == "{", let close = s[(from + 2)...].firstIndex(of: "}") { return close + 1 }
            return from + 2
        case "0"..."7":
            var j = from + 1
            while j < s.count, j < from + 4, ("0"..."7").contains(s[j]) { j += 1 }
            return j
        default: return from + 2
        }
    }
}
