/// Display width as terminals draw it: grapheme clusters of 0, 1 or 2 columns.
///
/// Wide (2): East Asian Wide and Fullwidth characters, emoji with emoji presentation, any emoji made
/// an emoji by VS16 (U+FE0F), ZWJ sequences, flags (regional indicator pairs) and skin-tone sequences.
/// Zero (0): control characters, and clusters made only of combining marks or format characters.
/// Everything else is 1. ASCII takes a fast path.
public enum DisplayWidth {
    /// The columns one grapheme cluster takes.
    @inline(__always)
    public static func of(_ c: Character) -> Int {
        if let a = c.asciiValue {
            return a >= 0x20 && a < 0x7F ? 1 : 0
        }
        return ofCluster(c.unicodeScalars)
    }

    /// The columns a string takes.
    public static func of(_ s: String) -> Int {
        var s = s
        if let ascii = s.withUTF8({ asciiWidth($0) }) { return ascii }
        return simpleScalarsWidth(s.unicodeScalars) ?? s.reduce(0) { $0 + of($1) }
    }

    /// The columns a substring takes.
    public static func of(_ s: Substring) -> Int {
        var s = s
        if let ascii = s.withUTF8({ asciiWidth($0) }) { return ascii }
        return simpleScalarsWidth(s.unicodeScalars) ?? s.reduce(0) { $0 + of($1) }
    }

    /// The columns any other string type takes.
    public static func of(_ s: some StringProtocol) -> Int { s.reduce(0) { $0 + of($1) } }

    /// The columns of ASCII bytes (printable ones count 1), or nil when a byte is not ASCII.
    @inline(__always)
    static func asciiWidth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var total = 0
        for b in bytes {
            if b >= 0x80 { return nil }
            total &+= (b >= 0x20 && b < 0x7F) ? 1 : 0
        }
        return total
    }

    /// The width of text whose clusters are single scalars, flags (regional indicator pairs), or an
    /// emoji base with VS16 and skin tones; nil as soon as any other scalar that may join a cluster
    /// appears (combining or spacing marks, ZWJ, VS15, Hangul jamo, prepended or format characters),
    /// so the caller measures cluster by cluster. Most text, CJK and emoji included, takes this path.
    static func simpleScalarsWidth(_ scalars: String.UnicodeScalarView) -> Int? {
        var total = 0
        var base: Unicode.Scalar? = nil   // first scalar of the current cluster
        var clusterWidth = 0
        var openFlag = false              // the last scalar was the first regional indicator of a pair
        var zeroCluster = false           // the current cluster began with VS16 and has no base
        for s in scalars {
            let v = s.value
            if v != 0xFE0F && !(0x1F3FB...0x1F3FF).contains(v) { zeroCluster = false }
            if v < 0x300 {
                openFlag = false
                if v < 0x20 || (v >= 0x7F && v < 0xA0) { base = nil; continue }
                total &+= 1; base = s; clusterWidth = 1
                continue
            }
            switch v {
            case 0x1F1E6...0x1F1FF:
                if openFlag { openFlag = false; continue }
                openFlag = true
                total &+= 2; base = s; clusterWidth = 2
                continue
            case 0xFE0F, 0x1F3FB...0x1F3FF:
                openFlag = false
                if let b = base {
                    if clusterWidth < 2 && b.properties.isEmoji { total &+= 2 - clusterWidth; clusterWidth = 2 }
                } else if v == 0xFE0F {
                    zeroCluster = true
                } else if !zeroCluster {
                    total &+= 2; base = s; clusterWidth = 2
                }
                continue
            default:
                openFlag = false
            }
            if mayJoin(s) { return nil }
            let w = of(s)
            total &+= w; base = s; clusterWidth = w
        }
        return total
    }

    static func simpleScalarsWidth(_ scalars: Substring.UnicodeScalarView) -> Int? {
        simpleScalarsWidth(String.UnicodeScalarView(scalars))
    }

    /// Whether a scalar can be part of a multi-scalar grapheme cluster.
    static func mayJoin(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x0D4E, 0x110BD, 0x110CD, 0x111C2...0x111C3,
             0x1100...0x11FF, 0xA960...0xA97F, 0xD7B0...0xD7FF, 0x200C...0x200D, 0xFE00...0xFE0F, 0xFF9E...0xFF9F,
             0x1F1E6...0x1F1FF, 0x1F3FB...0x1F3FF, 0xE0000...0xE0FFF:
            return true
        default:
            switch s.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark, .format: return true
            default: return false
            }
        }
    }

    /// The columns one scalar takes on its own (0, 1 or 2).
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if isZeroWidth(s) { return 0 }
        if isWide(v) || s.properties.isEmojiPresentation { return 2 }
        return 1
    }

    static func ofCluster(_ scalars: Character.UnicodeScalarView) -> Int {
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        let v = first.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        var count = 1
        var emojiHint = false      // VS16, ZWJ, skin tone or a second regional indicator
        var textPresentation = false
        while let s = iterator.next() {
            count += 1
            switch s.value {
            case 0xFE0F, 0x200D, 0x1F3FB...0x1F3FF, 0x1F1E6...0x1F1FF, 0xE0020...0xE007F: emojiHint = true
            case 0xFE0E: textPresentation = true
            default: break
            }
        }
        let base = of(first)
        if count == 1 { return base }
        if base == 0 { return isZeroWidth(first) ? 0 : base }
        if emojiHint && first.properties.isEmoji { return 2 }
        if textPresentation && !isWide(v) { return 1 }
        return base
    }

    /// Combining marks, format characters and other characters that take no column of their own.
    static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v == 0x200B || (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return true }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        case .format: return v != 0x00AD && !(0x0600...0x0605).contains(v) && v != 0x06DD && v != 0x110BD
        default: return false
        }
    }

    /// East Asian Wide (W) and Fullwidth (F), apart from emoji, which `isEmojiPresentation` covers.
    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        var lo = 0, hi = wideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = wideRanges[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }

    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x2FF0...0x2FFF,
        0x3000...0x303E, 0x3041...0x3096, 0x3099...0x30FF, 0x3105...0x312F, 0x3131...0x318E, 0x3190...0x31E3,
        0x31EF...0x321E, 0x3220...0x3247, 0x3250...0x4DBF, 0x4E00...0xA48C, 0xA490...0xA4C6, 0xA960...0xA97C,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE52, 0xFE54...0xFE66, 0xFE68...0xFE6B,
        0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x187F7,
        0x18800...0x18CD5, 0x18D00...0x18D08, 0x1AFF0...0x1AFFE, 0x1B000...0x1B122, 0x1B132...0x1B132,
        0x1B150...0x1B152, 0x1B155...0x1B155, 0x1B164...0x1B167, 0x1B170...0x1B2FB, 0x1F200...0x1F202,
        0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, 0x20000...0x2FFFD,
        0x30000...0x3FFFD,
    ]
}

extension String {
    /// The number of terminal columns the string takes (see `DisplayWidth`).
    public var displayWidth: Int { DisplayWidth.of(self) }
}

extension StringProtocol {
    /// The number of terminal columns the text takes (see `DisplayWidth`).
    public var displayWidth: Int { DisplayWidth.of(self) }
}

extension Substring {
    /// The number of terminal columns the substring takes (see `DisplayWidth`).
    public var displayWidth: Int { DisplayWidth.of(self) }
}

extension Character {
    /// The number of terminal columns this grapheme cluster takes: 0, 1 or 2.
    public var displayWidth: Int { DisplayWidth.of(self) }
}
