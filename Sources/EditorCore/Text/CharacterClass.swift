/// How word motions group characters, CodeMirror-style: runs of word characters, runs of
/// punctuation, and whitespace between them.
public enum CharacterClass: Hashable, Sendable {
    case whitespace
    /// Letters (any script), digits, `_` and combining marks.
    case word
    /// Everything else: operators, brackets, symbols, emoji.
    case punctuation

    /// The class of `c`.
    public static func of(_ c: Character) -> CharacterClass {
        if let a = c.asciiValue {
            switch a {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return .word
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: return .whitespace
            default: return .punctuation
            }
        }
        if c.isWhitespace { return .whitespace }
        if c.isLetter || c.isNumber { return .word }
        if let first = c.unicodeScalars.first, first.properties.isAlphabetic || first.properties.isIdeographic { return .word }
        return .punctuation
    }

    /// Whether `c` is part of a word.
    public static func isWord(_ c: Character) -> Bool { of(c) == .word }
}
