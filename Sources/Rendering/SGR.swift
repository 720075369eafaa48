import TermCore

/// Select Graphic Rendition: applies the parameters of a `CSI … m` sequence to a style.
enum SGR {
    /// The style after the parameters (ASCII digits, `;` and `:`) are applied to `style`.
    static func apply(_ params: [UInt8], to style: Style) -> Style {
        var style = style
        // Fast path: only `;`-separated numbers without extended colours, the usual case.
        if !params.contains(0x3A) {
            var v = 0
            var sawDigit = false
            var values: [Int] = []
            values.reserveCapacity(8)
            for b in params {
                if b >= 0x30 && b <= 0x39 { v = min(v * 10 + Int(b - 0x30), 1_000_000); sawDigit = true }
                else if b == 0x3B { values.append(sawDigit ? v : 0); v = 0; sawDigit = false }
                else { return style }
            }
            values.append(sawDigit ? v : 0)
            if !values.contains(where: { $0 == 38 || $0 == 48 || $0 == 58 }) {
                for code in values { applySimple(code, to: &style) }
                return style
            }
        }
        // General path: `;` groups of `:` sub-parameters (nil when empty).
        var groups: [[Int?]] = []
        var group: [Int?] = []
        var value: Int? = nil
        for b in params {
            switch b {
            case 0x30...0x39:
                value = min((value ?? 0) * 10 + Int(b - 0x30), 1_000_000)
            case 0x3A:
                group.append(value); value = nil
            case 0x3B:
                group.append(value); groups.append(group); group = []; value = nil
            default:
                return style
            }
        }
        group.append(value)
        groups.append(group)

        var i = 0
        while i < groups.count {
            let g = groups[i]
            let code = g[0] ?? 0
            switch code {
            case 4:
                if g.count > 1, g[1] == 0 { style.attributes.remove(.underline) } else { style.attributes.insert(.underline) }
            case 38, 48, 58:
                let (colour, used) = extendedColour(groups, at: i)
                i += used
                if code == 38 { if let colour { style.foreground = colour } }
                else if code == 48 { if let colour { style.background = colour } }
                continue
            default:
                applySimple(code, to: &style)
            }
            i += 1
        }
        return style
    }

    /// One parameter that takes no arguments.
    @inline(__always)
    private static func applySimple(_ code: Int, to style: inout Style) {
        switch code {
        case 0: style = .plain
        case 1: style.attributes.insert(.bold)
        case 2: style.attributes.insert(.dim)
        case 3: style.attributes.insert(.italic)
        case 4, 21: style.attributes.insert(.underline)
        case 5, 6: style.attributes.insert(.blink)
        case 7: style.attributes.insert(.reverse)
        case 9: style.attributes.insert(.strikethrough)
        case 22: style.attributes.remove([.bold, .dim])
        case 23: style.attributes.remove(.italic)
        case 24: style.attributes.remove(.underline)
        case 25: style.attributes.remove(.blink)
        case 27: style.attributes.remove(.reverse)
        case 29: style.attributes.remove(.strikethrough)
        case 30...37: style.foreground = .indexed(UInt8(code - 30))
        case 39: style.foreground = nil
        case 40...47: style.background = .indexed(UInt8(code - 40))
        case 49: style.background = nil
        case 90...97: style.foreground = .indexed(UInt8(code - 90 + 8))
        case 100...107: style.background = .indexed(UInt8(code - 100 + 8))
        default: break
        }
    }

    /// An extended colour starting at group `i` (`38;5;n`, `38;2;r;g;b`, `38:5:n`, `38:2::r:g:b`,
    /// `38:2:r:g:b`), and how many groups it used.
    private static func extendedColour(_ groups: [[Int?]], at i: Int) -> (Color?, Int) {
        let g = groups[i]
        func byte(_ v: Int??) -> UInt8? {
            guard let v = v ?? nil, (0...255).contains(v) else { return nil }
            return UInt8(v)
        }
        if g.count > 1 {
            // Colon form: everything is inside this group.
            switch g[1] ?? -1 {
            case 5: return (g.count > 2 ? byte(g[2]).map { Color.indexed($0) } : nil, 1)
            case 2:
                let rest = Array(g.dropFirst(2))
                let rgb = rest.count >= 4 ? Array(rest.suffix(3)) : rest
                guard rgb.count == 3, let r = byte(rgb[0]), let gr = byte(rgb[1]), let b = byte(rgb[2]) else { return (nil, 1) }
                return (.rgb(r, gr, b), 1)
            default: return (nil, 1)
            }
        }
        guard i + 1 < groups.count else { return (nil, 1) }
        switch groups[i + 1][0] ?? -1 {
        case 5:
            guard i + 2 < groups.count else { return (nil, groups.count - i) }
            return (byte(groups[i + 2][0]).map { Color.indexed($0) }, 3)
        case 2:
            guard i + 4 < groups.count else { return (nil, groups.count - i) }
            guard let r = byte(groups[i + 2][0]), let gr = byte(groups[i + 3][0]), let b = byte(groups[i + 4][0]) else {
                return (nil, 5)
            }
            return (.rgb(r, gr, b), 5)
        default:
            return (nil, 2)
        }
    }

    /// The first number of a parameter string, if any.
    static func firstNumber(_ params: [UInt8]) -> Int? {
        var v: Int? = nil
        for b in params {
            guard (0x30...0x39).contains(b) else { break }
            v = min((v ?? 0) * 10 + Int(b - 0x30), 1_000_000)
        }
        return v
    }
}
