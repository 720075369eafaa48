/// `text/html` outputs as readable text: tables (pandas DataFrames) drawn as aligned box tables,
/// paragraphs and line breaks, headings, lists with bullets or numbers, `<pre>` kept verbatim,
/// bold/italic/code/links in their `markup.*` scopes, images as `[image: alt]`; other tags are
/// dropped, entities decoded, `<script>` and `<style>` never shown.
public enum HTMLText {
    /// The lines of `html` laid out in `width` columns (at least 10).
    public static func render(_ html: String, width: Int) -> [RenderedLine] {
        var r = HTMLRenderer(tokens: HTMLTokenizer.tokens(html), width: max(10, width))
        r.run()
        return r.out
    }

    /// Whether the HTML holds a `<table>` (what makes it worth choosing over `text/plain`).
    public static func containsTable(_ html: String) -> Bool {
        html.range(of: "<table", options: .caseInsensitive) != nil
    }
}

/// The state of an HTML rendering pass.
struct HTMLRenderer {
    let tokens: [HTMLTokenizer.Token]
    let width: Int
    var out: [RenderedLine] = []
    private var paragraph = RenderedLine()
    private var scopes: [String] = []
    private var links: [String] = []
    private var lists: [(ordered: Bool, counter: Int)] = []
    private var marker: String? = nil
    private var pre = 0
    private var quote = 0
    /// Whether the last character laid out was a space (or nothing yet): HTML collapses whitespace.
    private var afterSpace = true

    init(tokens: [HTMLTokenizer.Token], width: Int) {
        self.tokens = tokens
        self.width = width
    }

    static let gapBlocks: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table", "blockquote", "hr", "ul", "ol", "dl", "figure"]
    static let lineBlocks: Set<String> = ["div", "li", "tr", "dt", "dd", "section", "article", "header", "footer", "main", "caption", "address", "nav", "aside", "figcaption"]
    static let inlineScopes: [String: String] = [
        "b": "markup.bold", "strong": "markup.bold", "i": "markup.italic", "em": "markup.italic",
        "code": "markup.code", "tt": "markup.code", "kbd": "markup.code", "samp": "markup.code",
        "s": "markup.strikethrough", "del": "markup.strikethrough", "strike": "markup.strikethrough",
    ]

    mutating func run() {
        var i = 0
        while i < tokens.count {
            switch tokens[i] {
            case let .start(name, attributes, selfClosing):
                if name == "table" {
                    let end = matchingEnd(from: i)
                    block(gap: true)
                    let table = HTMLTable.layout(tokens[(i + 1)..<end])
                    out.append(contentsOf: table.render(width: width - indentWidth).map(indented))
                    i = end + 1
                    continue
                }
                start(name, attributes, selfClosing)
            case let .end(name):
                end(name)
            case let .text(t):
                text(t)
            }
            i += 1
        }
        flush()
        while out.last?.spans.isEmpty == true { out.removeLast() }
    }

    private func matchingEnd(from i: Int) -> Int {
        var depth = 0
        var j = i
        while j < tokens.count {
            if case .start("table", _, _) = tokens[j] { depth += 1 }
            if case .end("table") = tokens[j] { depth -= 1; if depth == 0 { return j } }
            j += 1
        }
        return tokens.count
    }

    private var indentWidth: Int { lists.count * 2 + quote * 2 }

    private func indented(_ line: RenderedLine) -> RenderedLine {
        guard indentWidth > 0 else { return line }
        var l = RenderedLine(String(repeating: "▌ ", count: quote), scope: "markup.quote")
        l.append(RenderedSpan(String(repeating: "  ", count: lists.count)))
        l.append(contentsOf: line)
        return l
    }

