import Testing
@testable import Rendering

@Suite("Mime bundles")
struct MimeRendererTests {
    let renderer = MimeRenderer(options: .init(width: 40))

    @Test func priorities() {
        let png = "iVBORw0KGgo="
        #expect(MimeRenderer.choose(["text/plain": "x", MimeRenderer.widgetType: "{}"]) == MimeRenderer.widgetType)
        #expect(MimeRenderer.choose(["text/plain": "x", "application/vnd.plotly.v1+json": "{}", "text/html": "<div>"]) == "application/vnd.plotly.v1+json")
        #expect(MimeRenderer.choose(["text/plain": "x", "image/png": png, "text/html": "<table>"]) == "image/png")
        #expect(MimeRenderer.choose(["text/plain": "x", "image/jpeg": png]) == "image/jpeg")
        #expect(MimeRenderer.choose(["text/plain": "x", "text/markdown": "# a", "text/latex": "$x$"]) == "text/markdown")
        #expect(MimeRenderer.choose(["text/plain": "x", "text/latex": "$x$", "text/html": "<table>"]) == "text/latex")
        #expect(MimeRenderer.choose(["text/plain": "x", "text/html": "<table><tr><td>1</td></tr></table>"]) == "text/html")
        // HTML without a table loses to text/plain, but is used when it is all there is.
        #expect(MimeRenderer.choose(["text/plain": "x", "text/html": "<b>x</b>"]) == "text/plain")
        #expect(MimeRenderer.choose(["text/html": "<b>x</b>"]) == "text/html")
        #expect(MimeRenderer.choose(["text/plain": "x", "application/json": "{}"]) == "application/json")
        #expect(MimeRenderer.choose(["image/svg+xml": "<svg/>"]) == nil)
    }

    @Test func notes() {
        #expect(renderer.render([MimeRenderer.widgetType: "{}", "text/plain": "IntSlider(value=0)"]).annotated
                == "{output.placeholder|[interactive widget: open the notebook in JupyterLab to use it]}")
        #expect(renderer.render(["application/vnd.plotly.v1+json": "{}"]).plainText.hasPrefix("[Plotly figure"))
        #expect(renderer.render(["image/svg+xml": "<svg/>", "application/pdf": "JVBER"]).plainText
                == "[output not shown in the terminal: application/pdf, image/svg+xml]")
    }

    @Test func eachRepresentationRenders() {
        #expect(renderer.render(["text/plain": "\u{1B}[31mred\u{1B}[0m\u{1B}]0;x\u{07}"]).plainText == "red")
        #expect(renderer.render(["text/plain": "\u{1B}[31mred"])[0].spans[0].style.foreground == .indexed(1))
        #expect(renderer.render(["text/markdown": "**b**"]).annotated == "{markup.bold|b}")
        #expect(renderer.render(["text/latex": "$$\\alpha^2$$"]).plainText == "α²")
        #expect(renderer.render(["application/json": "{\"a\": 1}"]).plainText == "{\n  \"a\": 1\n}")
        #expect(renderer.render(["text/html": "<table><tr><th>h</th></tr><tr><td>1</td></tr></table>", "text/plain": "x"]).count == 5)
        #expect(renderer.render(["image/png": "AAAA"]).plainText.hasPrefix("[image/png: cannot decode"))
    }
}
