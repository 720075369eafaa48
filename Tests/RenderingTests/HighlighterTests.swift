import Testing
@testable import Rendering

@Suite("Syntax highlighting")
struct HighlighterTests {
    let python = Highlighter(language: .python)

    /// The scope of the span whose text is exactly `token`, in the highlighted `line`.
    func scope(_ token: String, in line: String, _ h: Highlighter? = nil) -> String? {
        let spans = (h ?? python).highlight(line: line, from: .initial).line.spans
        if !spans.contains(where: { $0.text == token }),
           spans.contains(where: { $0.scopes.isEmpty && $0.text.split(separator: " ").contains(Substring(token)) }) { return "plain" }
        guard let span = spans.first(where: { $0.text == token }) else { return "<no span \(token): \(spans.map(\.annotated))>" }
        return span.scopes.first ?? "plain"
    }

    @Test func textIsKeptExactly() {
        let source = "def f(x: int = 0x1F) -> str:  # note\n    return f\"{x!r:>10} {{lit}}\" + r'\\d' * 3j\n"
        #expect(python.highlight(source).map(\.plainText).joined(separator: "\n") == source)
    }

    @Test func keywordsConstantsBuiltins() {
        #expect(scope("for", in: "for x in range(3): pass") == "syntax.keyword")
        #expect(scope("in", in: "for x in range(3): pass") == "syntax.keyword")
        #expect(scope("range", in: "for x in range(3): pass") == "syntax.builtin")
        #expect(scope("None", in: "x = None") == "syntax.constant")
        #expect(scope("True", in: "x = True") == "syntax.constant")
        #expect(scope("x", in: "x = None") == "plain")
        #expect(scope("print", in: "obj.print(1)") == "plain")
    }

    @Test func softKeywords() {
        #expect(scope("match", in: "match command.split():") == "syntax.keyword")
        #expect(scope("case", in: "    case [\"go\", direction]:") == "syntax.keyword")
        #expect(scope("_", in: "    case _:") == "syntax.keyword")
        #expect(scope("type", in: "type Point = tuple[float, float]") == "syntax.keyword")
        #expect(scope("match", in: "match = re.match(p, s)") == "plain")
        #expect(scope("type", in: "type(x)") == "plain")
        #expect(scope("case", in: "case = 3") == "plain")
    }

    @Test func definitionsAndDecorators() {
        #expect(scope("area", in: "def area(self):") == "syntax.function")
        #expect(scope("Shape", in: "class Shape(Base):") == "syntax.type")
        #expect(scope("@functools.cache", in: "@functools.cache") == "syntax.decorator")
        #expect(scope("@property", in: "    @property") == "syntax.decorator")
        #expect(scope("@", in: "c = a @ b") == "syntax.operator")
    }

    @Test func numbers() {
        for n in ["1_000", "0x1F", "0o17", "0b1010", "1e-5", "3j", "2.5", ".5", "1_000.25e+3", "10J"] {
            #expect(scope(n, in: "x = \(n) + y") == "syntax.number", "\(n)")
        }
    }

    @Test func operatorsAndComments() {
        #expect(scope("**=", in: "x **= 2") == "syntax.operator")
        #expect(scope("->", in: "def f() -> int:") == "syntax.operator")
        #expect(scope(":=", in: "if (n := 10) > 5:") == "syntax.operator")
        #expect(scope("# a 'comment' with \"quotes\"", in: "x = 1  # a 'comment' with \"quotes\"") == "syntax.comment")
    }

    @Test func stringPrefixesInAnyCase() {
        for p in ["r", "R", "b", "B", "u", "f", "F", "rb", "Rb", "bR", "BR", "fr", "Fr", "rF"] {
            let spans = python.highlight(line: "x = \(p)'abc'", from: .initial).line.spans
            let joined = spans.filter { $0.scopes == ["syntax.string"] }.map(\.text).joined()
            #expect(joined == "\(p)'abc'", "prefix \(p): \(spans.map(\.annotated))")
        }
        // An identifier that is not a prefix stays a name.
        #expect(scope("xr", in: "xr'a'") == "plain")
    }

