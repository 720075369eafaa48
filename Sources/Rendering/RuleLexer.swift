/// The table of rules a `RuleLexer` follows for one language.
struct LexerRules: Sendable {
    var lineComments: [String] = []
    /// Block comment delimiters; `nests` for Julia's `#= =#`.
    var blockComment: (start: String, end: String, nests: Bool)? = nil
    /// String openers and how their content is read; longer openers first.
    var strings: [(open: String, kind: StringKind)] = []
    var keywords: Set<String> = []
    var builtins: Set<String> = []
    var constants: Set<String> = []
    /// A character that starts a decorator or macro name (`@` in Julia).
    var decoratorPrefix: Unicode.Scalar? = nil
    /// A character that starts a variable (`$` in shell).
    var variablePrefix: Unicode.Scalar? = nil
    /// Keywords after which the next name is a function name.
    var functionIntroducers: Set<String> = []
    /// JSON and TOML: a string or bare name followed by `:` or `=` is a key.
    var keySeparator: Unicode.Scalar? = nil
    /// TOML: `[table]` headers at the start of a line.
    var tableHeaders = false
    var identifierExtras: Set<Unicode.Scalar> = []
    /// Julia: `:name` is a symbol constant.
    var colonSymbols = false
    var operators = Set("+-*/%=<>!&|^~?:".unicodeScalars)

    static func rules(for language: SyntaxLanguage) -> LexerRules {
        switch language {
        case .json: return json
        case .toml: return toml
        case .shell: return shell
        case .r: return r
        case .julia: return julia
        default: return generic
        }
    }

    static let json = LexerRules(
        strings: [("\"", StringKind(delimiter: "\""))],
        constants: ["true", "false", "null"], keySeparator: ":")

    static let toml = LexerRules(
        lineComments: ["#"],
        strings: [("\"\"\"", StringKind(delimiter: "\"\"\"")), ("'''", StringKind(delimiter: "'''", escapes: false)),
                  ("\"", StringKind(delimiter: "\"")), ("'", StringKind(delimiter: "'", escapes: false))],
        constants: ["true", "false", "inf", "nan"], keySeparator: "=", tableHeaders: true,
        identifierExtras: ["-"])

    static let shell = LexerRules(
        lineComments: ["#"],
        strings: [("\"", StringKind(delimiter: "\"")), ("'", StringKind(delimiter: "'", escapes: false))],
        keywords: ["if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac",
                   "function", "in", "select", "return", "time", "coproc"],
        builtins: ["echo", "cd", "printf", "read", "set", "unset", "export", "local", "source", "exit", "test",
                   "eval", "exec", "shift", "trap", "alias", "declare", "readonly", "pwd", "type", "wait", "kill"],
        constants: ["true", "false"], variablePrefix: "$", functionIntroducers: ["function"],
        identifierExtras: ["-"], operators: Set("|&;<>=!".unicodeScalars))

    static let r = LexerRules(
        lineComments: ["#"],
        strings: [("\"", StringKind(delimiter: "\"")), ("'", StringKind(delimiter: "'")), ("`", StringKind(delimiter: "`", escapes: false, scope: "syntax.variable"))],
        keywords: ["if", "else", "for", "while", "repeat", "function", "return", "next", "break", "in"],
        builtins: ["c", "list", "library", "require", "print", "paste", "paste0", "cat", "length", "sum", "mean",
                   "data.frame", "matrix", "vector", "seq", "rep", "apply", "lapply", "sapply", "names", "is.na",
                   "nrow", "ncol", "head", "tail", "summary", "str", "plot", "factor", "stop", "warning"],
        constants: ["TRUE", "FALSE", "NULL", "NA", "Inf", "NaN", "NA_integer_", "NA_real_", "NA_character_", "T", "F"],
        functionIntroducers: [], identifierExtras: ["."])

    static let julia = LexerRules(
        lineComments: ["#"], blockComment: ("#=", "=#", true),
        strings: [("\"\"\"", StringKind(delimiter: "\"\"\"")), ("\"", StringKind(delimiter: "\""))],
        keywords: ["function", "end", "if", "else", "elseif", "for", "while", "begin", "let", "module", "baremodule",
                   "struct", "mutable", "using", "import", "export", "return", "do", "try", "catch", "finally",
                   "macro", "quote", "const", "global", "local", "abstract", "primitive", "type", "break",
                   "continue", "in", "isa", "where"],
        builtins: ["println", "print", "length", "size", "zeros", "ones", "push!", "map", "filter", "sum",
                   "collect", "typeof", "Int", "Float64", "String", "Vector", "Array", "Dict", "Any", "Nothing"],
        constants: ["true", "false", "nothing", "missing", "Inf", "NaN", "pi"],
        decoratorPrefix: "@", functionIntroducers: ["function", "macro"], identifierExtras: ["!"], colonSymbols: true)

