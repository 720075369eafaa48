import Foundation

/// A terminal colour: the terminal's default, one of the 256 indexed colours, or 24-bit RGB.
public enum Color: Hashable, Sendable {
    /// The terminal's own default foreground or background.
    case `default`
    /// An indexed colour: 0–7 normal, 8–15 bright, 16–231 the 6×6×6 cube, 232–255 greys.
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)

    /// The sixteen ANSI colour names, in index order.
    public static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                                   "bright-black", "bright-red", "bright-green", "bright-yellow",
                                   "bright-blue", "bright-magenta", "bright-cyan", "bright-white"]

    /// Parses `#rrggbb`, `#rgb`, an ANSI name (`red`, `bright-blue`, also `gray`/`grey`), `default`,
    /// or an index `0`–`255`. Returns nil for anything else.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if t == "default" || t == "reset" { self = .default; return }
        if t.hasPrefix("#") {
            let hex = Array(t.dropFirst())
            func nibble(_ c: Character) -> UInt8? { c.hexDigitValue.map(UInt8.init) }
            if hex.count == 6 {
                var v: [UInt8] = []
                for i in stride(from: 0, to: 6, by: 2) {
                    guard let h = nibble(hex[i]), let l = nibble(hex[i + 1]) else { return nil }
                    v.append(h << 4 | l)
                }
                self = .rgb(v[0], v[1], v[2]); return
            }
            if hex.count == 3 {
                var v: [UInt8] = []
                for c in hex { guard let n = nibble(c) else { return nil }; v.append(n << 4 | n) }
                self = .rgb(v[0], v[1], v[2]); return
            }
            return nil
        }
        let aliases = ["gray": "bright-black", "grey": "bright-black"]
        if let i = Color.ansiNames.firstIndex(of: aliases[t] ?? t) { self = .indexed(UInt8(i)); return }
        if let n = Int(t), (0...255).contains(n) { self = .indexed(UInt8(n)); return }
        return nil
    }

    /// The RGB value the colour usually shows as (xterm's palette for indexed colours); nil for `.default`.
    public var rgbValue: (r: UInt8, g: UInt8, b: UInt8)? {
        switch self {
        case .default: return nil
        case let .rgb(r, g, b): return (r, g, b)
        case let .indexed(i): return Color.xtermRGB(i)
        }
    }

    /// xterm's default RGB for an indexed colour.
    public static func xtermRGB(_ index: UInt8) -> (r: UInt8, g: UInt8, b: UInt8) {
        let base: [(UInt8, UInt8, UInt8)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        let i = Int(index)
        if i < 16 { return base[i] }
        if i < 232 {
            let n = i - 16
            let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
            return (levels[n / 36], levels[(n / 6) % 6], levels[n % 6])
        }
        let g = UInt8(8 + (i - 232) * 10)
        return (g, g, g)
    }
}
