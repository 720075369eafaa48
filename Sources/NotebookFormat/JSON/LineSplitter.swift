internal import JSONCore

/// Python's `str.splitlines(keepends=True)` on UTF-8 bytes. Line boundaries: `\n`, `\r`, `\r\n` (one
/// boundary), `\v`, `\f`, `\x1c`, `\x1d`, `\x1e`, U+0085, U+2028, U+2029. Every piece keeps its
/// terminator; there is no trailing empty piece.
public enum LineSplitter {
    /// Calls `body` with the byte range of each line, terminator included.
    public static func forEachLine(_ u: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var start = 0
        var i = 0
        let n = u.count
        guard let p = u.baseAddress else { return }
        while i < n {
            // No control byte and no non-ASCII byte: no line boundary among these eight.
            while i + 8 <= n {
                let w = SWAR.load(p + i)
                if SWAR.hasControl(w) || w & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            if i >= n { break }
            let b = u[i]
            var end = -1
            switch b {
            case 0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E:
                end = i + 1
            case 0x0D:
                end = (i + 1 < n && u[i + 1] == 0x0A) ? i + 2 : i + 1
            case 0xC2:
                if i + 1 < n && u[i + 1] == 0x85 { end = i + 2 }
            case 0xE2:
                if i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9) { end = i + 3 }
            default:
                break
            }
            if end >= 0 {
                body(start..<end)
                start = end
                i = end
            } else {
                i += 1
            }
        }
        if start < n { body(start..<n) }
    }

    /// The lines of `s`, each with its terminator.
    public static func lines(_ s: String) -> [String] {
        var s = s
        return s.withUTF8 { u in
            var out: [String] = []
            forEachLine(u) { out.append(String(decoding: UnsafeBufferPointer(rebasing: u[$0]), as: UTF8.self)) }
            return out
        }
    }
}
