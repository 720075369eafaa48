import Testing
import TestSupport
@testable import Rendering

@Suite("HTML and JSON outputs")
struct HTMLAndJSONTests {
    /// HTML written by the real pandas of the project's virtual environment.
    func pandasHTML(_ code: String) throws -> String {
        let result = try ProcessRunner.python("import pandas as pd, numpy as np\n" + code)
        try #require(result.status == 0, "\(result.stderrText)")
        return result.stdoutText
    }

    @Test func simpleDataFrame() throws {
        let html = try pandasHTML("""
        df = pd.DataFrame({'name': ['a', '漢字', 'long name here'], 'value': [1.5, -2.0, 1000.25]})
        print(df._repr_html_())
        """)
        let out = HTMLText.render(html, width: 60)
        #expect(out.plainText == """
        ┌───┬────────────────┬─────────┐
        │   │ name           │   value │
        ├───┼────────────────┼─────────┤
        │ 0 │ a              │    1.50 │
        │ 1 │ 漢字           │   -2.00 │
        │ 2 │ long name here │ 1000.25 │
        └───┴────────────────┴─────────┘
        """)
        // The index column is drawn like a header; the style block never shows.
        #expect(out[3].annotated.contains("{markup.table.header|0}"))
        #expect(!out.plainText.contains("vertical-align"))
    }

    @Test func truncatedDataFrameShowsEllipsisRowAndShape() throws {
        let html = try pandasHTML("""
        pd.set_option('display.max_rows', 4)
        df = pd.DataFrame({'x': range(100), 'y': [i * 0.5 for i in range(100)]})
        print(df._repr_html_())
        """)
        let out = HTMLText.render(html, width: 60)
        let text = out.plainText
        #expect(text.contains("│ ... │ ... │  ... │"), "\(text)")
        #expect(text.contains("│ 99  │  99 │ 49.5 │"), "\(text)")
        #expect(out.last?.plainText == "100 rows × 2 columns")
    }

    @Test func multiIndexRoughly() throws {
        let html = try pandasHTML("""
        idx = pd.MultiIndex.from_tuples([('a', 1), ('a', 2), ('b', 1)], names=['k', 'n'])
        cols = pd.MultiIndex.from_tuples([('m', 'x'), ('m', 'y')])
        df = pd.DataFrame([[1, 2], [3, 4], [5, 6]], index=idx, columns=cols)
        print(df._repr_html_())
        """)
        let out = HTMLText.render(html, width: 60)
        let rows = out.map(\.plainText)
        // Every row has the same width and the spanned index cells are left empty.
        #expect(Set(rows.map(\.displayWidth)).count == 1, "\(out.plainText)")
        #expect(rows.contains { $0.hasPrefix("│ a │ 1 │") })
        #expect(rows.contains { $0.hasPrefix("│   │ 2 │") })
        #expect(rows.contains { $0.hasPrefix("│ k │ n │") })
        #expect(rows.contains { $0.contains(" m ") })
    }

    @Test func wideDataFrameShrinksToTheWidth() throws {
        let html = try pandasHTML("""
        df = pd.DataFrame({f'column_{i}': ['some longer text value'] * 2 for i in range(6)})
        print(df._repr_html_())
        """)
        let out = HTMLText.render(html, width: 50)
        #expect(out.allSatisfy { $0.width <= 50 }, "\(out.plainText)")
        #expect(out.count > 6)
    }

    @Test func generalHTMLBecomesReadableText() {
        let html = """
        <h2>Results &amp; notes</h2><p>First   paragraph with <b>bold</b>, <i>italic</i>, <code>x&lt;1</code>
        and a <a href="https://example.org">link</a>.<br>After break.</p>
        <ul><li>one</li><li>two<ol><li>inner</li></ol></li></ul>
        <pre>  keep
            spacing</pre><script>alert(1)</script><!-- hidden -->
        <p>&#233;&#x1F600;&nbsp;&unknown; &#0;</p>
        """
        let out = HTMLText.render(html, width: 60)
        #expect(out.plainText == """
        Results & notes

        First paragraph with bold, italic, x<1 and a link
        (https://example.org).
        After break.

        • one
        • two
          1. inner

          keep
            spacing

        é😀\u{00A0}&unknown; \u{FFFD}
        """)
        #expect(out[0].annotated == "{markup.heading.2|Results & notes}")
        #expect(out[2].annotated.contains("{markup.bold|bold}"))
        #expect(out[2].annotated.contains("{markup.code|x<1}"))
        #expect(out[2].annotated.contains("{markup.link,link=https://example.org|link}"))
    }

    @Test func malformedHTMLDoesNotCrash() {
        for html in ["<table><tr><td>a<td>b<tr><td>c", "<", "<<>>", "<a href='x", "<table>", "</table></tr>",
                     "<td colspan=99999999999>x</td>", "<table><tr><td rowspan=100000>x</td></tr></table>",
                     String(repeating: "<div>", count: 10_000), "<p>\u{1B}]0;t\u{07}\u{1B}[31mred</p>"] {
            let out = HTMLText.render(html, width: 40)
            #expect(!out.plainText.unicodeScalars.contains { $0.value == 0x1B }, "\(html.prefix(30))")
        }
        #expect(HTMLText.render("<table><tr><td>a<td>b<tr><td>c", width: 40).plainText == """
        ┌───┬───┐
        │ a │ b │
        │ c │   │
        └───┴───┘
        """)
    }

    @Test func jsonIsPrettyPrinted() {
        let out = JSONText.render("{\"a\": [1, 2.5e3, true], \"b\": {}, \"c\": {\"d\": null, \"e\": \"x\\ny\"}, \"f\": []}")
        #expect(out.plainText == """
        {
          "a": [
            1,
            2.5e3,
            true
          ],
          "b": {},
          "c": {
            "d": null,
            "e": "x\\ny"
          },
          "f": []
        }
        """)
        #expect(out[1].annotated == "  {syntax.variable|\"a\"}{syntax.punctuation|: [}")
        #expect(out[3].annotated == "    {syntax.number|2.5e3}{syntax.punctuation|,}")
        #expect(out[4].annotated == "    {syntax.constant|true}")
        #expect(out[9].annotated == "    {syntax.variable|\"e\"}{syntax.punctuation|: }{syntax.string|\"x\\ny\"}")
    }

    @Test func jsonEdgeCases() {
        #expect(JSONText.render("[]").plainText == "[]")
        #expect(JSONText.render("42").plainText == "42")
        let deep = String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)
        #expect(JSONText.render(deep).count == 40_000 - 1)
        // Not JSON: shown, never crashing, control characters visible.
        let bad = JSONText.render("{\"a\": \u{1B}[31m, ]]]")
        #expect(!bad.plainText.unicodeScalars.contains { $0.value == 0x1B })
    }
}