    private mutating func start(_ name: String, _ attributes: [String: String], _ selfClosing: Bool) {
        if let scope = Self.inlineScopes[name] { scopes.append(scope); return }
        switch name {
        case "br": flush(); return
        case "hr":
            block(gap: true)
            out.append(RenderedLine(String(repeating: "─", count: max(1, width - indentWidth)), scope: "markup.rule"))
            return
        case "img":
            let alt = attributes["alt"] ?? ""
            append(alt.isEmpty ? "[image]" : "[image: \(alt)]", scopes + ["markup.image"])
            return
        case "a":
            links.append(attributes["href"] ?? "")
            scopes.append("markup.link")
            return
        case "pre": block(gap: true); pre += 1; return
        case "blockquote": block(gap: true); quote += 1; return
        case "ul", "ol":
            block(gap: lists.isEmpty)
            lists.append((name == "ol", Int(attributes["start"] ?? "") ?? 1))
            return
        case "li":
            block(gap: false)
            if var top = lists.popLast() {
                marker = top.ordered ? "\(top.counter). " : MarkdownRenderer.bullets[lists.count % MarkdownRenderer.bullets.count] + " "
                top.counter += 1
                lists.append(top)
            } else {
                marker = "• "
            }
            return
        default: break
        }
        if name.count == 2, name.first == "h", let level = Int(String(name.last!)), (1...6).contains(level) {
            block(gap: true)
            scopes.append("markup.heading.\(level)")
            return
        }
        if Self.gapBlocks.contains(name) { block(gap: true) } else if Self.lineBlocks.contains(name) { block(gap: false) }
    }

    private mutating func end(_ name: String) {
        if let scope = Self.inlineScopes[name] { if let k = scopes.lastIndex(of: scope) { scopes.remove(at: k) }; return }
        switch name {
        case "a":
            if let k = scopes.lastIndex(of: "markup.link") { scopes.remove(at: k) }
            if let url = links.popLast(), !url.isEmpty, !url.hasPrefix("#"), !paragraph.plainText.hasSuffix(url) {
                append(" (\(url))", scopes + ["markup.link.url"], link: url)
            }
            return
        case "pre": flush(); pre = max(0, pre - 1); return
        case "blockquote": flush(); quote = max(0, quote - 1); return
        case "ul", "ol": flush(); _ = lists.popLast(); return
        default: break
        }
        if name.count == 2, name.first == "h", Int(String(name.last!)) != nil {
            flush()
            scopes.removeAll { $0.hasPrefix("markup.heading") }
            return
        }
        if Self.gapBlocks.contains(name) || Self.lineBlocks.contains(name) { flush() }
    }

    private mutating func text(_ t: String) {
        if pre > 0 {
            let parts = t.split(separator: "\n", omittingEmptySubsequences: false)
            for (k, part) in parts.enumerated() {
                if k > 0 { flush(force: true) }
                append(String(part), scopes + ["markup.code.block"])
            }
            return
        }
        var collapsed = ""
        for ch in t {
            if ch == " " || ch == "\n" || ch == "\t" || ch == "\r" {
                if !afterSpace { collapsed.append(" ") }
                afterSpace = true
                continue
            }
            afterSpace = false
            collapsed.append(ch)
        }
        append(collapsed, scopes)
    }

    private mutating func append(_ t: String, _ scopes: [String], link: String? = nil) {
        guard !t.isEmpty else { return }
        let safe = AnsiText.sanitized(t)
        let l = link ?? (scopes.contains("markup.link") ? links.last : nil)
        paragraph.append(RenderedSpan(safe, scopes: scopes, link: l))
    }

    /// Starts a new block: ends the paragraph, and leaves a blank line when `gap`.
    private mutating func block(gap: Bool) {
        flush()
        if gap, let last = out.last, !last.spans.isEmpty, marker == nil { out.append(RenderedLine()) }
    }

    /// Lays out the current paragraph (with a pending list marker) at the width.
    private mutating func flush(force: Bool = false) {
        afterSpace = true
        paragraph.trimTrailingSpaces()
        guard force || !paragraph.spans.isEmpty || marker != nil else { return }
        let prefix = marker ?? ""
        let avail = max(4, width - indentWidth - prefix.displayWidth)
        let pieces = pre > 0 ? paragraph.wrapped(width: avail, mode: .hard) : paragraph.wrapped(width: avail)
        let base = lists.isEmpty ? 0 : 2 * (lists.count - 1)
        for (k, piece) in pieces.enumerated() {
            var l = RenderedLine(String(repeating: "▌ ", count: quote), scope: "markup.quote")
            l.append(RenderedSpan(String(repeating: " ", count: base)))
            if k == 0 && !prefix.isEmpty { l.append(RenderedSpan(prefix, scope: "markup.list")) } else { l.append(RenderedSpan(String(repeating: " ", count: prefix.displayWidth))) }
            l.append(contentsOf: piece)
            out.append(l)
        }
        paragraph = RenderedLine()
        marker = nil
    }
}
