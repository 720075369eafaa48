/// Typing, deleting and line breaks, with auto-closed brackets and auto-indent.
extension TextEditorState {
    static let openers: [Character: Character] = ["(": ")", "[": "]", "{": "}", "\"": "\"", "'": "'", "`": "`"]
    static let closerSet: Set<Character> = [")", "]", "}", "\"", "'", "`"]
    static let quotes: Set<Character> = ["\"", "'", "`"]

    /// Types `text` at the cursor as the user would: one character at a time gets auto-closing,
    /// overtyping and selection wrapping; longer text is inserted as it is.
    public mutating func type(_ text: String, now: Double) {
        guard text.count == 1, let c = text.first else {
            insertText(text, now: now)
            return
        }
        if !selection.isEmpty {
            if options.autoCloseBrackets, let close = Self.openers[c] {
                wrapSelection(open: c, close: close, now: now)
            } else {
                replaceSelection(with: text, kind: .insert, now: now)
            }
            return
        }
        let p = cursor
        let next = buffer.character(at: p)
        if Self.closerSet.contains(c), next == c, autoClosed.contains(p) {
            removeAutoClosed(p)
            selection = Selection(cursor: TextPosition(line: p.line, column: p.column + 1))
            return
        }
        if options.autoCloseBrackets, let close = Self.openers[c], shouldAutoClose(c, at: p) {
            shiftAutoClosed(line: p.line, after: p.column, by: 2)
            edit(.insert, now: now) { b in
                b.insert(String(c) + String(close), at: p)
                return Selection(cursor: TextPosition(line: p.line, column: p.column + 1))
            }
            noteAutoClosed(TextPosition(line: p.line, column: p.column + 1))
            return
        }
        if overwrite, next != nil {
            edit(.insert, now: now) { b in
                b.replace(TextRange(p, TextPosition(line: p.line, column: p.column + 1)), with: text)
                return Selection(cursor: TextPosition(line: p.line, column: p.column + 1))
            }
            return
        }
        shiftAutoClosed(line: p.line, after: p.column, by: 1)
        edit(.insert, now: now) { b in
            let change = b.insert(text, at: p)
            return Selection(cursor: change.newEnd)
        }
    }

    /// Inserts `text` (a paste) in place of the selection as one undo step.
    public mutating func insertText(_ text: String, now: Double) {
        replaceSelection(with: text, kind: .other, now: now)
    }

    /// Whether typing `c` at `p` should insert its closer too (CodeMirror's rules: before whitespace,
    /// a closer or punctuation that ends an expression; quotes not after a word, except Python
    /// string prefixes like `f` or `rb`).
    func shouldAutoClose(_ c: Character, at p: TextPosition) -> Bool {
        let next = buffer.character(at: p)
        if let n = next, !(n.isWhitespace || ")]},:;".contains(n)) { return false }
        guard Self.quotes.contains(c) else { return true }
        let before = buffer.line(p.line)[..<buffer.index(column: p.column, inLine: p.line)]
        guard let prev = before.last else { return true }
        if prev == c { return false }
        if CharacterClass.isWord(prev) {
            let word = before.reversed().prefix { CharacterClass.isWord($0) }
            return word.count <= 2 && word.allSatisfy { "rRbBfFuU".contains($0) }
        }
        return true
    }

    private mutating func wrapSelection(open: Character, close: Character, now: Double) {
        let r = selection.range
        let forward = selection.head >= selection.anchor
        edit(.other, now: now) { b in
            b.insert(String(close), at: r.end)
            b.insert(String(open), at: r.start)
            let s = TextPosition(line: r.start.line, column: r.start.column + 1)
            let e = r.end.line == r.start.line ? TextPosition(line: r.end.line, column: r.end.column + 1) : r.end
            return forward ? Selection(anchor: s, head: e) : Selection(anchor: e, head: s)
        }
    }

    /// Backspace: deletes the selection; or an empty bracket pair around the cursor; or back to the
    /// previous indentation stop inside leading blanks; or one character (joining lines at a start).
    public mutating func deleteBackward(now: Double) {
        if !selection.isEmpty { replaceSelection(with: "", kind: .delete, now: now); return }
        let p = cursor
        if p.column == 0 {
            guard p.line > 0 else { return }
            let end = TextPosition(line: p.line - 1, column: buffer.lineLength(p.line - 1))
            edit(.delete, now: now) { b in
                b.delete(TextRange(end, p))
                return Selection(cursor: end)
            }
            return
        }
        let line = buffer.line(p.line)
        let prev = line[line.index(buffer.index(column: p.column, inLine: p.line), offsetBy: -1)]
        var from = p.column - 1, to = p.column
        if let close = Self.openers[prev], buffer.character(at: p) == close {
            to += 1
        } else if prev == " ", line[..<buffer.index(column: p.column, inLine: p.line)].allSatisfy({ $0 == " " }) {
            let width = options.tabWidth
            from = max(0, ((p.column - 1) / width) * width)
        }
        shiftAutoClosed(line: p.line, after: p.column, by: -(to - from))
        edit(.delete, now: now) { b in
            b.delete(TextRange(TextPosition(line: p.line, column: from), TextPosition(line: p.line, column: to)))
            return Selection(cursor: TextPosition(line: p.line, column: from))
        }
    }

