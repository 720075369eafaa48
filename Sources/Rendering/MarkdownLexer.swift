/// Highlighting of markdown source (text files and the editor of markdown cells): headings, list
/// markers, quotes, fenced code (highlighted in its language), inline code, emphasis and links.
enum MarkdownLexer {
    static func lex(_ sc: inout LineScanner, _ state: HighlightState) -> HighlightState {
        let line = sc.text(0..<sc.s.count)
        let trimmed = line.drop { $0 == " " }
        if case let .fence(marker) = state.mode {
            if trimmed.hasPrefix(marker) && trimmed.trimmingCharacters(in: .whitespaces).allSatisfy({ $0 == marker.first }) {
                sc.take(to: sc.s.count, "markup.code.block")
                return .initial
            }
            sc.take(to: sc.s.count, "markup.code.block")
            return state
        }
        if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
            let ch = trimmed.first!
            let marker = String(trimmed.prefix { $0 == ch })
            sc.take(to: sc.s.count, "markup.code.block")
            return HighlightState(mode: .fence(marker: marker))
        }
        let hashes = trimmed.prefix { $0 == "#" }.count
        if (1...6).contains(hashes), trimmed.dropFirst(hashes).first.map({ $0 == " " }) ?? true {
            sc.take(to: sc.s.count, "markup.heading.\(hashes)")
            return .initial
        }
        // Block prefixes: quotes and list markers.
        while let c = sc.current, c == " " { sc.take(to: sc.i + 1, nil) }
        if sc.current == ">" {
            sc.take(to: sc.i + 1, "markup.quote")
        }
        while let c = sc.current, c == " " { sc.take(to: sc.i + 1, nil) }
        if let c = sc.current {
            if "-*+".unicodeScalars.contains(c), sc.peek() == " " {
                sc.take(to: sc.i + 1, "markup.list")
                if sc.matches(" [ ]") || sc.matches(" [x]") || sc.matches(" [X]") { sc.take(to: sc.i + 4, "markup.list") }
            } else if LineScanner.isDigit(c) {
                var j = sc.i
                while j < sc.s.count, LineScanner.isDigit(sc.s[j]) { j += 1 }
                if j < sc.s.count, sc.s[j] == "." || sc.s[j] == ")", j + 1 >= sc.s.count || sc.s[j + 1] == " " {
                    sc.take(to: j + 1, "markup.list")
                }
            }
        }
        inline(&sc)
        return .initial
    }

    /// Inline code, strong and emphasis, links.
    static func inline(_ sc: inout LineScanner) {
        var start = sc.i
        func flush(_ sc: inout LineScanner) { sc.emit(start, sc.i, nil) }
        while let c = sc.current {
            if c == "`", let close = sc.s[(sc.i + 1)...].firstIndex(of: "`") {
                flush(&sc)
                sc.emit(sc.i, close + 1, "markup.code")
                sc.i = close + 1
                start = sc.i
                continue
            }
            if (c == "*" || c == "_"), sc.peek() == c, let close = find(sc, String([Character(c), Character(c)]), from: sc.i + 2) {
                flush(&sc)
                sc.emit(sc.i, close + 2, "markup.bold")
                sc.i = close + 2
                start = sc.i
                continue
            }
            if (c == "*" || c == "_"), let n = sc.peek(), n != " ", n != c, let close = find(sc, String(Character(c)), from: sc.i + 1) {
                flush(&sc)
                sc.emit(sc.i, close + 1, "markup.italic")
                sc.i = close + 1
                start = sc.i
                continue
            }
            if c == "[", let close = find(sc, "](", from: sc.i + 1), let end = find(sc, ")", from: close + 2) {
                flush(&sc)
                sc.emit(sc.i, close + 1, "markup.link")
                sc.emit(close + 1, end + 1, "markup.link.url")
                sc.i = end + 1
                start = sc.i
                continue
            }
            sc.i += 1
        }
        flush(&sc)
    }

    static func find(_ sc: LineScanner, _ needle: String, from: Int) -> Int? {
        var j = from
        while j < sc.s.count {
            if sc.matches(needle, at: j) { return j }
            j += 1
        }
        return nil
    }
}
