import Foundation

/// Appends stream chunks the way JupyterLab shows them: `\b` deletes the previous character of its
/// line, and a `\r` not followed by `\n` discards the line before it (so a progress bar keeps only its
/// last state). Work per chunk is bounded by the chunk plus the current last line.
public enum StreamText {
    /// Appends `chunk` to `text`, applying `\r` and `\b`.
    public static func append(_ chunk: String, to text: inout String) {
        let needsWork = chunk.utf8.contains(where: { $0 == 0x0D || $0 == 0x08 }) || text.utf8.last == 0x0D
        guard needsWork else {
            text.append(chunk)
            return
        }
        let utf8 = text.utf8
        let lineStart = utf8.lastIndex(of: 0x0A).map { utf8.index(after: $0) } ?? utf8.startIndex
        let tail = Array(utf8[lineStart...]) + Array(chunk.utf8)
        text.replaceSubrange(lineStart..., with: String(decoding: process(tail), as: UTF8.self))
    }

    /// `text` with `\b` and `\r` applied.
    public static func normalize(_ text: String) -> String {
        String(decoding: process(Array(text.utf8)), as: UTF8.self)
    }

    static func process(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var line: [UInt8] = []
        for b in bytes {
            if b == 0x0A {
                out.append(contentsOf: carriageReturns(line))
                out.append(0x0A)
                line.removeAll(keepingCapacity: true)
            } else if b == 0x08 {
                // Remove the previous character (a whole UTF-8 sequence).
                if line.isEmpty { line.append(b); continue }
                while let last = line.popLast(), last & 0xC0 == 0x80 {}
            } else {
                line.append(b)
            }
        }
        out.append(contentsOf: carriageReturns(line))
        return out
    }

    /// A line with everything up to its last `\r` removed, unless that `\r` ends the line.
    static func carriageReturns(_ line: [UInt8]) -> ArraySlice<UInt8> {
        guard line.count > 1, let cut = line[..<(line.count - 1)].lastIndex(of: 0x0D) else { return line[...] }
        return line[(cut + 1)...]
    }
}
