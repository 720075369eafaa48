import EditorCore
import TermCore

/// Draws a `TextEditorState` into a rectangle of a `CellBuffer`: optional line numbers, soft wrap or
/// horizontal scrolling, selection and matching-bracket highlights, and the cursor's screen position.
///
/// Only the rows that fit are laid out, from the scroll position down, so a 10,000-line cell costs
/// what its visible part costs. Colours come from theme scopes through a resolver (`ui.selection`,
/// `ui.linenr`, `ui.linenr.selected`, `ui.bracket.match`, the base scope); syntax colours from a
/// caller's line styler (the highlighter), which returns the spans of one line.
public struct TextEditorView: Hashable, Sendable {
    /// Display settings (`editor.line-numbers`, `editor.soft-wrap`).
    public struct Options: Hashable, Sendable {
        public var lineNumbers: Bool
        public var softWrap: Bool
        /// The scope the text area is filled with.
        public var baseScope: String
        /// Draw the cursor cell in `ui.cursor` (for a view that does not own the terminal cursor).
        public var drawsCursor: Bool

        public init(lineNumbers: Bool = false, softWrap: Bool = true, baseScope: String = "default", drawsCursor: Bool = false) {
            self.lineNumbers = lineNumbers
            self.softWrap = softWrap
            self.baseScope = baseScope
            self.drawsCursor = drawsCursor
        }
    }

    /// One screen row: a piece of a buffer line (the whole line without soft wrap).
    public struct Row: Hashable, Sendable {
        public var line: Int
        /// Grapheme columns `startColumn..<endColumn` of the line.
        public var startColumn: Int
        public var endColumn: Int
        /// The display column of the piece's start within the line.
        public var startX: Int
        /// Which piece of the line this is (0 for the first).
        public var index: Int
        /// Whether this is the line's last piece.
        public var isLast: Bool
    }

    /// The spans of line `index` (whose text is given) as the highlighter colours it.
    public typealias LineStyler = (_ index: Int, _ text: String) -> [Span]

    public var options: Options
    /// The first line shown.
    public internal(set) var topLine = 0
    /// The first piece of `topLine` shown (soft wrap).
    public internal(set) var topRow = 0
    /// The first display column shown (without soft wrap).
    public internal(set) var leftColumn = 0

    public init(options: Options = Options()) { self.options = options }

    /// Columns the line numbers take (digits of the last line number, at least 3, and a space).
    public func gutterWidth(lineCount: Int) -> Int {
        guard options.lineNumbers else { return 0 }
        return max(3, String(lineCount).count) + 1
    }

    /// The text area of `rect`: without the gutter.
    public func textRect(_ rect: Rect, lineCount: Int) -> Rect {
        rect.inset(left: min(rect.width, gutterWidth(lineCount: lineCount)))
    }

    /// Scrolls to `top` directly (mouse wheel), clamped to the text.
    public mutating func scroll(toLine line: Int, row: Int = 0, lineCount: Int) {
        topLine = min(max(line, 0), max(lineCount - 1, 0))
        topRow = max(row, 0)
    }
}
