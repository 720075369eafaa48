/// TeX math as readable Unicode: Greek letters, operators and relations, super- and subscripts,
/// fractions, roots, accents, `\mathbb`/`\mathcal` letters and text. What cannot be shown stays as
/// typed: an unknown command keeps its backslash, a superscript with no Unicode form is written
/// `^(…)`.
public enum MathText {
    /// The formula as one line of Unicode text (line breaks `\\` become `; `).
    public static func render(_ tex: String) -> String {
        var p = Parser(Array(tex))
        return p.sequence(until: nil).trimmingCharacters(in: .whitespaces)
    }

    /// The formula as lines: `\\` (in `aligned`, `cases`, matrices …) starts a new line.
    public static func renderLines(_ tex: String) -> [String] {
        var p = Parser(Array(tex))
        p.lineBreak = "\n"
        return p.sequence(until: nil).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    private struct Parser {
        let c: [Character]
        var i = 0
        var lineBreak = "; "
        var depth = 0

        init(_ c: [Character]) { self.c = c }

        /// Renders until `end` (a closing brace or bracket) or the end of input.
        mutating func sequence(until end: Character?) -> String {
            var out = ""
            while i < c.count {
                if let end, c[i] == end { i += 1; return out }
                out += atom()
            }
            return out
        }

        /// One unit: a group, a command with its arguments, a script, or a character.
        mutating func atom() -> String {
            let ch = c[i]
            switch ch {
            case "{":
                i += 1
                return group()
            case "}":
                i += 1
                return ""
            case "\\":
                return command()
            case "^", "_":
                i += 1
                let arg = argument()
                return script(arg, superscript: ch == "^")
            case "&":
                i += 1
                return " "
            case "~":
                i += 1
                return " "
            case " ", "\t", "\n", "\r":
                while i < c.count, c[i] == " " || c[i] == "\t" || c[i] == "\n" || c[i] == "\r" { i += 1 }
                return " "
            case "'":
                i += 1
                return "′"
            default:
                i += 1
                return String(ch)
            }
        }

        mutating func group() -> String {
            depth += 1
            defer { depth -= 1 }
            guard depth < 200 else { i = c.count; return "" }
            return sequence(until: "}")
        }

        /// The next argument: a braced group, a command, or one character (spaces skipped).
        mutating func argument() -> String {
            while i < c.count, c[i] == " " { i += 1 }
            guard i < c.count else { return "" }
            if c[i] == "{" { i += 1; return group() }
            if c[i] == "\\" { return command() }
            i += 1
            return String(c[i - 1])
        }

        /// A raw braced argument's text (for `\text`, `\begin`), unparsed.
        mutating func rawArgument() -> String? {
            while i < c.count, c[i] == " " { i += 1 }
            guard i < c.count, c[i] == "{" else { return nil }
            var level = 0
            let start = i
            while i < c.count {
                if c[i] == "{" { level += 1 } else if c[i] == "}" { level -= 1; if level == 0 { i += 1; return String(c[start + 1..<i - 1]) } }
                i += 1
            }
            return String(c[start + 1..<c.count])
        }

        mutating func command() -> String {
            i += 1
            guard i < c.count else { return "\\" }
            var name = ""
            if c[i].isLetter {
                while i < c.count, c[i].isLetter, c[i].isASCII { name.append(c[i]); i += 1 }
            } else {
                name = String(c[i])
                i += 1
            }
            if name == "\\" { return lineBreak }
            if MathSymbols.ignored.contains(name) {
                // `\left.` shows nothing; `\left(` shows the bracket.
                if name == "left" || name == "right" || name == "middle", i < c.count, c[i] == "." { i += 1 }
                return ""
            }
            switch name {
            case "frac", "dfrac", "tfrac", "cfrac":
                let a = argument().trimmingCharacters(in: .whitespaces), b = argument().trimmingCharacters(in: .whitespaces)
                return "\(simple(a) ? a : "(\(a))")/\(simple(b) ? b : "(\(b))")"
            case "binom":
                let a = argument(), b = argument()
                return "C(\(a), \(b))"
            case "sqrt":
                var index: String? = nil
                if i < c.count, c[i] == "[" { i += 1; index = sequence(until: "]") }
                let a = argument().trimmingCharacters(in: .whitespaces)
                let root: String
                switch index {
                case "3": root = "∛"
                case "4": root = "∜"
                case let n?: root = (superscriptForm(n) ?? "(\(n))") + "√"
                case nil: root = "√"
                }
                return root + (simple(a) ? a : "(\(a))")
            case "mathbb":
                return argument().map { MathSymbols.alphabet($0, base: 0x1D538, exceptions: MathSymbols.doubleStruck) }.joined()
            case "mathcal", "mathscr":
                return argument().map { MathSymbols.alphabet($0, base: 0x1D49C, exceptions: MathSymbols.script) }.joined()
            case "mathfrak":
                return argument()
            case "text", "textrm", "textit", "textbf", "texttt", "mbox", "operatorname", "textsf":
                return rawArgument() ?? ""
            case "begin", "end":
                _ = rawArgument()
                return name == "begin" ? "" : " "
            case "not":
                let a = argument()
                return a.isEmpty ? "" : a + "\u{0338}"
            default: break
            }
            if MathSymbols.passThrough.contains(name) { return argument() }
            if let accent = MathSymbols.accents[name] {
                let a = argument()
                return a.map { String($0) + String(accent) }.joined()
            }
            if let symbol = MathSymbols.commands[name] {
                // Named functions read as words: keep a space before a following letter.
                if name.first!.isLetter && symbol.first!.isLetter, i < c.count, c[i].isLetter { return symbol + " " }
                return symbol
            }
            // Unknown: kept as typed, with its braced arguments.
            var raw = "\\" + name
            while i < c.count, c[i] == "{" { raw += "{" + (rawArgument() ?? "") + "}" }
            return raw
        }

        /// A superscript or subscript in Unicode when every character has a form, else `^(…)`.
        func script(_ s: String, superscript: Bool) -> String {
            let t = s.trimmingCharacters(in: .whitespaces)
            if superscript, let u = superscriptForm(t) { return u }
            if !superscript, let u = subscriptForm(t) { return u }
            let mark = superscript ? "^" : "_"
            return t.count == 1 ? mark + t : "\(mark)(\(t))"
        }

        func superscriptForm(_ s: String) -> String? {
            guard !s.isEmpty else { return nil }
            var out = ""
            for ch in s { guard let u = MathSymbols.superscripts[ch] else { return nil }; out.append(u) }
            return out
        }

        func subscriptForm(_ s: String) -> String? {
            guard !s.isEmpty else { return nil }
            var out = ""
            for ch in s { guard let u = MathSymbols.subscripts[ch] else { return nil }; out.append(u) }
            return out
        }

        /// Whether a fraction part needs no parentheses: one number, one name or one symbol.
        func simple(_ s: String) -> Bool {
            if s.count <= 1 { return true }
            if s.allSatisfy({ $0.isNumber || $0 == "." }) { return true }
            if s.allSatisfy({ $0.isLetter }) { return true }
            return !s.contains { " +-−=/,<>±×⋅*".contains($0) }
        }
    }
}

/// `text/latex` outputs: the formula between `$$`, `$`, `\[ \]`, `\( \)` or an `equation`-like
/// environment, rendered by `MathText` as lines in the `markup.math` scope.
public enum LatexText {
    /// The rendered lines of a `text/latex` value.
    public static func render(_ latex: String) -> [RenderedLine] {
        var t = latex.trimmingCharacters(in: .whitespacesAndNewlines)
        for (open, close) in [("$$", "$$"), ("\\[", "\\]"), ("\\(", "\\)"), ("$", "$")] {
            if t.hasPrefix(open) && t.hasSuffix(close) && t.count >= open.count + close.count {
                t = String(t.dropFirst(open.count).dropLast(close.count))
                break
            }
        }
        let lines = MathText.renderLines(t)
        return lines.isEmpty ? [] : lines.map { RenderedLine($0, scope: "markup.math") }
    }
}
