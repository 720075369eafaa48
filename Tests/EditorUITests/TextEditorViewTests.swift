import Testing
import TermCore
import TestSupport
import EditorCore
@testable import EditorUI

/// The shipped dark theme, as the application resolves scopes.
private let darkTheme = ThemeLoader(locator: ResourceLocator(userDirectory: nil, installedDirectory: nil)).load("dark").theme

/// Marks scopes with attributes only, so plain snapshots stay readable and styled ones stable.
private func markingScopes(_ scope: String) -> Style {
    switch scope {
    case "ui.selection": return Style(attributes: .reverse)
    case "ui.linenr": return Style(attributes: .dim)
    case "ui.linenr.selected": return Style(attributes: .bold)
    case "ui.bracket.match": return Style(attributes: .underline)
    case "ui.cursor": return Style(attributes: [.reverse, .blink])
    default: return .plain
    }
}

private func state(_ text: String, cursor: TextPosition = .zero) -> TextEditorState {
    var s = TextEditorState(text: text)
    s.setCursor(cursor)
    return s
}

@Suite struct TextEditorViewTests {
    private func draw(_ s: TextEditorState, _ view: TextEditorView, width: Int, height: Int,
                      styler: TextEditorView.LineStyler? = nil) -> (CellBuffer, Point?) {
        var buffer = CellBuffer(size: Size(width: width, height: height))
        let p = view.render(s, into: &buffer, rect: buffer.bounds, styler: styler, scope: markingScopes)
        return (buffer, p)
    }

    @Test func plainTextWithLineNumbersAndSelection() {
        var s = state("def f(x):\n    return x + 1\n\nprint(f(2))")
        s.selection = Selection(anchor: TextPosition(line: 1, column: 4), head: TextPosition(line: 3, column: 5))
        let (buffer, cursor) = draw(s, TextEditorView(options: .init(lineNumbers: true)), width: 24, height: 5)
        Snapshot.assert(buffer, named: "text-line-numbers-selection", styled: true)
        #expect(cursor == Point(x: 4 + 5, y: 3))
    }

    @Test func softWrapBreaksLongLinesAndWideCharactersStayWhole() {
        let s = state("short\n日本語のテキストがここにあります\nab😀cd", cursor: TextPosition(line: 1, column: 9))
        let (buffer, cursor) = draw(s, TextEditorView(options: .init(softWrap: true)), width: 9, height: 7)
        Snapshot.assert(buffer, named: "text-soft-wrap-wide")
        // 日本語のテ fills 8 columns of row 1 (9th would split a wide character); column 9 is on row 3.
        #expect(cursor == Point(x: 2, y: 3))
    }

    @Test func withoutWrapTheViewScrollsSidewaysToTheCursor() {
        var s = state("0123456789abcdefghij\nshort\n\tTabbed")
        s.setCursor(TextPosition(line: 0, column: 15))
        var view = TextEditorView(options: .init(softWrap: false))
        view.scrollToCursor(s, size: Size(width: 10, height: 3))
        #expect(view.leftColumn == 6)
        let (buffer, cursor) = draw(s, view, width: 10, height: 3)
        Snapshot.assert(buffer, named: "text-horizontal-scroll")
        #expect(cursor == Point(x: 9, y: 0))
        s.setCursor(TextPosition(line: 2, column: 1))
        view.scrollToCursor(s, size: Size(width: 10, height: 3))
        #expect(view.leftColumn == 4)
    }

    @Test func matchingBracketsAreHighlighted() {
        let s = state("f(a, (b))", cursor: TextPosition(line: 0, column: 1))
        let (buffer, _) = draw(s, TextEditorView(), width: 12, height: 1)
        Snapshot.assert(buffer, named: "text-bracket-match", styled: true)
        let runs = buffer.styleRuns(row: 0).filter { $0.style.attributes.contains(.underline) }.map(\.columns)
        #expect(runs == [1..<2, 8..<9])
    }

    @Test func stylerSpansColourTheTextAndAMismatchFallsBackToPlain() {
        let s = state("x = 1")
        let keyword = Style(foreground: .indexed(4))
        let (buffer, _) = draw(s, TextEditorView(), width: 8, height: 1) { _, text in
            [Span("x", style: keyword), Span(String(text.dropFirst()))]
        }
        #expect(buffer[0, 0].style.foreground == .indexed(4))
        #expect(buffer[1, 0].style.foreground == nil)
        let (plain, _) = draw(s, TextEditorView(), width: 8, height: 1) { _, _ in [Span("other", style: keyword)] }
        #expect(plain[0, 0].style.foreground == nil)
    }

    @Test func realThemeColoursSelectionAndLineNumbers() {
        var s = state("ab\ncd")
        s.selection = Selection(anchor: .zero, head: TextPosition(line: 0, column: 1))
        var buffer = CellBuffer(size: Size(width: 8, height: 2))
        TextEditorView(options: .init(lineNumbers: true)).render(s, into: &buffer, rect: buffer.bounds, scope: darkTheme.style)
        #expect(buffer[4, 0].style.background == darkTheme.style("ui.selection").background)
        #expect(buffer[4, 0].style.background != nil)
        #expect(buffer[2, 1].style.foreground == darkTheme.style("ui.linenr").foreground)
    }

