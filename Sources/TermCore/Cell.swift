/// One screen cell: a grapheme cluster, its style and its width.
///
/// A wide character (2 columns) is stored in its first cell with `width == 2`; the cell to its right is a
/// continuation cell (`width == 0`, empty grapheme) carrying the same style.
public struct Cell: Hashable, Sendable {
    /// The grapheme cluster drawn here; empty for a continuation cell.
    public var grapheme: String
    public var style: Style
    /// 1 for a normal cell, 2 for the head of a wide character, 0 for its continuation.
    public var width: UInt8

    public init(_ grapheme: String = " ", style: Style = .plain, width: UInt8 = 1) {
        self.grapheme = grapheme
        self.style = style
        self.width = width
    }

    /// A blank cell in `style`.
    public static func blank(_ style: Style = .plain) -> Cell { Cell(" ", style: style, width: 1) }
    /// The continuation of a wide character.
    static func continuation(_ style: Style) -> Cell { Cell("", style: style, width: 0) }

    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { width == 0 }
}
