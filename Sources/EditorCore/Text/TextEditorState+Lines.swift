/// Operations on whole lines: indent, dedent, comment, duplicate, move, delete, join.
extension TextEditorState {
    /// Replaces lines `lines` with `newLines` as one undo step and sets the selection `select`
    /// computes from the new text.
    mutating func replaceLines(_ lines: ClosedRange<Int>, with newLines: [String], kind: EditKind = .other, now: Double,
                               select: (TextBuffer) -> Selection) {
        let range = TextRange(TextPosition(line: lines.lowerBound, column: 0),
                              TextPosition(line: lines.upperBound, column: buffer.lineLength(lines.upperBound)))
        edit(kind, now: now) { b in
            b.replace(range, with: newLines.joined(separator: "\n"))
            return select(b)
        }
    }

    /// The selection with both ends shifted by `delta` columns on the lines where `shift` says so.
    private static func shifted(_ s: Selection, _ shift: (Int) -> Int) -> Selection {
        func move(_ p: TextPosition) -> TextPosition {
            TextPosition(line: p.line, column: max(0, p.column + shift(p.line)))
        }
        return Selection(anchor: move(s.anchor), head: move(s.head))
    }

    /// Tab: indents the selected lines when the selection spans lines; otherwise inserts spaces to
    /// the next tab stop (replacing a selection on one line).
    public mutating func insertTab(now: Double) {
        if selection.start.line != selection.end.line { indentLines(now: now); return }
        let unit = options.insertSpaces ? String(repeating: " ", count: options.tabWidth - cursorDisplayColumn % options.tabWidth) : "\t"
        replaceSelection(with: unit, kind: .insert, now: now)
    }

    /// `editor:indent-or-complete`: Tab inside the indentation or after a blank indents; after a
    /// name it asks the caller to complete (`completer:invoke-notebook`).
    public mutating func indentOrComplete(now: Double) -> TextEditorOutcome {
        if selection.isEmpty, cursor.column > 0,
           let prev = buffer.character(at: TextPosition(line: cursor.line, column: cursor.column - 1)),
           CharacterClass.of(prev) != .whitespace {
            return .command("completer:invoke-notebook")
        }
        insertTab(now: now)
        return .handled
    }

    /// Indents the selected lines by one level (blank lines stay empty).
    public mutating func indentLines(now: Double) {
        let lines = selection.lineRange
        let unit = options.indentUnit
        let new = lines.map { l -> String in
            let s = buffer.line(l)
            return s.isEmpty ? s : unit + s
        }
        let old = selection
        let touched = Set(lines.filter { !buffer.line($0).isEmpty })
        let width = unit.count
        replaceLines(lines, with: new, now: now) { _ in
            Self.shifted(old) { touched.contains($0) ? width : 0 }
        }
    }

    /// Removes one level of indentation from the selected lines.
    public mutating func dedentLines(now: Double) {
        let lines = selection.lineRange
        var removed: [Int: Int] = [:]
        let new = lines.map { l -> String in
            let s = buffer.line(l)
            let lead = String(s.prefix { $0 == " " || $0 == "\t" })
            let kept = Self.removingOneLevel(lead, tabWidth: options.tabWidth)
            removed[l] = lead.count - kept.count
            return kept + s.dropFirst(lead.count)
        }
        guard removed.values.contains(where: { $0 > 0 }) else { return }
        let old = selection
        replaceLines(lines, with: new, now: now) { _ in Self.shifted(old) { -(removed[$0] ?? 0) } }
    }

    /// Comments the selected lines with the language's line comment token, or uncomments them when
    /// every non-blank line is commented. The token goes at the smallest indentation, followed by a
    /// space.
    public mutating func toggleComment(now: Double) {
        guard let token = options.language.lineComment else { return }
        let lines = selection.lineRange
        let texts = lines.map { buffer.line($0) }
        let nonBlank = texts.filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
        guard !nonBlank.isEmpty else { return }
        let commented = nonBlank.allSatisfy { $0.drop { $0 == " " || $0 == "\t" }.hasPrefix(token) }
        var delta: [Int: Int] = [:]
        var new: [String] = []
        if commented {
            for (l, s) in zip(lines, texts) {
                let lead = s.prefix { $0 == " " || $0 == "\t" }
                var rest = s.dropFirst(lead.count)
                guard rest.hasPrefix(token) else { new.append(s); continue }
                rest = rest.dropFirst(token.count)
                var n = token.count
                if rest.first == " " { rest = rest.dropFirst(); n += 1 }
                delta[l] = -n
                new.append(String(lead) + rest)
            }
        } else {
            let indent = nonBlank.map { $0.prefix { $0 == " " || $0 == "\t" }.count }.min() ?? 0
            for (l, s) in zip(lines, texts) {
                if s.allSatisfy({ $0 == " " || $0 == "\t" }) { new.append(s); continue }
                delta[l] = token.count + 1
                new.append(String(s.prefix(indent)) + token + " " + s.dropFirst(indent))
            }
        }
        let old = selection
        replaceLines(lines, with: new, now: now) { _ in Self.shifted(old) { delta[$0] ?? 0 } }
    }

