import TermCore

/// The packed form of cells: a first code point and a 64-bit style key (bits 0-25 foreground, 26-51
/// background, 52-57 bold, underline, italic, blink, reverse, strike; colours packed by the shim's
/// `cvt_pack_color`). The screen grid and the scrollback store cells this way: 12 bytes a cell.
enum PackedCell {
    /// The character of the right half of a wide character.
    static let continuation: UInt32 = 0xFFFF_FFFF

    /// The style a packed key stands for.
    static func style(_ key: UInt64) -> Style {
        if key == 0 { return .plain }
        let a = UInt16(truncatingIfNeeded: key >> 52)
        var attributes: TextAttributes = []
        if a & 1 != 0 { attributes.insert(.bold) }
        if a & 2 != 0 { attributes.insert(.underline) }
        if a & 4 != 0 { attributes.insert(.italic) }
        if a & 8 != 0 { attributes.insert(.blink) }
        if a & 16 != 0 { attributes.insert(.reverse) }
        if a & 32 != 0 { attributes.insert(.strikethrough) }
        return Style(foreground: color(UInt32(truncatingIfNeeded: key & 0x3FF_FFFF)),
                     background: color(UInt32(truncatingIfNeeded: (key >> 26) & 0x3FF_FFFF)),
                     attributes: attributes)
    }

    /// A packed colour: nil for the terminal default.
    static func color(_ packed: UInt32) -> Color? {
        switch packed >> 24 {
        case 1: return .indexed(UInt8(truncatingIfNeeded: packed))
        case 2: return .rgb(UInt8(truncatingIfNeeded: packed >> 16), UInt8(truncatingIfNeeded: packed >> 8),
                            UInt8(truncatingIfNeeded: packed))
        default: return nil
        }
    }

    /// The grapheme for a first code point (0 is an empty cell, shown as a space) plus combining marks.
    static func grapheme(_ first: UInt32, combining: String? = nil) -> String {
        if first == 0 || first == continuation { return " " }
        guard let scalar = Unicode.Scalar(first) else { return "\u{FFFD}" }
        if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) { return " " }
        guard let combining else { return String(Character(scalar)) }
        return String(Character(scalar)) + combining
    }
}
