/// Python highlighting: string prefixes in any case (`r`, `b`, `u`, `f`, `rb`, `fr` …), triple
/// quotes across lines, f-string `{…}` as code, keywords and soft keywords (`match`, `case`,
/// `type` where they start a statement), builtins, numbers (`1_000`, `0x1F`, `1e-5`, `3j`),
/// decorators, operators, and the names after `def` and `class`.
enum PythonLexer {
    static let keywords: Set<String> = [
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not",
        "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]
    static let constants: Set<String> = ["True", "False", "None", "Ellipsis", "NotImplemented", "__debug__"]
    static let softKeywords: Set<String> = ["match", "case", "type"]
    static let builtins: Set<String> = [
        "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes",
        "callable", "chr", "classmethod", "compile", "complex", "delattr", "dict", "dir", "divmod", "enumerate",
        "eval", "exec", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help",
        "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len", "list", "locals", "map", "max",
        "memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "print", "property", "range", "repr",
        "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple",
        "vars", "zip", "__import__", "self", "cls",
        "Exception", "BaseException", "ValueError", "TypeError", "KeyError", "IndexError", "AttributeError",
        "RuntimeError", "StopIteration", "NotImplementedError", "OSError", "ImportError", "ZeroDivisionError",
        "AssertionError", "FileNotFoundError", "KeyboardInterrupt", "NameError", "LookupError", "ArithmeticError",
    ]
    static let operatorChars = Set("+-*/%=<>!&|^~@".unicodeScalars)
    static let punctuationChars = Set("()[]{},:;.".unicodeScalars)

    static func lex(_ sc: inout LineScanner, _ state: HighlightState) -> HighlightState {
        if case let .string(kind) = state.mode {
            if !sc.string(kind, code: codeHandler(kind)) { return continued(kind, &sc) }
        }
        let firstToken = firstTokenIndex(sc)
        var previousWord = ""
        while let c = sc.current {
            if c == " " || c == "\t" {
                var j = sc.i
                while j < sc.s.count, sc.s[j] == " " || sc.s[j] == "\t" { j += 1 }
                sc.take(to: j, nil)
                continue
            }
            if c == "#" { sc.take(to: sc.s.count, "syntax.comment"); break }
            if c == "\"" || c == "'" {
                if let end = openString(&sc, prefixEnd: sc.i, prefix: "") { return end }
                previousWord = ""
                continue
            }
            if LineScanner.isIdentifierStart(c) {
                let end = sc.identifierEnd(from: sc.i)
                let word = sc.text(sc.i..<end)
                if end < sc.s.count, sc.s[end] == "\"" || sc.s[end] == "'", isStringPrefix(word) {
                    if let st = openString(&sc, prefixEnd: end, prefix: word) { return st }
                    previousWord = ""
                    continue
                }
                sc.take(to: end, scope(of: word, previous: previousWord, isFirst: sc.i == firstToken, sc: sc, end: end))
                previousWord = word
                continue
            }
            if LineScanner.isDigit(c) || (c == "." && LineScanner.isDigit(sc.peek())) {
                sc.take(to: sc.numberEnd(from: sc.i), "syntax.number")
                previousWord = ""
                continue
            }
            if c == "@", sc.i == firstToken, let n = sc.peek(), LineScanner.isIdentifierStart(n) {
                var j = sc.i + 1
                while j < sc.s.count, LineScanner.isIdentifier(sc.s[j]) || sc.s[j] == "." { j += 1 }
                sc.take(to: j, "syntax.decorator")
                continue
            }
            if operatorChars.contains(c) {
                var j = sc.i + 1
                while j < sc.s.count, operatorChars.contains(sc.s[j]) { j += 1 }
                if c == "-", sc.peek() == ">" { j = sc.i + 2 }
                sc.take(to: j, "syntax.operator")
                previousWord = ""
                continue
            }
            if punctuationChars.contains(c) {
                if c == ":" && sc.peek() == "=" { sc.take(to: sc.i + 2, "syntax.operator"); continue }
                sc.take(to: sc.i + 1, "syntax.punctuation")
                if c != "." { previousWord = "" }
                continue
            }
            sc.take(to: sc.i + 1, nil)
        }
        return .initial
    }

    /// The scope of an identifier.
    static func scope(of word: String, previous: String, isFirst: Bool, sc: LineScanner, end: Int) -> String? {
        if previous == "def" { return "syntax.function" }
        if previous == "class" { return "syntax.type" }
        if keywords.contains(word) { return "syntax.keyword" }
        if constants.contains(word) { return "syntax.constant" }
        if softKeywords.contains(word) && isFirst && isSoftKeywordUse(word, sc: sc, end: end) { return "syntax.keyword" }
        if word == "_" && previous == "case" { return "syntax.keyword" }
        if builtins.contains(word) {
            // `x.print` or `print = 1` keeps the builtin colour only where it names the builtin.
            if sc.i > 0 && sc.s[sc.i - 1] == "." { return nil }
            return "syntax.builtin"
        }
        return nil
    }

    /// `match x:` / `case 1:` (a statement ending with a colon) and `type X = …` (a name follows).
    static func isSoftKeywordUse(_ word: String, sc: LineScanner, end: Int) -> Bool {
        var j = end
        while j < sc.s.count, sc.s[j] == " " { j += 1 }
        guard j < sc.s.count, j > end || sc.s[j] == "(" || sc.s[j] == "[" || sc.s[j] == "{" else { return false }
        let next = sc.s[j]
        if "=.,)]}".unicodeScalars.contains(next) || (next == ":" && word != "case") { return false }
        if word == "type" { return LineScanner.isIdentifierStart(next) }
        // The statement ends with `:` (before any comment).
        var last: Unicode.Scalar? = nil
        var k = j
        var quote: Unicode.Scalar? = nil
        while k < sc.s.count {
            let c = sc.s[k]
            if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == "#" { break }
            if c != " " && c != "\t" { last = c }
            k += 1
        }
        return last == ":"
    }

    static func isStringPrefix(_ word: String) -> Bool {
        ["r", "u", "b", "f", "br", "rb", "fr", "rf", "t", "tr", "rt"].contains(word.lowercased())
    }

    static func firstTokenIndex(_ sc: LineScanner) -> Int {
        var j = 0
        while j < sc.s.count, sc.s[j] == " " || sc.s[j] == "\t" { j += 1 }
        return j
    }

    /// Opens a string whose prefix ends at `prefixEnd`; returns the state when it continues past the line.
    static func openString(_ sc: inout LineScanner, prefixEnd: Int, prefix: String) -> HighlightState? {
        let lower = prefix.lowercased()
        let quote = sc.s[prefixEnd]
        let triple = sc.matches(String(repeating: String(quote), count: 3), at: prefixEnd)
        let delimiter = String(repeating: String(quote), count: triple ? 3 : 1)
        let kind = StringKind(delimiter: delimiter, escapes: !lower.contains("r"),
                              format: lower.contains("f") || lower.contains("t"))
        sc.take(to: prefixEnd + delimiter.unicodeScalars.count, "syntax.string")
        if sc.string(kind, code: codeHandler(kind)) { return nil }
        return continued(kind, &sc)
    }

    /// The state after a line that ends inside a string: triple-quoted strings continue, as do
    /// single-quoted ones whose line ends with a backslash.
    static func continued(_ kind: StringKind, _ sc: inout LineScanner) -> HighlightState {
        if kind.delimiter.unicodeScalars.count == 3 || sc.s.last == "\\" { return HighlightState(mode: .string(kind)) }
        return .initial
    }

    /// The handler of `{…}` for format strings.
    static func codeHandler(_ kind: StringKind) -> ((inout LineScanner, Int) -> Int)? {
        if kind.format { return { formatCode(&$0, $1) } }
        return nil
    }

    /// Highlights the `{…}` of an f-string starting at `from` as code; a format spec after a
    /// top-level `:` (or a `!r` conversion) is shown as part of the string. Returns the end.
    static func formatCode(_ sc: inout LineScanner, _ from: Int) -> Int {
        var depth = 0
        var j = from + 1
        var specStart: Int? = nil
        var quote: Unicode.Scalar? = nil
        while j < sc.s.count {
            let c = sc.s[j]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "(" || c == "[" || c == "{" {
                depth += 1
            } else if c == ")" || c == "]" || (c == "}" && depth > 0) {
                depth -= 1
            } else if c == "}" {
                break
            } else if depth == 0, specStart == nil, c == ":" || (c == "!" && j + 1 < sc.s.count && sc.s[j + 1] != "=") {
                specStart = j
            }
            j += 1
        }
        guard j < sc.s.count else {
            // No closing brace on this line: leave it as string text.
            sc.emit(from, from + 1, "syntax.string")
            return from + 1
        }
        sc.emit(from, from + 1, "syntax.punctuation")
        let codeEnd = specStart ?? j
        var inner = LineScanner(sc.text(from + 1..<codeEnd))
        _ = lex(&inner, .initial)
        for span in inner.out.spans { sc.emitSpan(span) }
        if let specStart { sc.emit(specStart, j, "syntax.string") }
        sc.emit(j, j + 1, "syntax.punctuation")
        return j + 1
    }
}

extension LineScanner {
    /// Appends an already built span (from a nested scanner).
    mutating func emitSpan(_ span: RenderedSpan) { appendSpan(span) }
}
