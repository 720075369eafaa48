/// One line of styled text: spans laid side by side.
public struct Line: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var spans: [Span]
    /// The row of a picture these symbols show, when the terminal can draw it in pixels instead.
    public var picture: PictureRow?

    public init(_ spans: [Span] = []) { self.spans = spans }
    public init(_ text: String, style: Style = .plain) { self.spans = text.isEmpty ? [] : [Span(text, style: style)] }
    public init(stringLiteral value: String) { self.init(value) }

    /// The plain text, styles dropped.
    public var plainText: String { spans.map(\.text).joined() }
    public var description: String { plainText }
    /// The columns the line takes.
    public var width: Int { spans.reduce(0) { $0 + $1.width } }

    /// Appends a span.
    public mutating func append(_ span: Span) { spans.append(span) }

    /// The line cut to at most `width` columns. When it does not fit, it ends with `ellipsis` (in the
    /// style of the last kept span) and never splits a character: the result may be one column short
    /// when a wide character would have straddled the cut.
    public func truncated(to width: Int, ellipsis: String = "…") -> Line {
        guard width > 0 else { return Line() }
        if self.width <= width { return self }
        let ellipsisWidth = ellipsis.displayWidth
        guard ellipsisWidth <= width else { return Line() }
        var budget = width - ellipsisWidth
        var out: [Span] = []
        var lastStyle = spans.first?.style ?? .plain
        for span in spans {
            let (kept, used) = GraphemeCut.prefix(of: span.text, fitting: budget)
            if !kept.isEmpty { out.append(Span(String(kept), style: span.style)) }
            lastStyle = span.style
            budget -= used
            if kept.endIndex < span.text.endIndex { break }
        }
        if !ellipsis.isEmpty { out.append(Span(ellipsis, style: lastStyle)) }
        return Line(out)
    }

    /// The line broken into lines of at most `width` columns. Word wrap drops the spaces at each break.
    /// A character wider than `width` is placed alone on its own line.
    public func wrapped(width: Int, mode: WrapMode = .word) -> [Line] {
        guard width > 0 else { return [self] }
        if self.width <= width { return [self] }
        var pieces: [(ch: Character, w: Int, span: Int)] = []
        for (si, span) in spans.enumerated() {
            for ch in span.text { pieces.append((ch, DisplayWidth.of(ch), si)) }
        }
        var lines: [Line] = []
        var start = 0
        while start < pieces.count {
            var used = 0, end = start, lastSpace = -1
            while end < pieces.count {
                let p = pieces[end]
                if used + p.w > width && end > start { break }
                if p.ch == " " { lastSpace = end }
                used += p.w
                end += 1
            }
            var next = end
            if mode == .word && end < pieces.count && pieces[end].ch != " " && lastSpace > start {
                end = lastSpace
                next = lastSpace
            }
            if mode == .word {
                while end > start && pieces[end - 1].ch == " " { end -= 1 }
                while next < pieces.count && pieces[next].ch == " " { next += 1 }
            }
            lines.append(Line.assemble(pieces[start..<end], spans: spans))
            start = next
        }
        return lines.isEmpty ? [Line()] : lines
    }

    private static func assemble(_ slice: ArraySlice<(ch: Character, w: Int, span: Int)>, spans: [Span]) -> Line {
        var out: [Span] = []
        var current = -1
        var text = ""
        for p in slice {
            if p.span != current {
                if current >= 0 { out.append(Span(text, style: spans[current].style)) }
                current = p.span
                text = ""
            }
            text.append(p.ch)
        }
        if current >= 0 { out.append(Span(text, style: spans[current].style)) }
        return Line(out)
    }
}

/// Several lines of styled text.
public struct Text: Hashable, Sendable, ExpressibleByStringLiteral {
    public var lines: [Line]

    public init(_ lines: [Line] = []) { self.lines = lines }
    /// Text split at newlines (`\n`, `\r\n`), every line in `style`.
    public init(_ string: String, style: Style = .plain) {
        lines = string.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { Line(String($0), style: style) }
    }
    public init(stringLiteral value: String) { self.init(value) }

    /// The widest line's width.
    public var width: Int { lines.map(\.width).max() ?? 0 }
    /// The number of lines.
    public var height: Int { lines.count }

    /// Every line wrapped to `width` columns.
    public func wrapped(width: Int, mode: WrapMode = .word) -> Text {
        Text(lines.flatMap { $0.wrapped(width: width, mode: mode) })
    }

    /// Every line truncated to `width` columns with an ellipsis.
    public func truncated(to width: Int, ellipsis: String = "…") -> Text {
        Text(lines.map { $0.truncated(to: width, ellipsis: ellipsis) })
    }
}
