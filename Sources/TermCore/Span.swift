/// A run of text in one style.
public struct Span: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) { self.text = text; self.style = style }
    public init(stringLiteral value: String) { self.init(value) }

    /// The columns the text takes.
    public var width: Int { text.displayWidth }
    public var description: String { text }
}

/// How `Line.wrapped(width:mode:)` breaks lines.
public enum WrapMode: Hashable, Sendable {
    /// Break after the last space that fits; words longer than the width are broken anywhere.
    case word
    /// Break exactly at the width, inside words.
    case hard
}

/// Cutting text to a width never splits a grapheme cluster: helpers shared by `Line` and the buffer.
enum GraphemeCut {
    /// The longest prefix of `text` that fits in `width` columns, and its width.
    static func prefix(of text: String, fitting width: Int) -> (Substring, Int) {
        var used = 0
        var end = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let w = DisplayWidth.of(c)
            if used + w > width { break }
            used += w
            i = text.index(after: i)
            end = i
        }
        return (text[..<end], used)
    }
}
