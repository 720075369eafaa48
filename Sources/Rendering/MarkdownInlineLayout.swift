/// Inline markdown flattened into styled spans, split at hard line breaks and display math.
enum MarkdownInlineLayout {
    enum Piece: Hashable {
        case text(RenderedLine)
        case displayMath(String)
    }

    static func logicalLines(_ inlines: [MarkdownInline], scopes: [String]) -> [Piece] {
        var builder = Builder()
        builder.add(inlines, scopes: scopes, link: nil)
        builder.endLine()
        return builder.pieces
    }

    private struct Builder {
        var pieces: [Piece] = []
        var current = RenderedLine()
        var hasText = false

        mutating func endLine() {
            current.trimTrailingSpaces()
            if hasText || !current.spans.isEmpty { pieces.append(.text(current)) }
            current = RenderedLine()
            hasText = false
        }

        mutating func text(_ t: String, _ scopes: [String], _ link: String?) {
            guard !t.isEmpty, !(t == " " && current.spans.isEmpty) else { return }
            // Text from a notebook is untrusted: control characters become visible symbols.
            let safe = AnsiText.sanitized(t)
            current.append(RenderedSpan(safe, scopes: scopes, link: link))
            hasText = true
        }

        mutating func add(_ inlines: [MarkdownInline], scopes: [String], link: String?) {
            for inline in inlines {
                switch inline {
                case let .text(t): text(t, scopes, link)
                case .softBreak: text(" ", scopes, link)
                case .lineBreak: endLine()
                case let .code(c): text(c, scopes + ["markup.code"], link)
                case let .emphasis(c): add(c, scopes: scopes + ["markup.italic"], link: link)
                case let .strong(c): add(c, scopes: scopes + ["markup.bold"], link: link)
                case let .strikethrough(c): add(c, scopes: scopes + ["markup.strikethrough"], link: link)
                case let .link(url, c):
                    add(c, scopes: scopes + ["markup.link"], link: url)
                    let shown = c.map(\.plainText).joined()
                    let bare = url.replacingOccurrences(of: "mailto:", with: "")
                    if !url.isEmpty && shown != url && shown != bare && "http://" + shown != url {
                        text(" (\(url))", scopes + ["markup.link.url"], url)
                    }
                case let .image(url, alt):
                    let a = alt.map(\.plainText).joined()
                    text(a.isEmpty ? "[image]" : "[image: \(a)]", scopes + ["markup.image"], url.isEmpty ? nil : url)
                case let .html(h): text(h, scopes + ["markup.html"], link)
                case let .footnoteReference(l): text("[^\(l)]", scopes + ["markup.link"], link)
                case let .math(tex, display):
                    if display {
                        endLine()
                        pieces.append(.displayMath(tex))
                    } else {
                        text(MathText.render(tex), scopes + ["markup.math"], link)
                    }
                }
            }
        }
    }
}
