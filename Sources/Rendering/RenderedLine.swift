import TermCore

/// Turns a semantic scope name (`markup.heading.1`, `syntax.keyword`) into a style. The theme of the
/// editor is the usual resolver; Rendering never names a colour itself.
public protocol StyleResolver {
    /// The style for `scope` (with whatever fallback the resolver applies).
    func style(forScope scope: String) -> Style
}

/// A `StyleResolver` from a closure.
public struct ClosureStyleResolver: StyleResolver {
    let resolve: (String) -> Style
    public init(_ resolve: @escaping (String) -> Style) { self.resolve = resolve }
    public func style(forScope scope: String) -> Style { resolve(scope) }
}

/// A run of rendered text: the semantic scopes it is in (outermost first), a literal style (only
/// ANSI output and images carry one: the output's own colours), and an optional hyperlink target
/// (shown by terminals that support OSC 8).
public struct RenderedSpan: Hashable, Sendable, CustomStringConvertible {
    public var text: String
    public var scopes: [String]
    public var style: Style
    public var link: String?

    public init(_ text: String, scopes: [String] = [], style: Style = .plain, link: String? = nil) {
        self.text = text
        self.scopes = scopes
        self.style = style
        self.link = link
    }

    /// A span in one scope.
    public init(_ text: String, scope: String, link: String? = nil) {
        self.init(text, scopes: [scope], link: link)
    }

    /// The columns the text takes.
    public var width: Int { text.displayWidth }
    public var description: String { text }

    /// The style to draw with: every scope's style laid over the one before, then the literal style.
    public func resolvedStyle(_ resolver: some StyleResolver) -> Style {
        var s = Style.plain
        for scope in scopes { s = s.patched(with: resolver.style(forScope: scope)) }
        return s.patched(with: style)
    }

    /// The text with its scopes in front, for tests and debugging: `{markup.bold|text}`; plain
    /// spans with no scopes are written as their text.
    public var annotated: String {
        var tags = scopes
        if style != .plain { tags.append("style") }
        if let link { tags.append("link=\(link)") }
        return tags.isEmpty ? text : "{\(tags.joined(separator: ","))|\(text)}"
    }
}

/// One rendered line: spans laid side by side. Converts to a TermCore `Line` through a resolver.
public struct RenderedLine: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var spans: [RenderedSpan]
    /// The picture row these symbols show (see `Line.picture`).
    public var picture: PictureRow?

    public init(_ spans: [RenderedSpan] = []) { self.spans = spans }
    public init(stringLiteral value: String) { self.spans = value.isEmpty ? [] : [RenderedSpan(value)] }
    /// A line of plain text with no scope.
    public init(_ text: String) { self.spans = text.isEmpty ? [] : [RenderedSpan(text)] }
    /// A line of one span in `scope`.
    public init(_ text: String, scope: String) { self.spans = text.isEmpty ? [] : [RenderedSpan(text, scope: scope)] }
    /// A line from styled TermCore text (ANSI output, images): literal styles, no scopes.
    public init(_ line: Line) {
        self.spans = line.spans.map { RenderedSpan($0.text, style: $0.style) }
        self.picture = line.picture
    }

    /// The plain text, styles dropped.
    public var plainText: String { spans.map(\.text).joined() }
    public var description: String { plainText }
    /// The columns the line takes.
    public var width: Int { spans.reduce(0) { $0 + $1.width } }
    /// Every span annotated (see `RenderedSpan.annotated`).
    public var annotated: String { spans.map(\.annotated).joined() }

    /// Appends a span, merging it into the last one when they look the same.
    public mutating func append(_ span: RenderedSpan) {
        guard !span.text.isEmpty else { return }
        if let last = spans.last, last.scopes == span.scopes, last.style == span.style, last.link == span.link {
            spans[spans.count - 1].text += span.text
        } else {
            spans.append(span)
        }
    }

    /// Removes spaces at the end of the line.
    public mutating func trimTrailingSpaces() {
        while let last = spans.last, last.text.hasSuffix(" ") {
            spans[spans.count - 1].text.removeLast()
            if spans[spans.count - 1].text.isEmpty { spans.removeLast() }
        }
    }

    /// Appends every span of `other`.
    public mutating func append(contentsOf other: RenderedLine) { for s in other.spans { append(s) } }

    /// The line with `scope` added in front of every span's scopes (unless a span already starts
    /// with it); neighbouring spans that end up alike are merged.
    public func inScope(_ scope: String) -> RenderedLine {
        var out = RenderedLine()
        for s in spans {
            out.append(RenderedSpan(s.text, scopes: s.scopes.first == scope ? s.scopes : [scope] + s.scopes, style: s.style, link: s.link))
        }
        return out
    }

    /// The TermCore line to draw, styles resolved.
    public func line(_ resolver: some StyleResolver) -> Line {
        var out = Line(spans.map { Span($0.text, style: $0.resolvedStyle(resolver)) })
        out.picture = picture
        return out
    }

    /// The hyperlinks of the line with the columns they cover, for OSC 8 output.
    public var links: [(columns: Range<Int>, url: String)] {
        var out: [(columns: Range<Int>, url: String)] = []
        var col = 0
        for s in spans {
            let w = s.width
            if let url = s.link { out.append((col..<col + w, url)) }
            col += w
        }
        return out
    }

    /// The line cut to `width` columns with an ellipsis (see `Line.truncated`).
    public func truncated(to width: Int, ellipsis: String = "…") -> RenderedLine {
        if self.width <= width { return self }
        let (line, table) = encoded()
        return RenderedLine.decoded(line.truncated(to: width, ellipsis: ellipsis), table)
    }

    /// The line wrapped to `width` columns (see `Line.wrapped`).
    public func wrapped(width: Int, mode: WrapMode = .word) -> [RenderedLine] {
        if self.width <= width || width <= 0 { return [self] }
        let (line, table) = encoded()
        return line.wrapped(width: width, mode: mode).map { RenderedLine.decoded($0, table) }
    }

    /// TermCore's line algorithms work on styles; each span gets a unique stand-in style (its index
    /// as an RGB foreground) so the spans can be recovered after wrapping or truncation.
    private func encoded() -> (Line, [RenderedSpan]) {
        var out: [Span] = []
        for (i, s) in spans.enumerated() {
            out.append(Span(s.text, style: Style(foreground: .rgb(UInt8(i >> 16 & 0xFF), UInt8(i >> 8 & 0xFF), UInt8(i & 0xFF)))))
        }
        return (Line(out), spans)
    }

    private static func decoded(_ line: Line, _ table: [RenderedSpan]) -> RenderedLine {
        var out = RenderedLine()
        for s in line.spans {
            guard case let .rgb(a, b, c)? = s.style.foreground else { continue }
            let i = Int(a) << 16 | Int(b) << 8 | Int(c)
            guard i < table.count else { continue }
            let t = table[i]
            out.append(RenderedSpan(s.text, scopes: t.scopes, style: t.style, link: t.link))
        }
        return out
    }
}

extension Array where Element == RenderedLine {
    /// The plain text of the lines joined with newlines.
    public var plainText: String { map(\.plainText).joined(separator: "\n") }
    /// The annotated text of the lines joined with newlines.
    public var annotated: String { map(\.annotated).joined(separator: "\n") }
    /// The TermCore lines to draw.
    public func lines(_ resolver: some StyleResolver) -> [Line] { map { $0.line(resolver) } }
}