    /// Delete: deletes the selection, or the character after the cursor (joining lines at an end).
    public mutating func deleteForward(now: Double) {
        if !selection.isEmpty { replaceSelection(with: "", kind: .delete, now: now); return }
        let p = cursor
        let q = TextMotion.right(buffer, p)
        guard q != p else { return }
        shiftAutoClosed(line: p.line, after: p.column + 1, by: -1)
        removeAutoClosed(p)
        edit(.delete, now: now) { b in
            b.delete(TextRange(p, q))
            return Selection(cursor: p)
        }
    }

    /// Deletes from the cursor to where `motion` leads (or the selection when there is one).
    public mutating func deleteTo(now: Double, _ motion: (TextBuffer, TextPosition) -> TextPosition) {
        if !selection.isEmpty { replaceSelection(with: "", kind: .delete, now: now); return }
        let p = cursor, q = motion(buffer, p)
        guard q != p else { return }
        edit(.delete, now: now) { b in
            b.delete(TextRange(p, q))
            return Selection(cursor: min(p, q))
        }
    }

    // MARK: - Line breaks

    /// The indentation for a line following `line`'s text up to `column`.
    public func indentation(after line: Int, column: Int) -> String {
        let text = buffer.line(line)
        let before = String(text[..<buffer.index(column: column, inLine: line)])
        var indent = String(before.prefix { $0 == " " || $0 == "\t" })
        let code = Self.strippingComment(before, token: options.language.lineComment).trimmingTrailingBlanks
        let unit = options.indentUnit
        if options.language.indentsAfterColon, code.hasSuffix(":") {
            indent += unit
        } else if let first = code.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "(" }).first,
                  options.language.dedentAfter.contains(String(first)) {
            indent = Self.removingOneLevel(indent, tabWidth: options.tabWidth)
        }
        return indent
    }

    /// Enter: a line break with the indentation kept (and adjusted for the language). Between an
    /// empty bracket pair the closer moves to a line of its own. Blanks before the cursor on a line
    /// with nothing else are removed.
    public mutating func newline(now: Double) {
        let r = selection.range
        let p = r.start
        let indent = indentation(after: p.line, column: p.column)
        let line = buffer.line(p.line)
        let beforeCursor = line[..<buffer.index(column: p.column, inLine: p.line)]
        let blankBefore = beforeCursor.allSatisfy { $0 == " " || $0 == "\t" }
        var start = p
        if blankBefore && r.isEmpty { start = TextPosition(line: p.line, column: 0) }
        let prev = beforeCursor.last
        let between = r.isEmpty && prev.map { Self.openers[$0] != nil && !Self.quotes.contains($0) } == true
            && buffer.character(at: p) == Self.openers[prev!]
        let unit = options.indentUnit
        edit(.newline, now: now) { b in
            if between {
                let outer = String(beforeCursor.prefix { $0 == " " || $0 == "\t" })
                let inner = indent.count > outer.count ? indent : outer + unit
                b.replace(TextRange(start, r.end), with: "\n" + inner + "\n" + outer)
                return Selection(cursor: TextPosition(line: p.line + 1, column: inner.count))
            }
            let change = b.replace(TextRange(start, r.end), with: "\n" + indent)
            return Selection(cursor: change.newEnd)
        }
    }

    /// `text` without a trailing line comment (a token outside quotes).
    static func strippingComment(_ text: String, token: String?) -> String {
        guard let token, let first = token.first, text.contains(first) else { return text }
        var quote: Character?
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if let q = quote {
                if c == "\\" { i = text.index(after: i); if i < text.endIndex { i = text.index(after: i) }; continue }
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if text[i...].hasPrefix(token) {
                return String(text[..<i])
            }
            i = text.index(after: i)
        }
        return text
    }

    /// `indent` with one level (`tabWidth` spaces or a tab) removed from its end.
    static func removingOneLevel(_ indent: String, tabWidth: Int) -> String {
        if indent.hasSuffix("\t") { return String(indent.dropLast()) }
        let spaces = indent.reversed().prefix { $0 == " " }.count
        let remove = spaces == 0 ? 0 : (spaces % tabWidth == 0 ? tabWidth : spaces % tabWidth)
        return String(indent.dropLast(remove))
    }
}

extension StringProtocol {
    /// The text without trailing spaces and tabs.
    var trimmingTrailingBlanks: String {
        var s = String(self)
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}
