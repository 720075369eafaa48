/// Finds the bracket matching the one at or before the cursor, for highlighting and vim's `%`.
public enum BracketMatcher {
    static let pairs: [Character: Character] = ["(": ")", "[": "]", "{": "}"]
    static let closers: [Character: Character] = [")": "(", "]": "[", "}": "{"]
    /// How far the search looks, in characters, so a huge buffer never stalls a frame.
    public static let searchLimit = 20_000

    /// The bracket pair around the cursor: the bracket just after `p`, else just before it, and the
    /// position of its partner; nil when there is none or no partner within `searchLimit`.
    public static func match(in b: TextBuffer, at p: TextPosition) -> (bracket: TextPosition, partner: TextPosition)? {
        var candidates = [p]
        if p.column > 0 { candidates.append(TextPosition(line: p.line, column: p.column - 1)) }
        for c in candidates {
            if let ch = b.character(at: c), pairs[ch] != nil || closers[ch] != nil, let m = partner(in: b, of: c) {
                return (c, m)
            }
        }
        return nil
    }

    /// The partner of the bracket at `p`; nil when `p` is not a bracket or has none.
    public static func partner(in b: TextBuffer, of p: TextPosition) -> TextPosition? {
        guard let ch = b.character(at: p) else { return nil }
        if let close = pairs[ch] { return scan(b, from: p, open: ch, close: close, forward: true) }
        if let open = closers[ch] { return scan(b, from: p, open: open, close: ch, forward: false) }
        return nil
    }

    private static func scan(_ b: TextBuffer, from p: TextPosition, open: Character, close: Character, forward: Bool) -> TextPosition? {
        var depth = 0
        var budget = searchLimit
        var line = p.line
        var chars = Array(b.line(line))
        var i = p.column
        while budget > 0 {
            if i >= 0 && i < chars.count {
                let c = chars[i]
                if c == open { depth += forward ? 1 : -1 }
                else if c == close { depth += forward ? -1 : 1 }
                if depth == 0 { return TextPosition(line: line, column: i) }
                i += forward ? 1 : -1
                budget -= 1
                continue
            }
            line += forward ? 1 : -1
            guard line >= 0 && line < b.lineCount else { return nil }
            chars = Array(b.line(line))
            i = forward ? 0 : chars.count - 1
            budget -= 1
        }
        return nil
    }

    /// The innermost pair of `open`/`close` enclosing `p` (the brackets' own positions), for text
    /// objects like vim's `i(`; a cursor on a bracket counts as inside its pair.
    public static func enclosing(in b: TextBuffer, at p: TextPosition, open: Character, close: Character) -> (TextPosition, TextPosition)? {
        if b.character(at: p) == open, let m = scan(b, from: p, open: open, close: close, forward: true) { return (p, m) }
        if b.character(at: p) == close, let m = scan(b, from: p, open: open, close: close, forward: false) { return (m, p) }
        // Walk left to an unmatched opener.
        var depth = 0
        var q = p
        var budget = searchLimit
        while budget > 0 {
            guard q != .zero else { return nil }
            q = TextMotion.left(b, q)
            budget -= 1
            guard let c = b.character(at: q) else { continue }
            if c == close { depth += 1 }
            else if c == open {
                if depth == 0 {
                    guard let m = scan(b, from: q, open: open, close: close, forward: true), m >= p else { return nil }
                    return (q, m)
                }
                depth -= 1
            }
        }
        return nil
    }
}
