/// A markdown document as plain Swift values, read from cmark-gfm's tree by `MarkdownParser`.
indirect enum MarkdownBlock: Hashable, Sendable {
    case paragraph([MarkdownInline])
    case heading(level: Int, [MarkdownInline])
    case codeBlock(info: String, code: String)
    case html(String)
    case rule
    case quote([MarkdownBlock])
    case list(ordered: Bool, start: Int, parenDelimiter: Bool, tight: Bool, items: [MarkdownListItem])
    case table(alignments: [ColumnAlignment], header: [[MarkdownInline]], rows: [[[MarkdownInline]]])
    case footnote(label: String, [MarkdownBlock])
}

/// One item of a list; `checked` is set for task list items.
struct MarkdownListItem: Hashable, Sendable {
    var checked: Bool?
    var blocks: [MarkdownBlock]
}

/// How a table column's cells line up.
public enum ColumnAlignment: Hashable, Sendable {
    case left, center, right
}

/// Inline markdown content.
indirect enum MarkdownInline: Hashable, Sendable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case strikethrough([MarkdownInline])
    case link(url: String, [MarkdownInline])
    case image(url: String, alt: [MarkdownInline])
    case html(String)
    case footnoteReference(String)
    case math(String, display: Bool)

    /// The text without markup (an image's alt text, a heading's plain form).
    var plainText: String {
        switch self {
        case let .text(t), let .code(t), let .html(t): return t
        case .softBreak: return " "
        case .lineBreak: return "\n"
        case let .emphasis(c), let .strong(c), let .strikethrough(c), let .link(_, c), let .image(_, c): return c.map(\.plainText).joined()
        case let .footnoteReference(l): return "[^\(l)]"
        case let .math(t, _): return MathText.render(t)
        }
    }
}
