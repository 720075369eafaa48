import Testing
import TermCore
@testable import Rendering

@Suite("Markdown")
struct MarkdownTests {
    func render(_ md: String, width: Int = 40) -> [RenderedLine] { Markdown.render(md, width: width) }

    @Test func headingsAreDistinguishedByScope() {
        let out = render("# One\n\n## Two\n\n### Three\n\n###### Six")
        #expect(out.annotated == """
        {markup.heading.1|One}
        {markup.heading.1|━━━}

        {markup.heading.2|Two}
        {markup.heading.2|───}

        {markup.heading.3|Three}

        {markup.heading.6|Six}
        """)
    }

    @Test func inlineStyles() {
        let out = render("Plain **bold *both*** *it* ~~gone~~ `x = 1`")
        #expect(out.annotated == "Plain {markup.bold|bold }{markup.bold,markup.italic|both} {markup.italic|it} {markup.strikethrough|gone} {markup.code|x = 1}")
    }

    @Test func linksShowTheURLAndCarryIt() {
        let out = render("See [the docs](https://docs.example.org/a) or <https://x.y/z>.", width: 80)
        #expect(out.annotated == "See {markup.link,link=https://docs.example.org/a|the docs}{markup.link.url,link=https://docs.example.org/a| (https://docs.example.org/a)} or {markup.link,link=https://x.y/z|https://x.y/z}.")
        let links = out[0].links
        #expect(links.count == 3)
        #expect(links[0].columns == 4..<12)
        #expect(links[0].url == "https://docs.example.org/a")
    }

    @Test func wrapsToTheWidth() {
        let out = render("alpha beta gamma delta epsilon zeta eta theta", width: 16)
        #expect(out.map(\.plainText) == ["alpha beta gamma", "delta epsilon", "zeta eta theta"])
        #expect(out.allSatisfy { $0.width <= 16 })
        #expect(render("a  \nb").map(\.plainText) == ["a", "b"])
    }

    @Test func lists() {
        let out = render("- one\n- two\n  - inner\n    - deeper\n\n3. three\n4. four\n\n- [ ] todo\n- [x] done")
        #expect(out.annotated == """
        {markup.list|• }one
        {markup.list|• }two
          {markup.list|◦ }inner
            {markup.list|▪ }deeper

        {markup.list|3. }three
        {markup.list|4. }four

        {markup.list|☐ }todo
        {markup.list|☑ }done
        """)
        // Continuation lines of a wrapped item are indented under its text.
        let wrapped = render("- a long item that wraps around", width: 14)
        #expect(wrapped.map(\.plainText) == ["• a long item", "  that wraps", "  around"])
        // Ordered numbers line up.
        let many = render((1...10).map { "\($0). x" }.joined(separator: "\n"))
        #expect(many[0].plainText == " 1. x" && many[9].plainText == "10. x")
    }

    @Test func blockQuotesHaveABar() {
        let out = render("> quoted *text*\n>\n> > nested")
        #expect(out.annotated == """
        {markup.quote|▌ quoted }{markup.quote,markup.italic|text}
        {markup.quote|▌ }
        {markup.quote|▌ ▌ nested}
        """)
    }

    @Test func fencedCodeIsHighlightedWhenTheLanguageIsKnown() {
        let out = render("```python\nimport os  # c\n```\n\n```unknownlang\nplain * text\n```", width: 20)
        #expect(out[0].annotated == "{markup.code.block| }{markup.code.block,syntax.keyword|import}{markup.code.block| os  }{markup.code.block,syntax.comment|# c}{markup.code.block|     }")
        #expect(out[0].width == 20)
        #expect(out[2].annotated == "{markup.code.block| plain * text       }")
    }

    @Test func codeBlockEscapesAreNeutralised() {
        let out = render("```\n\u{1B}]52;c;eA==\u{07}\u{1B}[31mred\n```")
        #expect(out[0].plainText.trimmingCharacters(in: .whitespaces) == "red")
    }

    @Test func rulesImagesAndHTML() {
        let out = render("---\n\n![a cat](cat.png)\n\n<div align=\"center\">hi</div>", width: 16)
        #expect(out.annotated == """
        {markup.rule|────────────────}

        {markup.image,link=cat.png|[image: a cat]}

        {markup.html|<div align="cent}
        {markup.html|er">hi</div>}
        """)
    }

    @Test func tablesAlignPerColumn() {
        let md = "| left | center | right |\n|:--|:-:|--:|\n| a | b | c |\n| longer | 中文 | 1.5 |"
        #expect(render(md).plainText == """
        ┌────────┬────────┬───────┐
        │ left   │ center │ right │
        ├────────┼────────┼───────┤
        │ a      │   b    │     c │
        │ longer │  中文  │   1.5 │
        └────────┴────────┴───────┘
        """)
        #expect(render(md)[1].annotated.contains("{markup.table.header|center}"))
    }

    @Test func wideTablesShrinkAndWrap() {
        let md = "| name | description |\n|---|---|\n| 漢字テスト | a rather long description that cannot fit |"
        let out = render(md, width: 30)
        #expect(out.allSatisfy { $0.width <= 30 }, "\(out.plainText)")
        #expect(out.plainText == """
        ┌────────────┬───────────────┐
        │ name       │ description   │
        ├────────────┼───────────────┤
        │ 漢字テスト │ a rather long │
        │            │ description   │
        │            │ that cannot   │
        │            │ fit           │
        └────────────┴───────────────┘
        """)
        // Far too narrow: columns stop shrinking and lines are cut.
        let tiny = render("| a | b | c | d | e | f |\n|-|-|-|-|-|-|\n| 1 | 2 | 3 | 4 | 5 | 6 |", width: 10)
        #expect(tiny.allSatisfy { $0.width <= 10 })
    }

    @Test func inlineMathIsUnicodeAndProtectedFromEmphasis() {
        let out = render("Let $a_{ij} = x_1 * y_2$ and $\\alpha^2 \\le \\beta$ hold.", width: 60)
        #expect(out.annotated == "Let {markup.math|aᵢⱼ = x₁ * y₂} and {markup.math|α² ≤ β} hold.")
        // Dollar amounts and escaped dollars are text.
        #expect(render("costs $5 and $6, or \\$7").plainText == "costs $5 and $6, or $7")
        // Math inside code stays code.
        #expect(render("`$x_1$` and\n\n```\n$y_2$\n```").plainText.contains("$x_1$"))
        #expect(render("```\n$y_2$\n```").plainText.contains("$y_2$"))
    }

    @Test func backslashDelimiters() {
        #expect(render("Inline \\(x_1^2\\) and\n\\[\\int_0^1 f\\]").annotated == """
        Inline {markup.math|x₁²} and
        {markup.math|    ∫₀¹ f}
        """)
        // A lone escaped bracket stays text.
        #expect(render("a \\[b").plainText == "a [b")
    }

    @Test func displayMathGetsItsOwnLines() {
        let out = render("Before\n$$\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}$$\nafter")
        #expect(out.annotated == """
        Before
        {markup.math|    ∑ᵢ₌₁ⁿ i = (n(n+1))/2}
        after
        """)
    }

    @Test func mathConversions() {
        let cases: [(String, String)] = [
            ("x^2 + y^{10}", "x² + y¹⁰"),
            ("a_{ij}", "aᵢⱼ"),
            ("\\frac{a}{b}", "a/b"),
            ("\\frac{a+1}{b}", "(a+1)/b"),
            ("\\sqrt{x}", "√x"),
            ("\\sqrt{x+1}", "√(x+1)"),
            ("\\sqrt[3]{8}", "∛8"),
            ("\\sum_{k} \\prod \\int \\infty", "∑ₖ ∏ ∫ ∞"),
            ("a \\le b \\ge c \\ne d \\approx e", "a ≤ b ≥ c ≠ d ≈ e"),
            ("a \\cdot b \\times c \\pm d", "a ⋅ b × c ± d"),
            ("f: A \\to B", "f: A → B"),
            ("\\forall x \\in \\mathbb{R} \\exists y", "∀ x ∈ ℝ ∃ y"),
            ("\\partial f / \\nabla g", "∂ f / ∇ g"),
            ("\\mathbb{N} \\subset \\mathbb{Z}", "ℕ ⊂ ℤ"),
            ("\\text{if } x_i", "if  xᵢ"),
            ("\\left( \\frac{1}{2} \\right)", "( 1/2 )"),
            ("\\Gamma(\\omega) \\Delta", "Γ(ω) Δ"),
            ("e^{i\\pi}", "e^(iπ)"),
            ("\\hat{x}", "x̂"),
            ("\\mathcal{L}", "ℒ"),
            ("\\sin x + \\log y", "sin x + log y"),
            ("\\unknowncmd{x}", "\\unknowncmd{x}"),
            ("\\lim_{x \\to 0}", "lim_(x → 0)"),
        ]
        for (tex, expected) in cases {
            #expect(MathText.render(tex) == expected, "\(tex)")
        }
    }

    @Test func latexOutputs() {
        #expect(LatexText.render("$$E = mc^2$$").annotated == "{markup.math|E = mc²}")
        #expect(LatexText.render("\\begin{aligned} a &= 1 \\\\ b &= 2 \\end{aligned}").map(\.plainText) == ["a  = 1", "b  = 2"])
        #expect(LatexText.render("$\\alpha$").plainText == "α")
    }

    @Test func hostileMarkdownDoesNotCrash() {
        let deep = String(repeating: ">", count: 5000) + " x"
        #expect(!render(deep).isEmpty)
        let nested = String(repeating: "- ", count: 300) + "x"
        #expect(!render(nested).isEmpty)
        // Blocks that fill the width, nested deeper than the width allows.
        let deepRule = String(repeating: "> ", count: 40) + "\n" + String(repeating: "> ", count: 40) + "---\n"
        #expect(!render(deepRule).isEmpty)
        let deepTable = String(repeating: "> ", count: 30) + "| a | b |\n" + String(repeating: "> ", count: 30) + "|-|-|\n"
        #expect(!render(deepTable).isEmpty)
        let unbalanced = "$$ \\frac{ $ ` ``` \\sqrt[ ^ _ {{{{ \u{0}\u{1B}[2J"
        let out = render(unbalanced)
        #expect(!out.plainText.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0 })
        #expect(MathText.render(String(repeating: "{", count: 10_000)) == "")
    }

    @Test func resolvesThroughAStyleResolver() {
        let resolver = ClosureStyleResolver { scope in
            switch scope {
            case "markup.heading.1": Style(foreground: .indexed(1), attributes: .bold)
            case "markup.italic": Style(attributes: .italic)
            default: .plain
            }
        }
        let line = render("# Hi *there*")[0].line(resolver)
        #expect(line.spans.map(\.style) == [Style(foreground: .indexed(1), attributes: .bold),
                                             Style(foreground: .indexed(1), attributes: [.bold, .italic])])
    }
}
