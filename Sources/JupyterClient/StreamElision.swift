import Foundation

/// Keeps a growing stream's text within a byte limit by dropping its middle: the head stays, then a
/// marker line `… N lines dropped …`, then the most recent text. Repeated trims keep one marker and
/// add up the dropped lines. Text is cut at line boundaries where there is one (else at a character
/// boundary), and trimmed down to three quarters of the limit so the work is amortised: a stream
/// of any length costs O(1) per byte appended.
public struct StreamElision: Sendable, Equatable {
    /// UTF-8 bytes of the head kept before the marker.
    public private(set) var headBytes: Int
    /// UTF-8 bytes of the marker line (its newline included).
    public private(set) var markerBytes: Int
    /// Lines dropped so far.
    public private(set) var droppedLines: Int

    /// The marker line for `count` dropped lines, newline included.
    public static func marker(_ count: Int) -> String { "… \(grouped(count)) lines dropped …\n" }

    /// `n` with thousands separators (`1,234,567`), independent of the locale.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    /// Trims `text` when it holds more than `limit` UTF-8 bytes; `elision` carries the marker of
    /// earlier trims of the same text (nil before the first). Returns whether the text changed.
    @discardableResult
    public static func bound(_ text: inout String, limit: Int, elision: inout StreamElision?) -> Bool {
        let limit = max(256, limit)
        guard text.utf8.count > limit else { return false }
        var bytes = Array(text.utf8)
        let head: Int, bodyStart: Int, alreadyDropped: Int
        if let e = elision, e.headBytes + e.markerBytes <= bytes.count {
            head = e.headBytes
            bodyStart = e.headBytes + e.markerBytes
            alreadyDropped = e.droppedLines
        } else {
            head = lineCut(bytes, near: limit / 4, from: 0)
            bodyStart = head
            alreadyDropped = 0
        }
        let target = limit * 3 / 4
        let tailBudget = max(64, target - head - 48)
        var keepFrom = max(bodyStart, bytes.count - tailBudget)
        keepFrom = nextLineStart(bytes, from: keepFrom, limit: bytes.count)
        let droppedRange = bodyStart..<keepFrom
        var dropped = bytes[droppedRange].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        if let last = bytes[droppedRange].last, last != 0x0A { dropped += 1 }
        let total = alreadyDropped + dropped
        let marker = Array(Self.marker(total).utf8)
        bytes.replaceSubrange(head..<keepFrom, with: marker)
        text = String(decoding: bytes, as: UTF8.self)
        elision = StreamElision(headBytes: head, markerBytes: marker.count, droppedLines: total)
        return true
    }

    /// The end of the last whole line within the first `count` bytes (after its newline); without a
    /// newline, `count` moved back to a character boundary.
    static func lineCut(_ bytes: [UInt8], near count: Int, from start: Int) -> Int {
        let end = min(bytes.count, start + count)
        if let nl = bytes[start..<end].lastIndex(of: 0x0A) { return nl + 1 }
        var i = end
        while i > start, i < bytes.count, bytes[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }

    /// The start of the line after `index` (just past the next newline) when one is within the last
    /// part of the text; else `index` moved forward to a character boundary.
    static func nextLineStart(_ bytes: [UInt8], from index: Int, limit: Int) -> Int {
        let searchEnd = min(limit, index + 4096)
        if index > 0, bytes[index - 1] == 0x0A { return index }
        if let nl = bytes[index..<searchEnd].firstIndex(of: 0x0A), nl + 1 < bytes.count { return nl + 1 }
        var i = index
        while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
        return i
    }
}