    @Test func scrollingKeepsTheCursorInViewWithWrappedLines() {
        let lines = (0..<50).map { i in i % 5 == 0 ? String(repeating: "w", count: 25) : "line \(i)" }
        var s = state(lines.joined(separator: "\n"))
        var view = TextEditorView(options: .init(softWrap: true))
        let size = Size(width: 10, height: 6)
        s.setCursor(TextPosition(line: 20, column: 24))
        view.scrollToCursor(s, size: size)
        var buffer = CellBuffer(size: size)
        let cursor = view.render(s, into: &buffer, rect: buffer.bounds, scope: markingScopes)
        #expect(cursor?.y == 5)
        Snapshot.assert(buffer, named: "text-scroll-wrapped")
        s.setCursor(TextPosition(line: 2, column: 0))
        view.scrollToCursor(s, size: size)
        #expect(view.topLine == 2 && view.topRow == 0)
        s.setCursor(TextPosition(line: 0, column: 22))
        view.scrollToCursor(s, size: size)
        #expect(view.topLine == 0 && view.topRow == 2)
    }

    @Test func aHugeCellLaysOutOnlyVisibleRows() {
        var s = state((0..<10_000).map { "line \($0)" }.joined(separator: "\n"))
        s.setCursor(TextPosition(line: 9_999, column: 3))
        var view = TextEditorView(options: .init(lineNumbers: true))
        view.scrollToCursor(s, size: Size(width: 20, height: 4))
        #expect(view.rows(s, height: 4, textWidth: 14).map(\.line) == [9_996, 9_997, 9_998, 9_999])
        var buffer = CellBuffer(size: Size(width: 20, height: 4))
        let cursor = view.render(s, into: &buffer, rect: buffer.bounds, scope: markingScopes)
        #expect(buffer.rowStrings[3] == "10000 line 9999     ")
        #expect(cursor == Point(x: 9, y: 3))
        #expect(view.height(of: s, width: 20, limit: 30) == 30)
    }

    @Test func clickingPlacesTheCursor() {
        let s = state("ab中文cd\nxy")
        let view = TextEditorView(options: .init(lineNumbers: true))
        let rect = Rect(x: 2, y: 1, width: 20, height: 4)
        #expect(view.position(at: Point(x: 6, y: 1), in: rect, state: s) == TextPosition(line: 0, column: 0))
        // Either half of 中 (columns 2-3 of the text) gives that character.
        #expect(view.position(at: Point(x: 9, y: 1), in: rect, state: s) == TextPosition(line: 0, column: 2))
        #expect(view.position(at: Point(x: 19, y: 1), in: rect, state: s) == TextPosition(line: 0, column: 6))
        #expect(view.position(at: Point(x: 7, y: 4), in: rect, state: s) == TextPosition(line: 1, column: 2))
        #expect(view.position(at: Point(x: 0, y: 0), in: rect, state: s) == nil)
        let wrapped = TextEditorView(options: .init(softWrap: true))
        let long = state("abcdefghij")
        #expect(wrapped.position(at: Point(x: 1, y: 1), in: Rect(x: 0, y: 0, width: 4, height: 3), state: long) == TextPosition(line: 0, column: 5))
    }

    @Test func drawsTheCursorCellWhenAsked() {
        let s = state("abc", cursor: TextPosition(line: 0, column: 3))
        let (buffer, cursor) = draw(s, TextEditorView(options: .init(drawsCursor: true)), width: 5, height: 1)
        #expect(cursor == Point(x: 3, y: 0))
        #expect(buffer[3, 0].style.attributes.contains(.blink))
    }

    @Test func vimVisualSelectionIsDrawnWithItsCursorOnTheLastCharacter() {
        var s = state("hello world")
        var vim = VimEditingStyle()
        for k in [Key.char("v"), Key.char("e")] { _ = vim.handle(k, state: &s, env: TextEditorEnvironment()) }
        var buffer = CellBuffer(size: Size(width: 12, height: 1))
        let cursor = TextEditorView().render(s, into: &buffer, rect: buffer.bounds, scope: markingScopes, cursor: vim.displayCursor(s))
        #expect(cursor == Point(x: 4, y: 0))
        Snapshot.assert(buffer, named: "text-vim-visual", styled: true)
    }

    @Test func controlCharactersAreShownAsSymbolsNeverSentToTheTerminal() {
        let s = state("a\u{1B}[31mb\u{7F}\u{07}", cursor: TextPosition(line: 0, column: 7))
        let (buffer, cursor) = draw(s, TextEditorView(), width: 12, height: 1)
        #expect(buffer.rowStrings[0] == "a␛[31mb␡␇   ")
        #expect(cursor == Point(x: 7, y: 0))
        #expect(buffer.cells.allSatisfy { cell in cell.grapheme.unicodeScalars.allSatisfy { $0.value >= 0x20 } })
    }

    @Test func aVeryLongLineWithoutWrapDrawsOnlyItsVisiblePart() {
        var s = state(String(repeating: "abcdefghij", count: 100_000))
        s.setCursor(TextPosition(line: 0, column: 500_005))
        var view = TextEditorView(options: .init(softWrap: false))
        view.scrollToCursor(s, size: Size(width: 10, height: 1))
        let (buffer, cursor) = draw(s, view, width: 10, height: 1)
        #expect(buffer.rowStrings[0] == "ghijabcdef")
        #expect(cursor == Point(x: 9, y: 0))
    }
}