    @Test func escapesAndRawStrings() {
        #expect(scope("\\n", in: "s = 'a\\nb'") == "syntax.string.escape")
        #expect(scope("\\x41", in: "s = 'a\\x41'") == "syntax.string.escape")
        #expect(scope("\\N{BULLET}", in: "s = '\\N{BULLET}'") == "syntax.string.escape")
        #expect(scope("\\'", in: "s = 'it\\'s'") == "syntax.string.escape")
        let raw = python.highlight(line: "p = r'\\d+\\n'", from: .initial).line.spans
        #expect(!raw.contains { $0.scopes == ["syntax.string.escape"] })
    }

    @Test func fStringBracesAreCode() {
        let spans = python.highlight(line: "f\"total {len(items) + 1:>10} {{not code}} {x!r}\"", from: .initial).line.spans
        let annotated = spans.map(\.annotated).joined()
        #expect(annotated.contains("{syntax.builtin|len}"))
        #expect(annotated.contains("{syntax.number|1}"))
        #expect(annotated.contains("{syntax.punctuation|{}"))
        #expect(annotated.contains("{syntax.string|:>10}"))
        #expect(annotated.contains("{syntax.string.escape|{{}"))
        #expect(annotated.contains("{syntax.string|!r}"))
        // A nested string of the other quote inside the braces.
        #expect(python.highlight(line: "f'{d[\"k\"]}' + 1", from: .initial).line.annotated.contains("{syntax.number|1}"))
        // Braces in a plain string are just text.
        #expect(scope("'{x}'", in: "s = '{x}'") == "syntax.string")
    }

