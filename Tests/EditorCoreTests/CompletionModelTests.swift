import EditorCore
import JupyterProtocol
import Testing

/// The completion model: reading `complete_reply`, filtering as the user types, code-point offsets
/// and the ranges accepting replaces.
@Suite struct CompletionModelTests {
    /// A buffer with the cursor at the end of its text.
    func end(_ text: String) -> (TextBuffer, TextPosition) {
        let b = TextBuffer(text)
        return (b, b.endPosition)
    }

    func update(_ s: inout CompletionSession, _ b: TextBuffer, _ c: TextPosition) -> Bool {
        s.update(buffer: b, cursor: c)
    }

    func reply(_ matches: [String], start: Int, end: Int, types: [(String, String)]? = nil) -> MessageJSON {
        var content: [String: MessageJSON] = ["status": "ok", "matches": .array(matches.map { .string($0) }),
                                              "cursor_start": .int(start), "cursor_end": .int(end)]
        if let types {
            content["metadata"] = ["_jupyter_types_experimental": .array(types.map { ["text": .string($0.0), "type": .string($0.1),
                                                                                       "start": .int(start), "end": .int(end)] })]
        } else {
            content["metadata"] = .object([:])
        }
        return .object(content)
    }

    @Test func readsMatchesRangeAndTypes() throws {
        let r = try #require(CompletionReply(content: reply(["os", "operator", "os"], start: 7, end: 8,
                                                            types: [("os", "module"), ("operator", "module"), ("os", "module")]), cursor: 8))
        #expect(r.items.map(\.label) == ["os", "operator"])
        #expect(r.items.map(\.type) == ["module", "module"])
        #expect(r.start == 7 && r.end == 8)
        // Types paired by text when the lists do not line up; `<unknown>` means no type.
        let byText = try #require(CompletionReply(content: reply(["print", "private"], start: 0, end: 3,
                                                                 types: [("private", "<unknown>"), ("print", "function"), ("x", "y")]), cursor: 3))
        #expect(byText.items.map(\.type) == ["function", nil])
        #expect(CompletionReply(content: ["status": "error", "ename": "X"], cursor: 0) == nil)
        // A start past the cursor is clamped to it.
        let odd = try #require(CompletionReply(content: reply(["a"], start: 9, end: 9), cursor: 4))
        #expect(odd.start == 4)
    }

    @Test func filtersPrefixFirstThenFuzzy() throws {
        let items = ["print", "property", "Print", "sprint", "repr", "pr_x"].map { CompletionItem(label: $0) }
        var s = CompletionSession(reply: CompletionReply(items: items, start: 0, end: 0), cellUID: 1, requestCursor: 0)
        var (b, c) = end("")
        #expect(update(&s, b, c))
        #expect(s.entries.map(\.item.label) == ["print", "property", "Print", "sprint", "repr", "pr_x"])
        (b, c) = end("pr")
        #expect(update(&s, b, c))
        #expect(s.entries.map(\.item.label).prefix(4) == ["print", "property", "pr_x", "Print"])
        #expect(Set(s.entries.map(\.item.label).suffix(2)) == ["sprint", "repr"])
        #expect(s.entries[0].positions == [0, 1])
        (b, c) = end("pint")
        #expect(update(&s, b, c))
        #expect(s.entries.map(\.item.label) == ["print", "Print", "sprint"])
        (b, c) = end("zzz")
        #expect(!update(&s, b, c), "nothing matches: the list closes")
        (b, c) = end("pr int")
        #expect(!update(&s, b, c), "white space ends the completed word")
    }

    @Test func narrowingAsYouTypeGivesWhatAFreshFilterGives() {
        let items = ["print", "property", "Print", "sprint", "repr", "pr_x", "pint", "paint", "zip"].map { CompletionItem(label: $0) }
        let reply = CompletionReply(items: items, start: 0, end: 0)
        var typed = CompletionSession(reply: reply, cellUID: 1, requestCursor: 0)
        for text in ["p", "pi", "pin", "pint"] {
            let (b, c) = end(text)
            var fresh = CompletionSession(reply: reply, cellUID: 1, requestCursor: 0)
            #expect(update(&typed, b, c) == update(&fresh, b, c))
            #expect(typed.entries == fresh.entries, "\(text)")
        }
        let (b, c) = end("pr")
        var fresh = CompletionSession(reply: reply, cellUID: 1, requestCursor: 0)
        #expect(update(&typed, b, c) && update(&fresh, b, c))
        #expect(typed.entries == fresh.entries, "a shorter query filters all the matches again")
    }

    @Test func cursorBeforeTheStartCloses() {
        var s = CompletionSession(reply: CompletionReply(items: [CompletionItem(label: "path")], start: 3, end: 5), cellUID: 1, requestCursor: 5)
        let b = TextBuffer("os.pa")
        #expect(update(&s, b, TextPosition(line: 0, column: 5)))
        #expect(s.query == "pa")
        #expect(update(&s, b, TextPosition(line: 0, column: 3)))
        #expect(!update(&s, b, TextPosition(line: 0, column: 2)))
    }

    @Test func codePointOffsetsWithEmojiBeforeTheCursor() throws {
        // 👍🏽 is one character of two code points; é written decomposed is one character of two.
        let text = "s = '👍🏽e\u{301}'\npri"
        let b = TextBuffer(text)
        let cursor = b.endPosition
        let offset = b.scalarOffset(of: cursor)
        #expect(offset == text.unicodeScalars.count)
        #expect(offset == 14)
        let r = try #require(CompletionReply(content: reply(["print", "private"], start: offset - 3, end: offset), cursor: offset))
        var s = CompletionSession(reply: r, cellUID: 1, requestCursor: offset)
        #expect(update(&s, b, cursor))
        #expect(s.query == "pri")
        let edit = try #require(s.acceptEdit(buffer: b, cursor: cursor))
        #expect(edit.range == TextRange(TextPosition(line: 1, column: 0), TextPosition(line: 1, column: 3)))
        #expect(edit.text == "print")
        var after = b
        after.replace(edit.range, with: edit.text)
        #expect(after.text == "s = '👍🏽e\u{301}'\nprint")
        // On one line: the start lands after the emoji, not inside it.
        let one = TextBuffer("x👍🏽.up")
        let start = one.scalarOffset(of: TextPosition(line: 0, column: 3))
        #expect(start == 4)
        #expect(one.position(scalarOffset: start) == TextPosition(line: 0, column: 3))
    }

    @Test func acceptStretchesOverWhatWasTypedAndTheKernelsEnd() throws {
        // Requested at "im|" (cursor 2); the user typed "p" before the list opened.
        let items = [CompletionItem(label: "import"), CompletionItem(label: "imaginary")]
        var s = CompletionSession(reply: CompletionReply(items: items, start: 0, end: 2), cellUID: 1, requestCursor: 2)
        var b = TextBuffer("imp")
        #expect(update(&s, b, b.endPosition))
        #expect(s.entries.map(\.item.label) == ["import"])
        var edit = try #require(s.acceptEdit(buffer: b, cursor: b.endPosition))
        #expect(edit.range == TextRange(.zero, TextPosition(line: 0, column: 3)))
        // The kernel replaces past the cursor ("pri|nt(" completed at 3 with end 5).
        let mid = CompletionSession(reply: CompletionReply(items: [CompletionItem(label: "print")], start: 0, end: 5), cellUID: 1, requestCursor: 3)
        b = TextBuffer("print(")
        edit = mid.acceptEdit(CompletionItem(label: "print"), buffer: b, cursor: TextPosition(line: 0, column: 3))
        #expect(edit.range == TextRange(.zero, TextPosition(line: 0, column: 5)))
        b.replace(edit.range, with: edit.text)
        #expect(b.text == "print(")
        // The inserted text is the item's text, which may differ from its label.
        let typed = CompletionItem(label: "%%time", text: "%%time ", type: "magic")
        #expect(mid.acceptEdit(typed, buffer: TextBuffer("%%ti"), cursor: TextPosition(line: 0, column: 4)).text == "%%time ")
    }

    @Test func commonPrefixIsTypedWhenLongerThanTheQuery() throws {
        let items = ["isinstance", "issubclass", "iter"].map { CompletionItem(label: $0) }
        var s = CompletionSession(reply: CompletionReply(items: items, start: 0, end: 2), cellUID: 1, requestCursor: 2)
        let (b, c) = end("is")
        #expect(update(&s, b, c))
        #expect(s.commonPrefixEdit(buffer: b, cursor: c) == nil, "isinstance and issubclass share only \"is\"")
        let (b2, c2) = end("i")
        #expect(update(&s, b2, c2))
        #expect(s.commonPrefixEdit(buffer: b2, cursor: c2) == nil)
        let items2 = ["to_csv", "to_dict", "to_json"].map { CompletionItem(label: $0) }
        var t = CompletionSession(reply: CompletionReply(items: items2, start: 3, end: 4), cellUID: 1, requestCursor: 4)
        let (b3, c3) = end("df.t")
        #expect(update(&t, b3, c3))
        let edit = try #require(t.commonPrefixEdit(buffer: b3, cursor: c3))
        #expect(edit.text == "to_" && edit.range == TextRange(TextPosition(line: 0, column: 3), c3))
    }

    @Test func highlightWrapsAndPagesStop() {
        let items = (0..<25).map { CompletionItem(label: "name\($0)") }
        var s = CompletionSession(reply: CompletionReply(items: items, start: 0, end: 0), cellUID: 1, requestCursor: 0)
        let (b, c) = end("")
        _ = update(&s, b, c)
        s.visibleRows = 10
        s.move(by: -1)
        #expect(s.selected == 24 && s.scroll == 15)
        s.move(by: 1)
        #expect(s.selected == 0 && s.scroll == 0)
        s.page(1)
        #expect(s.selected == 9)
        s.page(1); s.page(1); s.page(1)
        #expect(s.selected == 24 && s.scroll == 15)
        s.page(-1)
        #expect(s.selected == 15 && s.scroll == 15)
    }
}