    static let generic = LexerRules(
        lineComments: ["//", "#", "--"], blockComment: ("/*", "*/", false),
        strings: [("\"\"\"", StringKind(delimiter: "\"\"\"")), ("\"", StringKind(delimiter: "\"")),
                  ("'", StringKind(delimiter: "'")), ("`", StringKind(delimiter: "`"))],
        keywords: ["if", "else", "for", "while", "do", "return", "function", "func", "fn", "def", "class", "struct",
                   "enum", "interface", "trait", "impl", "let", "var", "val", "const", "static", "public", "private",
                   "protected", "import", "export", "from", "package", "module", "use", "new", "switch", "case",
                   "default", "break", "continue", "try", "catch", "finally", "throw", "throws", "async", "await",
                   "match", "where", "in", "of", "extends", "implements", "typedef", "void", "int", "float",
                   "double", "char", "bool", "long", "unsigned", "signed", "select", "insert", "update", "delete",
                   "create", "table", "and", "or", "not", "then", "end", "begin", "local"],
        constants: ["true", "false", "null", "nil", "None", "True", "False", "undefined", "NULL", "nullptr"],
        decoratorPrefix: "@", functionIntroducers: ["function", "func", "fn", "def"])
}

/// A table-driven lexer for the languages without their own: comments, strings, numbers,
/// keywords, builtins, constants, keys, variables, decorators and operators.
struct RuleLexer {
    let rules: LexerRules

    func lex(_ sc: inout LineScanner, _ state: HighlightState) -> HighlightState {
        switch state.mode {
        case let .string(kind):
            if !sc.string(kind) { return state }
        case let .blockComment(end, depth):
            if let st = blockComment(&sc, end: end, depth: depth) { return st }
        default: break
        }
        var previousWord = ""
        var atLineStart = true
        lineLoop: while let c = sc.current {
            if c == " " || c == "\t" { sc.take(to: sc.i + 1, nil); continue }
            defer { atLineStart = false }
            if let bc = rules.blockComment, sc.matches(bc.start) {
                sc.take(to: sc.i + bc.start.unicodeScalars.count, "syntax.comment")
                if let st = blockComment(&sc, end: bc.end, depth: 1) { return st }
                continue
            }
            for prefix in rules.lineComments where sc.matches(prefix) {
                // In shell a `#` inside a word is not a comment.
                if prefix == "#", sc.i > 0, !(sc.s[sc.i - 1] == " " || sc.s[sc.i - 1] == "\t") { break }
                sc.take(to: sc.s.count, "syntax.comment")
                break lineLoop
            }
            if rules.tableHeaders, atLineStart, c == "[" {
                sc.take(to: sc.s.count, "syntax.type")
                break
            }
            if let (open, kind) = rules.strings.first(where: { sc.matches($0.open) }) {
                let isKey = rules.keySeparator != nil && isFollowedByKeySeparator(sc, openLength: open.unicodeScalars.count, kind: kind)
                sc.take(to: sc.i + open.unicodeScalars.count, isKey ? "syntax.variable" : kind.scope)
                var k = kind
                if isKey { k.scope = "syntax.variable" }
                let closed = variableAware(&sc, k)
                if !closed {
                    if kind.delimiter.unicodeScalars.count == 3 || rules.variablePrefix != nil { return HighlightState(mode: .string(k)) }
                    return .initial
                }
                continue
            }
            if LineScanner.isDigit(c) || ((c == "-" || c == ".") && LineScanner.isDigit(sc.peek()) && previousIsOperand(sc) == false) {
                sc.take(to: sc.numberEnd(from: c == "-" ? sc.i + 1 : sc.i), "syntax.number")
                continue
            }
            if let p = rules.variablePrefix, c == p {
                sc.take(to: variableEnd(sc), "syntax.variable")
                continue
            }
            if let p = rules.decoratorPrefix, c == p, let n = sc.peek(), LineScanner.isIdentifierStart(n) {
                var j = sc.i + 1
                while j < sc.s.count, LineScanner.isIdentifier(sc.s[j]) || sc.s[j] == "." { j += 1 }
                sc.take(to: j, "syntax.decorator")
                continue
            }
            if LineScanner.isIdentifierStart(c) {
                var j = sc.identifierEnd(from: sc.i)
                while j < sc.s.count, rules.identifierExtras.contains(sc.s[j]) {
                    j = sc.identifierEnd(from: j + 1)
                }
                let word = sc.text(sc.i..<j)
                sc.take(to: j, scope(word, previous: previousWord, sc: sc, end: j))
                previousWord = word
                continue
            }
            if rules.colonSymbols, c == ":", let n = sc.peek(), LineScanner.isIdentifierStart(n), !previousIsOperand(sc) {
                // Julia symbols: `:name`.
                sc.take(to: sc.identifierEnd(from: sc.i + 1), "syntax.constant")
                continue
            }
            if rules.operators.contains(c) {
                var j = sc.i + 1
                while j < sc.s.count, rules.operators.contains(sc.s[j]) { j += 1 }
                sc.take(to: j, "syntax.operator")
                continue
            }
            if "()[]{},;.".unicodeScalars.contains(c) { sc.take(to: sc.i + 1, "syntax.punctuation"); continue }
            sc.take(to: sc.i + 1, nil)
        }
        return .initial
    }

