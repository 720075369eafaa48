import Foundation

/// Cursor positions in the Jupyter protocol count Unicode code points (not UTF-16 units, not
/// grapheme clusters).
public enum CursorPosition {
    /// The code point offset of `index` in `text`.
    public static func codePoints(in text: String, at index: String.Index) -> Int {
        text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: index)
    }

    /// The index `offset` code points into `text`, clamped to its bounds.
    public static func index(in text: String, codePoints offset: Int) -> String.Index {
        let scalars = text.unicodeScalars
        return scalars.index(scalars.startIndex, offsetBy: max(0, offset), limitedBy: scalars.endIndex) ?? scalars.endIndex
    }
}
