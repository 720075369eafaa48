import Foundation

/// Recognizes IPython magics and shell escapes in Python cells, and comments or uncomments them the
/// way jupytext does for scripts (`%matplotlib inline` ↔ `# %matplotlib inline`).
enum PythonMagics {
    private static func regex(_ pattern: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: pattern)
    }

    private static let forceEscape = regex(#"^\s*(# |#)*(%|%%|%%%)[a-zA-Z](.*)#\s*escape"#)
    private static let noEscape = regex(#"^\s*(# |#)*(%|%%|%%%)[a-zA-Z](.*)#\s*noescape"#)
    private static let magic = regex(#"^\s*(# |#)*(%|%%|%%%)[a-zA-Z]"#)
    private static let helpOrBash = regex(#"^\s*(?:(?:# |#)+\s*)?(\?|!)\s*[A-Za-z\.\~\$\\\/\{\}]"#)
    private static let magicAssign = regex(#"^(# |#)*\s*([a-zA-Z_][a-zA-Z_$0-9]*)\s*=\s*(%|%%|%%%|!)[a-zA-Z](.*)"#)
    private static let magicHelp = regex(#"^\s*(# )*[^\s]*\?\s*$"#)
    private static let shellCommand = regex(
        #"^(# |#)*(cat|cd|cp|mv|rm|rmdir|mkdir|copy|ddir|echo|ls|ldir|mkdir|ren|rmdir)($|\s$|\s[^=,])"#)
    private static let lineContinuation = regex(#".*\\\s*$"#)

    /// Python `re.match`: a match anchored at the start.
    static func matches(_ re: NSRegularExpression, _ line: String) -> Bool {
        re.firstMatch(in: line, options: [.anchored], range: NSRange(line.startIndex..., in: line)) != nil
    }

    /// jupytext's `is_magic(line, "python", True, explicitly_code)`.
    static func isMagic(_ line: String, explicitlyCode: Bool = true) -> Bool {
        if matches(forceEscape, line) { return true }
        if matches(noEscape, line) { return false }
        if matches(magic, line) || matches(helpOrBash, line) || matches(magicAssign, line) { return true }
        if explicitlyCode && matches(magicHelp, line) { return true }
        return matches(shellCommand, line)
    }

    /// Comments out magics outside strings (`comment_magic`).
    static func comment(_ source: [String]) -> [String] {
        onMagicLines(source) { line, continuation in
            if continuation { return "# " + line }
            let unindented = String(line.drop(while: { $0.isWhitespace }))
            return String(line.prefix(line.count - unindented.count)) + "# " + unindented
        }
    }

    /// Uncomments commented magics outside strings (`uncomment_magic`).
    static func uncomment(_ source: [String]) -> [String] {
        onMagicLines(source) { line, _ in unescape(line) }
    }

    /// Rewrites each magic line outside strings (and the continuation lines of a magic ending in `\`);
    /// `rewrite` learns whether the line continues a magic.
    private static func onMagicLines(_ source: [String], _ rewrite: (String, Bool) -> String) -> [String] {
        var parser = PythonStringParser()
        var nextIsMagic = false
        var out = source
        for (i, line) in source.enumerated() {
            if !parser.isQuoted && (nextIsMagic || isMagic(line)) {
                out[i] = rewrite(line, nextIsMagic)
                nextIsMagic = matches(lineContinuation, line)
            }
            parser.read(line)
        }
        return out
    }

    /// Removes one level of `# ` (or `#`) after the indentation.
    static func unescape(_ line: String) -> String {
        let unindented = line.drop(while: { $0.isWhitespace })
        let indent = line.prefix(line.count - unindented.count)
        if unindented.hasPrefix("# ") { return String(indent) + unindented.dropFirst(2) }
        if unindented.hasPrefix("#") { return String(indent) + unindented.dropFirst(1) }
        return line
    }
}