    private func scope(_ word: String, previous: String, sc: LineScanner, end: Int) -> String? {
        if rules.functionIntroducers.contains(previous) { return "syntax.function" }
        if rules.keySeparator != nil, isBareKey(sc, end: end) { return "syntax.variable" }
        if rules.keywords.contains(word) { return "syntax.keyword" }
        if rules.constants.contains(word) { return "syntax.constant" }
        if rules.builtins.contains(word) { return "syntax.builtin" }
        if end < sc.s.count, sc.s[end] == "(" { return "syntax.function" }
        return nil
    }

    private func isBareKey(_ sc: LineScanner, end: Int) -> Bool {
        var j = end
        while j < sc.s.count, sc.s[j] == " " || sc.s[j] == "." { j += 1 }
        return j < sc.s.count && sc.s[j] == rules.keySeparator
    }

    private func previousIsOperand(_ sc: LineScanner) -> Bool {
        var j = sc.i - 1
        while j >= 0, sc.s[j] == " " { j -= 1 }
        guard j >= 0 else { return false }
        return LineScanner.isIdentifier(sc.s[j]) || ")]".unicodeScalars.contains(sc.s[j])
    }

    /// Whether the string opening at the cursor is followed by the key separator (a JSON key).
    private func isFollowedByKeySeparator(_ sc: LineScanner, openLength: Int, kind: StringKind) -> Bool {
        var j = sc.i + openLength
        while j < sc.s.count {
            if sc.s[j] == "\\" && kind.escapes { j += 2; continue }
            if sc.matches(kind.delimiter, at: j) { j += kind.delimiter.unicodeScalars.count; break }
            j += 1
        }
        while j < sc.s.count, sc.s[j] == " " { j += 1 }
        return j < sc.s.count && sc.s[j] == rules.keySeparator
    }

    /// String content; in shell double quotes, `$var` is a variable.
    private func variableAware(_ sc: inout LineScanner, _ kind: StringKind) -> Bool {
        guard let p = rules.variablePrefix, kind.escapes else { return sc.string(kind) }
        while true {
            // Read up to the next `$` or the delimiter.
            var j = sc.i
            while j < sc.s.count, sc.s[j] != p, !sc.matches(kind.delimiter, at: j) {
                j += sc.s[j] == "\\" ? 2 : 1
            }
            j = min(j, sc.s.count)
            sc.take(to: j, kind.scope)
            if sc.atEnd { return false }
            if sc.s[j] == p {
                sc.take(to: variableEnd(sc), "syntax.variable")
                continue
            }
            sc.take(to: j + kind.delimiter.unicodeScalars.count, kind.scope)
            return true
        }
    }

    private func variableEnd(_ sc: LineScanner) -> Int {
        var j = sc.i + 1
        guard j < sc.s.count else { return j }
        if sc.s[j] == "{" {
            while j < sc.s.count, sc.s[j] != "}" { j += 1 }
            return min(j + 1, sc.s.count)
        }
        if sc.s[j] == "(" { return j + 1 }
        if "?#@*!$-0123456789".unicodeScalars.contains(sc.s[j]) { return j + 1 }
        return sc.identifierEnd(from: j)
    }

    /// Reads a block comment; returns the state when it continues past the line.
    private func blockComment(_ sc: inout LineScanner, end: String, depth: Int) -> HighlightState? {
        var depth = depth
        let start = sc.i
        while sc.i < sc.s.count {
            if let bc = rules.blockComment, bc.nests, sc.matches(bc.start) {
                depth += 1
                sc.i += bc.start.unicodeScalars.count
                continue
            }
            if sc.matches(end) {
                sc.i += end.unicodeScalars.count
                depth -= 1
                if depth == 0 {
                    sc.emit(start, sc.i, "syntax.comment")
                    return nil
                }
                continue
            }
            sc.i += 1
        }
        sc.emit(start, sc.i, "syntax.comment")
        return HighlightState(mode: .blockComment(end: end, depth: depth))
    }
}
