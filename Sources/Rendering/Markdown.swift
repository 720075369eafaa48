/// Markdown rendered to styled lines at a width, for markdown cells and `text/markdown` outputs.
///
/// Scopes used: `markup.heading.1`…`6`, `markup.bold`, `markup.italic`, `markup.strikethrough`,
/// `markup.code` (inline), `markup.code.block` (fences, with `syntax.*` inside when the language
/// is known), `markup.link` and `markup.link.url` (spans carry the URL as their `link`),
/// `markup.list`, `markup.quote`, `markup.rule`, `markup.table` and `markup.table.header`,
/// `markup.math`, `markup.image`, `markup.html`.
public enum Markdown {
    /// The lines of `markdown` laid out in `width` columns (at least 10).
    public static func render(_ markdown: String, width: Int) -> [RenderedLine] {
        let blocks = MarkdownParser.parse(markdown)
        return MarkdownRenderer(width: max(10, width)).render(blocks)
    }
}

/// Lays out parsed markdown blocks.
struct MarkdownRenderer {
    let width: Int
    static let bullets = ["•", "◦", "▪", "‣"]

    /// Nested quotes and lists narrow the width; it never goes below one column.
    init(width: Int) { self.width = max(1, width) }

    func render(_ blocks: [MarkdownBlock], listDepth: Int = 0) -> [RenderedLine] {
        var out: [RenderedLine] = []
        for (n, block) in blocks.enumerated() {
            if n > 0 { out.append(RenderedLine()) }
            out.append(contentsOf: self.block(block, listDepth: listDepth))
        }
        return out
    }

    func block(_ block: MarkdownBlock, listDepth: Int) -> [RenderedLine] {
        switch block {
        case let .paragraph(inlines):
            return paragraph(inlines, scopes: [])
        case let .heading(level, inlines):
            let scope = "markup.heading.\(min(max(level, 1), 6))"
            var lines = paragraph(inlines, scopes: [scope])
            if level <= 2, let widest = lines.map(\.width).max(), widest > 0 {
                lines.append(RenderedLine(String(repeating: level == 1 ? "━" : "─", count: widest), scope: scope))
            }
            return lines
        case let .codeBlock(info, code):
            return codeBlock(info: info, code: code)
        case let .html(html):
            return html.split(separator: "\n", omittingEmptySubsequences: false).dropLast(html.hasSuffix("\n") ? 1 : 0)
                .flatMap { RenderedLine(AnsiText.plainText(String($0)), scope: "markup.html").wrapped(width: width, mode: .hard) }
        case .rule:
            return [RenderedLine(String(repeating: "─", count: width), scope: "markup.rule")]
        case let .quote(blocks):
            let inner = MarkdownRenderer(width: width - 2).render(blocks, listDepth: listDepth)
            return inner.map { line in
                var l = RenderedLine([RenderedSpan("▌ ", scope: "markup.quote")])
                l.append(contentsOf: line.inScope("markup.quote"))
                return l
            }
        case let .list(ordered, start, paren, tight, items):
            return list(ordered: ordered, start: start, paren: paren, tight: tight, items: items, depth: listDepth)
        case let .table(alignments, header, rows):
            return TableLayout(alignments: alignments, header: [header.map(cell)], rows: rows.map { $0.map(cell) })
                .render(width: width)
        case let .footnote(label, blocks):
            let marker = "[^\(label)]: "
            let inner = MarkdownRenderer(width: width - marker.displayWidth).render(blocks, listDepth: listDepth)
            return inner.enumerated().map { i, line in
                var l = RenderedLine(i == 0 ? marker : String(repeating: " ", count: marker.displayWidth), scope: "markup.link")
                l.append(contentsOf: line)
                return l
            }
        }
    }

    /// Inline content wrapped to the width; display math gets lines of its own, indented.
    func paragraph(_ inlines: [MarkdownInline], scopes: [String]) -> [RenderedLine] {
        var out: [RenderedLine] = []
        for piece in MarkdownInlineLayout.logicalLines(inlines, scopes: scopes) {
            switch piece {
            case let .text(line):
                out.append(contentsOf: line.wrapped(width: width))
            case let .displayMath(tex):
                for l in MathText.renderLines(tex) {
                    out.append(contentsOf: RenderedLine("    " + l, scope: "markup.math").wrapped(width: width, mode: .hard))
                }
            }
        }
        return out.isEmpty ? [RenderedLine()] : out
    }

    /// A table cell's content as one line (breaks become spaces).
    func cell(_ inlines: [MarkdownInline]) -> RenderedLine {
        var line = RenderedLine()
        for piece in MarkdownInlineLayout.logicalLines(inlines, scopes: []) {
            if !line.spans.isEmpty { line.append(RenderedSpan(" ")) }
            switch piece {
            case let .text(l): line.append(contentsOf: l)
            case let .displayMath(tex): line.append(RenderedSpan(MathText.render(tex), scope: "markup.math"))
            }
        }
        return line
    }

    func codeBlock(info: String, code: String) -> [RenderedLine] {
        let language = info.split(separator: " ").first.map(String.init) ?? ""
        var text = code
        if text.hasSuffix("\n") { text.removeLast() }
        let source: [RenderedLine]
        if let lang = SyntaxLanguage(name: language) {
            source = Highlighter(language: lang).highlight(text)
        } else {
            source = text.split(separator: "\n", omittingEmptySubsequences: false).map { RenderedLine(String($0)) }
        }
        var out: [RenderedLine] = []
        for line in source {
            let clean = RenderedLine(line.spans.map { RenderedSpan(AnsiText.plainText($0.text), scopes: $0.scopes) })
            for piece in RenderedLine([RenderedSpan(" ")] + clean.spans).wrapped(width: width - 1, mode: .hard) {
                var padded = piece
                padded.append(RenderedSpan(String(repeating: " ", count: max(0, width - piece.width))))
                out.append(padded.inScope("markup.code.block"))
            }
        }
        return out
    }

    func list(ordered: Bool, start: Int, paren: Bool, tight: Bool, items: [MarkdownListItem], depth: Int) -> [RenderedLine] {
        var out: [RenderedLine] = []
        let last = start + items.count - 1
        let numberWidth = "\(max(start, last))".count
        for (n, item) in items.enumerated() {
            var marker: String
            if ordered {
                let num = "\(start + n)"
                marker = String(repeating: " ", count: max(0, numberWidth - num.count)) + num + (paren ? ")" : ".")
            } else {
                marker = Self.bullets[depth % Self.bullets.count]
            }
            if let checked = item.checked { marker = ordered ? marker + " " + (checked ? "☑" : "☐") : (checked ? "☑" : "☐") }
            marker += " "
            let indent = marker.displayWidth
            let inner = MarkdownRenderer(width: max(4, width - indent))
            var lines: [RenderedLine] = []
            for (b, block) in item.blocks.enumerated() {
                if b > 0 && !tight { lines.append(RenderedLine()) }
                lines.append(contentsOf: inner.block(block, listDepth: depth + 1))
            }
            if lines.isEmpty { lines = [RenderedLine()] }
            if n > 0 && !tight { out.append(RenderedLine()) }
            for (i, line) in lines.enumerated() {
                var l = i == 0 ? RenderedLine(marker, scope: "markup.list") : RenderedLine(String(repeating: " ", count: indent))
                l.append(contentsOf: line)
                out.append(l)
            }
        }
        return out
    }
}