    /// Duplicates the selected lines below themselves; the selection moves onto the copy.
    public mutating func duplicateLines(now: Double) {
        let lines = selection.lineRange
        let texts = lines.map { buffer.line($0) }
        let n = lines.count
        let old = selection
        replaceLines(lines, with: texts + texts, now: now) { _ in
            Selection(anchor: TextPosition(line: old.anchor.line + n, column: old.anchor.column),
                      head: TextPosition(line: old.head.line + n, column: old.head.column))
        }
    }

    /// Moves the selected lines one line up or down, keeping the selection on them.
    public mutating func moveLines(up: Bool, now: Double) {
        let lines = selection.lineRange
        if up ? lines.lowerBound == 0 : lines.upperBound == buffer.lineCount - 1 { return }
        let block = lines.map { buffer.line($0) }
        let old = selection
        let d = up ? -1 : 1
        if up {
            let above = buffer.line(lines.lowerBound - 1)
            replaceLines((lines.lowerBound - 1)...lines.upperBound, with: block + [above], now: now) { _ in Self.offset(old, d) }
        } else {
            let below = buffer.line(lines.upperBound + 1)
            replaceLines(lines.lowerBound...(lines.upperBound + 1), with: [below] + block, now: now) { _ in Self.offset(old, d) }
        }
    }

    private static func offset(_ s: Selection, _ d: Int) -> Selection {
        Selection(anchor: TextPosition(line: s.anchor.line + d, column: s.anchor.column),
                  head: TextPosition(line: s.head.line + d, column: s.head.column))
    }

    /// Deletes the selected lines; returns their text (with a final line break) for a clipboard.
    @discardableResult
    public mutating func deleteLines(_ lines: ClosedRange<Int>? = nil, now: Double) -> String {
        let lines = lines ?? selection.lineRange
        let text = lines.map { buffer.line($0) }.joined(separator: "\n") + "\n"
        let goal = selection.preferredColumn ?? cursorDisplayColumn
        let range: TextRange
        if lines.upperBound < buffer.lineCount - 1 {
            range = TextRange(TextPosition(line: lines.lowerBound, column: 0), TextPosition(line: lines.upperBound + 1, column: 0))
        } else if lines.lowerBound > 0 {
            range = TextRange(TextPosition(line: lines.lowerBound - 1, column: buffer.lineLength(lines.lowerBound - 1)),
                              TextPosition(line: lines.upperBound, column: buffer.lineLength(lines.upperBound)))
        } else {
            range = buffer.fullRange
        }
        let tab = options.tabWidth
        edit(.other, now: now) { b in
            b.delete(range)
            let l = min(lines.lowerBound, b.lineCount - 1)
            return Selection(cursor: TextPosition(line: l, column: TextLayout.column(atDisplayColumn: goal, in: b.line(l), tabWidth: tab)))
        }
        return text
    }

    /// Joins the next line (or the selected lines) onto the current one with a single space, leading
    /// blanks of the joined lines dropped (vim's `J`, emacs' `M-^` the other way).
    public mutating func joinLines(count: Int = 1, now: Double) {
        let first = selection.start.line
        let last = min(buffer.lineCount - 1, max(selection.end.line, first + count))
        guard last > first else { return }
        var joined = buffer.line(first)
        var cursorColumn = joined.count
        for l in (first + 1)...last {
            let piece = buffer.line(l).drop { $0 == " " || $0 == "\t" }
            joined = joined.trimmingTrailingBlanks
            cursorColumn = joined.count
            if !piece.isEmpty && !joined.isEmpty && piece.first != ")" { joined += " "; }
            joined += piece
        }
        replaceLines(first...last, with: [joined], now: now) { _ in Selection(cursor: TextPosition(line: first, column: cursorColumn)) }
    }
}
