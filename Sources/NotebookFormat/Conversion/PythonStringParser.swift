/// Tells whether the next line of Python code starts inside a string literal (jupytext's
/// `StringParser`): magics and cell markers inside triple-quoted strings are left alone.
struct PythonStringParser {
    private var single: Unicode.Scalar?
    private var triple: Unicode.Scalar?
    private var tripleStart = -1

    /// Whether the next line starts inside a string.
    var isQuoted: Bool { single != nil || triple != nil }

    /// Reads one line (without its terminator).
    mutating func read(_ line: String) {
        if !isQuoted && line.drop(while: { $0.isWhitespace }).hasPrefix("#") { return }
        let chars = Array(line.unicodeScalars)
        tripleStart = -1
        for (i, c) in chars.enumerated() {
            if single == nil && triple == nil && c == "#" { break }
            if c != "\"" && c != "'" { continue }
            if i >= 1 && chars[i - 1] == "\\" { continue }
            if single == c {
                single = nil
                continue
            }
            if single != nil { continue }
            if i >= 2 && chars[i - 2] == c && chars[i - 1] == c && i >= tripleStart + 3 {
                if triple == c {
                    triple = nil
                    tripleStart = i
                    continue
                }
                if triple != nil { continue }
                triple = c
                tripleStart = i
                continue
            }
            if triple != nil { continue }
            single = c
        }
        single = nil
    }
}