    @Test func tripleQuotedStringsCarryStateAcrossLines() {
        let lines = ["x = '''first", "def not_code(): # still string", "end''' + 1", "y = 2"]
        var state = HighlightState.initial
        var out: [RenderedLine] = []
        for l in lines {
            let r = python.highlight(line: l, from: state)
            out.append(r.line)
            state = r.state
            if l.hasPrefix("x") || l.hasPrefix("def") { #expect(state != .initial) }
        }
        #expect(state == .initial)
        #expect(out[1].spans.allSatisfy { $0.scopes == ["syntax.string"] })
        #expect(out[2].annotated == "{syntax.string|end'''} {syntax.operator|+} {syntax.number|1}")
        #expect(out[3].annotated.contains("{syntax.number|2}"))
        // Incremental: line 3 alone from the state at the end of line 2 gives the same result.
        let afterTwo = python.highlight(line: lines[1], from: python.highlight(line: lines[0], from: .initial).state).state
        #expect(python.highlight(line: lines[2], from: afterTwo).line == out[2])
    }

    @Test func tripleFStringAndDocstring() {
        let out = python.highlight("def f():\n    \"\"\"Doc\n    more {x}\n    \"\"\"\n    return F\"\"\"a {b}\nc\"\"\"")
        #expect(out[2].spans.allSatisfy { $0.scopes == ["syntax.string"] })
        #expect(out[4].annotated.contains("{syntax.punctuation|{}b{syntax.punctuation|}}"))
        #expect(out[5].annotated == "{syntax.string|c\"\"\"}")
    }

    @Test func unterminatedSingleQuoteEndsAtLineEnd() {
        let r = python.highlight(line: "s = 'oops", from: .initial)
        #expect(r.state == .initial)
        let cont = python.highlight(line: "s = 'go on \\", from: .initial)
        #expect(cont.state != .initial)
    }

    @Test func json() {
        let h = Highlighter(language: .json)
        let line = h.highlight(line: "{\"name\": \"x\\n\", \"n\": -1.5e3, \"ok\": true, \"v\": null}", from: .initial).line
        #expect(line.annotated.contains("{syntax.variable|\"name\"}"))
        #expect(line.annotated.contains("{syntax.string|\"x}{syntax.string.escape|\\n}{syntax.string|\"}"))
        #expect(line.annotated.contains("{syntax.number|-1.5e3}"))
        #expect(line.annotated.contains("{syntax.constant|true}"))
        #expect(line.annotated.contains("{syntax.constant|null}"))
    }

    @Test func toml() {
        let h = Highlighter(language: .toml)
        let out = h.highlight("[tool.callisto]  \nname = \"x\" # c\nlines = \"\"\"a\nb\"\"\"\nn-max = 10\nflag = false")
        #expect(out[0].spans.first?.scopes == ["syntax.type"])
        #expect(out[1].annotated == "{syntax.variable|name} {syntax.operator|=} {syntax.string|\"x\"} {syntax.comment|# c}")
        #expect(out[3].annotated == "{syntax.string|b\"\"\"}")
        #expect(out[4].annotated.hasPrefix("{syntax.variable|n-max}"))
        #expect(out[5].annotated.hasSuffix("{syntax.constant|false}"))
    }

    @Test func shell() {
        let h = Highlighter(languageName: "bash")
        let line = h.highlight(line: "if [ -f \"$HOME/x\" ]; then echo ${PATH} 'no $x' # c", from: .initial).line
        #expect(line.annotated.contains("{syntax.keyword|if}"))
        #expect(line.annotated.contains("{syntax.variable|$HOME}"))
        #expect(line.annotated.contains("{syntax.variable|${PATH}}"))
        #expect(line.annotated.contains("{syntax.string|'no $x'}"))
        #expect(line.annotated.contains("{syntax.builtin|echo}"))
        #expect(line.annotated.hasSuffix("{syntax.comment|# c}"))
        #expect(h.highlight(line: "echo a#b", from: .initial).line.annotated == "{syntax.builtin|echo} a#b")
    }

    @Test func rAndJulia() {
        let r = Highlighter(language: .r).highlight(line: "x <- c(1L, NA, TRUE) # v", from: .initial).line
        #expect(r.annotated == "x {syntax.operator|<-} {syntax.builtin|c}{syntax.punctuation|(}{syntax.number|1L}{syntax.punctuation|,} {syntax.constant|NA}{syntax.punctuation|,} {syntax.constant|TRUE}{syntax.punctuation|)} {syntax.comment|# v}")
        let jl = Highlighter(language: .julia)
        let out = jl.highlight("function f(x)\n  #= block\n  still =# @time push!(v, :sym)\nend")
        #expect(out[0].annotated.hasPrefix("{syntax.keyword|function} {syntax.function|f}"))
        #expect(out[1].annotated.contains("{syntax.comment|#= block}"))
        #expect(out[2].annotated.contains("{syntax.comment|  still =#}"))
        #expect(out[2].annotated.contains("{syntax.decorator|@time}"))
        #expect(out[2].annotated.contains("{syntax.builtin|push!}"))
        #expect(out[2].annotated.contains("{syntax.constant|:sym}"))
    }

    @Test func genericFallback() {
        let h = Highlighter(languageName: "rust")
        #expect(h.language == .generic)
        let out = h.highlight("fn main() { /* multi\nline */ let s = \"hi\\n\"; // done\n let n = 42; }")
        #expect(out[0].annotated.contains("{syntax.keyword|fn} {syntax.function|main}"))
        #expect(out[1].annotated.hasPrefix("{syntax.comment|line */}"))
        #expect(out[1].annotated.contains("{syntax.string.escape|\\n}"))
        #expect(out[1].annotated.hasSuffix("{syntax.comment|// done}"))
        #expect(out[2].annotated.contains("{syntax.number|42}"))
    }

    @Test func markdownSource() {
        let h = Highlighter(language: .markdown)
        let out = h.highlight("# Title\n- item with `code` and **bold**\n```python\nx = 1\n```\n> [link](http://x)")
        #expect(out[0].annotated == "{markup.heading.1|# Title}")
        #expect(out[1].annotated == "{markup.list|-} item with {markup.code|`code`} and {markup.bold|**bold**}")
        #expect(out[3].annotated == "{markup.code.block|x = 1}")
        #expect(out[4].annotated == "{markup.code.block|```}")
        #expect(out[5].annotated == "{markup.quote|>} {markup.link|[link]}{markup.link.url|(http://x)}")
    }

    @Test func hostileInputDoesNotCrash() {
        let weird = "f'{' + \"\\\" + '''\u{0}\u{1B}[31m x = 0x + 1e + .e5 @ \\N{ + r\"\\\""
        for lang in SyntaxLanguage.allCases {
            let out = Highlighter(language: lang).highlight(weird + "\n" + weird)
            #expect(out.map(\.plainText).joined(separator: "\n") == weird + "\n" + weird)
        }
    }
}
