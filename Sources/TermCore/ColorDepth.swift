/// How many colours a terminal can show.
public enum ColorDepth: Int, Hashable, Sendable, Comparable, CaseIterable {
    /// No colour: attributes only (reverse video marks focus).
    case monochrome = 0
    /// The eight basic ANSI colours.
    case ansi8 = 8
    /// Eight colours plus their bright forms.
    case ansi16 = 16
    /// The xterm 256-colour palette.
    case indexed256 = 256
    /// 24-bit colour.
    case trueColor = 16_777_216

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }

    /// The depth to use, from the environment and the terminfo `colors` value (nil when unknown).
    ///
    /// `NO_COLOR` (non-empty) and the monochrome terminals (`vt100`, `vt220`, `dumb`, …) give monochrome;
    /// `COLORTERM=truecolor|24bit` or a `*-direct` TERM give true colour; otherwise terminfo's colour
    /// count decides, and without terminfo a `*-256color` TERM gives 256 and other known terminals 8.
    public static func detect(environment: [String: String], terminfoColors: Int?) -> ColorDepth {
        if let nc = environment["NO_COLOR"], !nc.isEmpty { return .monochrome }
        let term = (environment["TERM"] ?? "").lowercased()
        let monochromeTerms = ["", "dumb", "vt52", "vt100", "vt102", "vt220", "vt320", "ansi-mono"]
        if monochromeTerms.contains(term) || term.hasSuffix("-mono") || term.hasSuffix("-m") { return .monochrome }
        let colorterm = (environment["COLORTERM"] ?? "").lowercased()
        if colorterm == "truecolor" || colorterm == "24bit" || term.hasSuffix("-direct") { return .trueColor }
        if let n = terminfoColors {
            if n >= 0x1000000 { return .trueColor }
            if n >= 256 { return .indexed256 }
            if n >= 16 { return .ansi16 }
            if n >= 8 { return .ansi8 }
            return .monochrome
        }
        if term.contains("256color") { return .indexed256 }
        return .ansi8
    }
}

extension Color {
    /// The nearest colour this depth can show; `.default` stays; monochrome turns every colour into
    /// `.default`. Distance is the "redmean" weighted RGB distance, close to perceived difference.
    public func degraded(to depth: ColorDepth) -> Color {
        switch (self, depth) {
        case (.default, _), (_, .trueColor): return self
        case (_, .monochrome): return .default
        case let (.indexed(i), .indexed256): return .indexed(i)
        case let (.rgb(r, g, b), .indexed256): return .indexed(Color.nearest256(r, g, b))
        case let (.indexed(i), .ansi16) where i < 16: return self
        case let (.indexed(i), .ansi8) where i < 16: return .indexed(i % 8)
        default:
            let (r, g, b) = rgbValue!
            return .indexed(Color.nearest(r, g, b, among: depth == .ansi16 ? 0..<16 : 0..<8))
        }
    }

    static func distance(_ a: (r: UInt8, g: UInt8, b: UInt8), _ b: (r: UInt8, g: UInt8, b: UInt8)) -> Int {
        let rm = (Int(a.r) + Int(b.r)) / 2
        let dr = Int(a.r) - Int(b.r), dg = Int(a.g) - Int(b.g), db = Int(a.b) - Int(b.b)
        return (((512 + rm) * dr * dr) >> 8) + 4 * dg * dg + (((767 - rm) * db * db) >> 8)
    }

    static func nearest(_ r: UInt8, _ g: UInt8, _ b: UInt8, among range: Range<Int>) -> UInt8 {
        var best = range.lowerBound, bestDistance = Int.max
        for i in range {
            let d = distance((r, g, b), xtermRGB(UInt8(i)))
            if d < bestDistance { best = i; bestDistance = d }
        }
        return UInt8(best)
    }

    /// The nearest of the 6×6×6 cube and the grey ramp (16–255); the first sixteen depend on the
    /// terminal's theme and are not used as targets.
    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        func level(_ v: UInt8) -> Int { v < 48 ? 0 : v < 115 ? 1 : (Int(v) - 35) / 40 }
        let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
        let avg = (Int(r) + Int(g) + Int(b)) / 3
        let greyIndex = avg > 238 ? 23 : max(0, (avg - 3) / 10)
        let grey = 232 + min(23, greyIndex)
        let target = (r: r, g: g, b: b)
        return distance(target, xtermRGB(UInt8(cube))) <= distance(target, xtermRGB(UInt8(grey))) ? UInt8(cube) : UInt8(grey)
    }
}

extension Style {
    /// The style with both colours degraded to `depth`.
    public func degraded(to depth: ColorDepth) -> Style {
        Style(foreground: foreground?.degraded(to: depth), background: background?.degraded(to: depth), attributes: attributes)
    }
}
