/// A place in a `TextBuffer`: a 0-based line and a 0-based column counted in grapheme clusters
/// (Swift `Character`s) of that line.
///
/// Grapheme columns keep the cursor from ever landing inside an emoji, a flag or a letter with
/// combining marks. Kernels count in Unicode scalars (code points) and terminals in display columns;
/// `TextBuffer` converts to and from both (`scalarOffset(of:)`, `position(scalarOffset:)`,
/// `TextLayout.displayColumn`).
public struct TextPosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of the text.
    public static let zero = TextPosition(line: 0, column: 0)

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        lhs.line != rhs.line ? lhs.line < rhs.line : lhs.column < rhs.column
    }

    public var description: String { "\(line):\(column)" }
}

/// The text between two positions, `start` ≤ `end`.
public struct TextRange: Hashable, Sendable, CustomStringConvertible {
    public var start: TextPosition
    public var end: TextPosition

    /// The range between two positions in either order.
    public init(_ a: TextPosition, _ b: TextPosition) {
        start = min(a, b)
        end = max(a, b)
    }

    /// An empty range at `p`.
    public init(at p: TextPosition) { start = p; end = p }

    public var isEmpty: Bool { start == end }
    public var description: String { "\(start)-\(end)" }

    /// Whether `p` lies inside, ends included.
    public func contains(_ p: TextPosition) -> Bool { p >= start && p <= end }
}
