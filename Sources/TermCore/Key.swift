/// Modifier keys held with a key.
public struct KeyModifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let shift = KeyModifiers(rawValue: 1 << 0)
    public static let alt = KeyModifiers(rawValue: 1 << 1)
    public static let ctrl = KeyModifiers(rawValue: 1 << 2)
    public static let `super` = KeyModifiers(rawValue: 1 << 3)
}

/// What was pressed, without modifiers.
public enum KeyCode: Hashable, Sendable {
    /// A printable character. Letters are stored as typed: `A` is Shift+a already applied.
    case char(Unicode.Scalar)
    case enter, tab, backspace, escape, space
    case up, down, left, right, home, end, pageUp, pageDown, insert, delete
    /// A function key, F1–F24.
    case function(Int)
}

/// One key press: a code and its modifiers, written in keymap notation as `a`, `A`, `<C-e>`,
/// `<A-Enter>`, `<S-Tab>`, `<F1>`, `<C-Space>`. A sequence is keys separated by spaces: `d d`.
///
/// Normal form: a printable character carries no Shift (Shift+a is `A`); Ctrl+letter is stored with the
/// lower-case letter, so `<C-E>` and `<C-e>` are the same key.
public struct Key: Hashable, Sendable, CustomStringConvertible {
    public var code: KeyCode
    public var modifiers: KeyModifiers

    public init(_ code: KeyCode, _ modifiers: KeyModifiers = []) {
        var code = code, modifiers = modifiers
        if case let .char(s) = code {
            if s == " " { code = .space }
            else if modifiers.contains(.ctrl), s.properties.isUppercase, let lower = s.properties.lowercaseMapping.unicodeScalars.first {
                // Ctrl+Shift+C is written <C-S-c>; <C-C> means the same as <C-c> (terminals cannot tell).
                code = .char(lower)
            } else if modifiers.contains(.shift), !modifiers.contains(.ctrl),
                      let upper = s.properties.uppercaseMapping.unicodeScalars.first, s.properties.isLowercase {
                code = .char(upper)
                modifiers.remove(.shift)
            } else if modifiers.contains(.shift), !modifiers.contains(.ctrl), !s.properties.isLowercase, s.value >= 0x20 {
                modifiers.remove(.shift) // Shift is already in the character (`!`, `A`)
            }
        }
        self.code = code
        self.modifiers = modifiers
    }

    /// A plain character key.
    public static func char(_ c: Character) -> Key { Key(.char(c.unicodeScalars.first!)) }
    /// Ctrl plus a character key.
    public static func ctrl(_ c: Character) -> Key { Key(.char(c.unicodeScalars.first!), .ctrl) }

    static let names: [(String, KeyCode)] = [
        ("Enter", .enter), ("CR", .enter), ("Return", .enter), ("Tab", .tab), ("BS", .backspace),
        ("Backspace", .backspace), ("Esc", .escape), ("Escape", .escape), ("Space", .space),
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right), ("Home", .home), ("End", .end),
        ("PageUp", .pageUp), ("PageDown", .pageDown), ("Insert", .insert), ("Del", .delete), ("Delete", .delete),
    ]

    /// Parses one key in notation (`a`, `<C-e>`, `<A-S-Enter>`, `<lt>`); nil if it is not one.
    public init?(notation: String) {
        if notation.count == 1, let s = notation.unicodeScalars.first, notation.unicodeScalars.count == 1, s != " " {
            self.init(.char(s)); return
        }
        guard notation.hasPrefix("<"), notation.hasSuffix(">"), notation.count > 2 else { return nil }
        var body = Substring(notation.dropFirst().dropLast())
        var mods: KeyModifiers = []
        while body.count > 2, body[body.index(after: body.startIndex)] == "-" {
            switch body.first! {
            case "C", "c": mods.insert(.ctrl)
            case "A", "a", "M", "m": mods.insert(.alt)
            case "S", "s": mods.insert(.shift)
            case "D", "d": mods.insert(.super)
            default: return nil
            }
            body = body.dropFirst(2)
        }
        let name = String(body)
        if name == "lt" { self.init(.char("<"), mods); return }
        if name == "gt" { self.init(.char(">"), mods); return }
        if name.unicodeScalars.count == 1, let s = name.unicodeScalars.first { self.init(.char(s), mods); return }
        if let found = Key.names.first(where: { $0.0.lowercased() == name.lowercased() }) {
            self.init(found.1, mods); return
        }
        if name.first == "F" || name.first == "f", let n = Int(name.dropFirst()), (1...24).contains(n) {
            self.init(.function(n), mods); return
        }
        return nil
    }

    /// Parses a space-separated sequence (`d d`, `<C-x> <C-s>`); nil if any key is not valid.
    public static func sequence(_ notation: String) -> [Key]? {
        let parts = notation.split(separator: " ", omittingEmptySubsequences: true)
        guard !parts.isEmpty else { return nil }
        var keys: [Key] = []
        for p in parts {
            guard let k = Key(notation: String(p)) else { return nil }
            keys.append(k)
        }
        return keys
    }

    /// The key in notation: the inverse of `init(notation:)`.
    public var description: String {
        var name: String
        switch code {
        case let .char(s):
            if s == "<" { name = "lt" } else if s == ">" { name = "gt" } else { name = String(Character(s)) }
            if modifiers.isEmpty && s != "<" && s != ">" { return name }
        case .enter: name = "Enter"
        case .tab: name = "Tab"
        case .backspace: name = "BS"
        case .escape: name = "Esc"
        case .space: name = "Space"
        case .up: name = "Up"
        case .down: name = "Down"
        case .left: name = "Left"
        case .right: name = "Right"
        case .home: name = "Home"
        case .end: name = "End"
        case .pageUp: name = "PageUp"
        case .pageDown: name = "PageDown"
        case .insert: name = "Insert"
        case .delete: name = "Del"
        case let .function(n): name = "F\(n)"
        }
        var prefix = ""
        if modifiers.contains(.ctrl) { prefix += "C-" }
        if modifiers.contains(.alt) { prefix += "A-" }
        if modifiers.contains(.shift) { prefix += "S-" }
        if modifiers.contains(.super) { prefix += "D-" }
        return "<\(prefix)\(name)>"
    }
}
