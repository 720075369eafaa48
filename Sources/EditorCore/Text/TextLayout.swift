import TermCore

/// Display columns of text as the editor draws it: grapheme widths from `DisplayWidth` (CJK and
/// emoji take 2, combining marks 0) and tabs expanded to the next multiple of the tab width.
public enum TextLayout {
    /// The columns `c` takes when it starts at display column `x`. Control characters take one
    /// column: the editor shows them as visible symbols (`controlPicture`).
    @inline(__always)
    public static func width(of c: Character, at x: Int, tabWidth: Int) -> Int {
        if let a = c.asciiValue, a >= 0x20, a < 0x7F { return 1 }
        if c == "\t" { return tabWidth - x % max(tabWidth, 1) }
        if controlPicture(c) != nil { return 1 }
        return DisplayWidth.of(c)
    }

    /// The visible symbol for a control character (`␛` for ESC, `␡` for DEL, `�` for C1 controls);
    /// nil for anything else, tab included.
    public static func controlPicture(_ c: Character) -> Character? {
        if let a = c.asciiValue, a >= 0x20, a < 0x7F { return nil }
        guard c != "\t", let s = c.unicodeScalars.first else { return nil }
        let v = s.value
        if v < 0x20 { return Character(Unicode.Scalar(0x2400 + v)!) }
        if v == 0x7F { return "\u{2421}" }
        if (0x80...0x9F).contains(v) { return "\u{FFFD}" }
        return nil
    }

    /// The display column where grapheme `column` of `line` starts.
    public static func displayColumn(of column: Int, in line: String, tabWidth: Int) -> Int {
        var x = 0, i = 0
        for c in line {
            if i >= column { break }
            x += width(of: c, at: x, tabWidth: tabWidth)
            i += 1
        }
        return x
    }

    /// The display width of a whole line.
    public static func width(of line: String, tabWidth: Int) -> Int {
        displayColumn(of: Int.max, in: line, tabWidth: tabWidth)
    }

    /// The grapheme column whose cell covers display column `target`: a column inside a wide
    /// character or a tab gives that character; past the end gives the line's length.
    public static func column(atDisplayColumn target: Int, in line: String, tabWidth: Int) -> Int {
        var x = 0, i = 0
        for c in line {
            let w = width(of: c, at: x, tabWidth: tabWidth)
            if w > 0 && target < x + w { return i }
            x += w
            i += 1
        }
        return i
    }
}
