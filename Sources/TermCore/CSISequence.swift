/// One complete CSI sequence and what it means as input.
struct CSISequence {
    /// Parameters split at `;`, each with its `:` sub-parameters; missing numbers are nil.
    let params: [[Int?]]
    /// The private marker (`<`, `?`, `>`, `=`) if the parameters start with one.
    let marker: UInt8?
    let final: UInt8

    init(params raw: ArraySlice<UInt8>, intermediates: ArraySlice<UInt8>, final: UInt8) {
        var body = raw
        if let first = body.first, (0x3C...0x3F).contains(first) { marker = first; body = body.dropFirst() } else { marker = nil }
        params = body.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).map { field in
            field.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false).map { sub in
                guard !sub.isEmpty, sub.count < 10, sub.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
                return sub.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            }
        }
        self.final = intermediates.isEmpty ? final : 0
    }

    func param(_ n: Int, _ sub: Int = 0, default value: Int) -> Int {
        guard n < params.count, sub < params[n].count, let v = params[n][sub] else { return value }
        return v
    }

    /// Modifiers from an xterm modifier parameter (1 + bit mask).
    static func modifiers(_ p: Int) -> KeyModifiers {
        let bits = max(0, p - 1)
        var m: KeyModifiers = []
        if bits & 1 != 0 { m.insert(.shift) }
        if bits & 2 != 0 || bits & 32 != 0 { m.insert(.alt) }
        if bits & 4 != 0 { m.insert(.ctrl) }
        if bits & 8 != 0 { m.insert(.super) }
        return m
    }

    func interpret(next: Int) -> InputDecoder.Step {
        if marker == UInt8(ascii: "<") { return .event(sgrMouse().map { .mouse($0) }, next) }
        if let report = report() { return .event(.report(report), next) }
        guard marker == nil, final != 0 else { return .event(nil, next) } // other replies, unknown forms
        let mods = CSISequence.modifiers(param(1, default: 1))
        switch final {
        case UInt8(ascii: "~"):
            let n = param(0, default: 0)
            if n == 200 { return .pasteStart(next) }
            if n == 27 { return .event(CSISequence.key(codepoint: param(2, default: -1), CSISequence.modifiers(param(1, default: 1))).map { .key($0) }, next) }
            return .event(CSISequence.tildeKey(n).map { .key(Key($0, mods)) }, next)
        case UInt8(ascii: "u"):
            if param(1, 1, default: 1) == 3 { return .event(nil, next) } // kitty key release
            return .event(CSISequence.key(codepoint: param(0, default: -1), mods).map { .key($0) }, next)
        case UInt8(ascii: "Z"):
            return .event(.key(Key(.tab, mods.union(.shift))), next)
        case UInt8(ascii: "I") where params.count <= 1 && param(0, default: 0) == 0: return .event(.focus(true), next)
        case UInt8(ascii: "O") where params.count <= 1 && param(0, default: 0) == 0: return .event(.focus(false), next)
        default:
            let code = InputDecoder.cursorOrFunctionKey(final)
            return .event(code.map { .key(Key($0, mods)) }, next)
        }
    }

    static func tildeKey(_ n: Int) -> KeyCode? {
        switch n {
        case 1, 7: return .home
        case 2: return .insert
        case 3: return .delete
        case 4, 8: return .end
        case 5: return .pageUp
        case 6: return .pageDown
        case 11...15: return .function(n - 10)
        case 17...21: return .function(n - 11)
        case 23...26: return .function(n - 12)
        case 28, 29: return .function(n - 13)
        case 31...34: return .function(n - 14)
        default: return nil
        }
    }

    /// The key for a Unicode code point as the kitty protocol and modifyOtherKeys report it, including
    /// kitty's private-use codes for keypad and navigation keys. Lone modifier keys give nil.
    static func key(codepoint: Int, _ mods: KeyModifiers) -> Key? {
        let code: KeyCode
        switch codepoint {
        case 13, 57414: code = .enter
        case 9: code = .tab
        case 27: code = .escape
        case 8, 127: code = .backspace
        case 32: code = .space
        case 57399...57408: code = .char(Unicode.Scalar(UInt8(48 + codepoint - 57399)))
        case 57409: code = .char(".")
        case 57410: code = .char("/")
        case 57411: code = .char("*")
        case 57412: code = .char("-")
        case 57413: code = .char("+")
        case 57415: code = .char("=")
        case 57417: code = .left
        case 57418: code = .right
        case 57419: code = .up
        case 57420: code = .down
        case 57421: code = .pageUp
        case 57422: code = .pageDown
        case 57423: code = .home
        case 57424: code = .end
        case 57425: code = .insert
        case 57426: code = .delete
        case 57376...57398: code = .function(codepoint - 57376 + 13)
        case 0..<32, 0x7F...0x9F, 57344...63743: return nil
        default:
            guard let s = Unicode.Scalar(UInt32(clamping: max(0, codepoint))) else { return nil }
            code = .char(s)
        }
        return Key(code, mods)
    }

    func sgrMouse() -> MouseEvent? {
        guard params.count == 3, final == UInt8(ascii: "M") || final == UInt8(ascii: "m") else { return nil }
        let point = Point(x: param(1, default: 1) - 1, y: param(2, default: 1) - 1)
        return CSISequence.mouse(code: param(0, default: 0), at: point, released: final == UInt8(ascii: "m"))
    }

    /// Decodes a mouse button code (SGR or X10 numbering).
    static func mouse(code: Int, at point: Point, released: Bool) -> MouseEvent? {
        guard point.x >= 0, point.y >= 0 else { return nil }
        var mods: KeyModifiers = []
        if code & 4 != 0 { mods.insert(.shift) }
        if code & 8 != 0 { mods.insert(.alt) }
        if code & 16 != 0 { mods.insert(.ctrl) }
        let low = code & 3
        if code & 64 != 0 {
            let dirs: [MouseEvent.Kind] = [.scrollUp, .scrollDown, .scrollLeft, .scrollRight]
            return released ? nil : MouseEvent(dirs[low], at: point, modifiers: mods)
        }
        let button: MouseButton?
        if code & 128 != 0 { button = .other(8 + low) } else { button = [.left, .middle, .right, nil][low] }
        if code & 32 != 0 {
            return MouseEvent(button.map { .drag($0) } ?? .move, at: point, modifiers: mods)
        }
        if released { return MouseEvent(.release(button ?? .left), at: point, modifiers: mods) }
        guard let button else { return nil }
        return MouseEvent(.press(button), at: point, modifiers: mods)
    }
}
