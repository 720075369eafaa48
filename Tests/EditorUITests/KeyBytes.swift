import TermCore

/// The bytes a terminal (xterm, or kitty's protocol for keys xterm cannot send) sends for a key, so
/// tests drive the app through the real `InputDecoder`.
enum KeyBytes {
    static func encode(_ key: Key) -> [UInt8] {
        let m = key.modifiers
        let param = 1 + (m.contains(.shift) ? 1 : 0) + (m.contains(.alt) ? 2 : 0) + (m.contains(.ctrl) ? 4 : 0)
        let esc: [UInt8] = [0x1B]
        func csi(_ s: String) -> [UInt8] { esc + Array("[\(s)".utf8) }
        func kitty(_ code: UInt32) -> [UInt8] { csi(param == 1 ? "\(code)u" : "\(code);\(param)u") }
        switch key.code {
        case let .char(s):
            if m.isEmpty { return Array(String(Character(s)).utf8) }
            if m == .ctrl, ("a"..."z").contains(s) { return [UInt8(s.value - 0x60)] }
            if m == .ctrl, "\\]^_".unicodeScalars.contains(s) { return [UInt8(s.value - 0x40)] }
            if m == .alt { return esc + Array(String(Character(s)).utf8) }
            return kitty(s.value)
        case .space:
            if m.isEmpty { return [0x20] }
            if m == .ctrl { return [0x00] }
            return kitty(32)
        case .enter: return m.isEmpty ? [0x0D] : m == .alt ? esc + [0x0D] : kitty(13)
        case .tab: return m.isEmpty ? [0x09] : m == .shift ? csi("Z") : kitty(9)
        case .backspace: return m.isEmpty ? [0x7F] : m == .alt ? esc + [0x7F] : kitty(127)
        case .escape: return m.isEmpty ? [0x1B] : kitty(27)
        case .up, .down, .right, .left, .home, .end:
            let letter = ["A", "B", "C", "D", "H", "F"][[KeyCode.up, .down, .right, .left, .home, .end].firstIndex(of: key.code)!]
            return csi(param == 1 ? letter : "1;\(param)\(letter)")
        case .pageUp, .pageDown, .insert, .delete:
            let n = [KeyCode.pageUp: 5, .pageDown: 6, .insert: 2, .delete: 3][key.code]!
            return csi(param == 1 ? "\(n)~" : "\(n);\(param)~")
        case let .function(n):
            if n <= 4 {
                let letter = ["P", "Q", "R", "S"][n - 1]
                return param == 1 ? esc + Array("O\(letter)".utf8) : csi("1;\(param)\(letter)")
            }
            let codes = [5: 15, 6: 17, 7: 18, 8: 19, 9: 20, 10: 21, 11: 23, 12: 24]
            let c = codes[n] ?? 24
            return csi(param == 1 ? "\(c)~" : "\(c);\(param)~")
        }
    }
}
