/// A terminal's answer to a query Callisto sent (never a key): what graphics it can show and how
/// large its cells are in pixels.
public enum TerminalReport: Hashable, Sendable {
    /// Primary device attributes (`CSI ? Ps ; … c`): the attribute numbers; 4 means sixel graphics.
    case deviceAttributes([Int])
    /// The answer to a kitty graphics query (`ESC _ G i=ID ; OK ESC \`): the query id and whether it
    /// said OK.
    case kittyGraphics(id: Int, ok: Bool)
    /// The size of a cell in pixels (`CSI 6 ; height ; width t`).
    case cellPixelSize(width: Int, height: Int)
}

extension CSISequence {
    /// A reply to a query, when this sequence is one: device attributes or the cell size.
    func report() -> TerminalReport? {
        if marker == UInt8(ascii: "?"), final == UInt8(ascii: "c") {
            return .deviceAttributes(params.compactMap { $0.first ?? nil })
        }
        if marker == nil, final == UInt8(ascii: "t"), param(0, default: 0) == 6 {
            let h = param(1, default: 0), w = param(2, default: 0)
            return w > 0 && h > 0 ? .cellPixelSize(width: w, height: h) : nil
        }
        return nil
    }
}

extension InputDecoder {
    /// The longest control string (APC, DCS, OSC, PM, SOS) read before it is dropped as garbage.
    static let maxStringLength = 4096

    /// The bytes after ESC that open a control string: APC, DCS, OSC, PM, SOS.
    static let controlStringStarts: [UInt8] = [UInt8(ascii: "_"), UInt8(ascii: "P"), UInt8(ascii: "]"), UInt8(ascii: "^"), UInt8(ascii: "X")]

    /// Parses a control string starting at `i` (`ESC _`, `ESC P`, `ESC ]`, `ESC ^`, `ESC X`) up to its
    /// terminator (`ESC \`, or BEL for OSC). Only a kitty graphics reply becomes an event; the rest
    /// is consumed so no part of it can turn into keys. Nil when the bytes, resolved after the escape
    /// timeout, never ended: then they were keys typed with Alt (Alt+P, Alt+]…).
    static func parseControlString(_ b: [UInt8], at i: Int, final: Bool) -> Step? {
        let kind = b[i + 1]
        var k = i + 2
        while k < b.count {
            if b[k] == 0x07 && kind == UInt8(ascii: "]") { return .event(nil, k + 1) }
            if b[k] == 0x1B {
                guard k + 1 < b.count else { break }
                if b[k + 1] == UInt8(ascii: "\\") {
                    let body = b[(i + 2)..<k]
                    return .event(kind == UInt8(ascii: "_") ? kittyReply(body).map { .report($0) } : nil, k + 2)
                }
                // An ESC that does not end the string: the string was cut off; resume there.
                return .event(nil, k)
            }
            k += 1
            if k - i > maxStringLength { return .event(nil, k) }
        }
        return final ? nil : .incomplete
    }

    /// `G i=31;OK` (or `G i=31;ENOENT:…`) as a report.
    static func kittyReply(_ body: ArraySlice<UInt8>) -> TerminalReport? {
        guard body.first == UInt8(ascii: "G") else { return nil }
        let text = String(decoding: body.dropFirst(), as: UTF8.self)
        let parts = text.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
        var id = 0
        for field in parts[0].split(separator: ",") where field.hasPrefix("i=") { id = Int(field.dropFirst(2)) ?? 0 }
        return .kittyGraphics(id: id, ok: parts.count > 1 && parts[1] == "OK")
    }
}
