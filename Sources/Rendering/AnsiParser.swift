import TermCore

/// A streaming parser for terminal output: keeps SGR colours and attributes, applies `\r`, `\b`,
/// tabs and erase-in-line within a line, and neutralises everything else.
///
/// What happens to each kind of input:
/// - SGR (`CSI … m`): applied to the style (16, bright, 256 and truecolor colours in `;` and `:`
///   forms; bold, dim, italic, underline, blink, reverse, strikethrough and their resets).
/// - `CSI … K` (erase in line) is applied within the current line; every other CSI sequence (cursor
///   moves, screen erase, modes, private sequences) is removed.
/// - OSC (including 52 clipboard, 0/2 title, 8 hyperlinks), DCS, SOS, PM and APC strings are removed
///   up to their terminator (BEL or ST). An unterminated string swallows the rest of the input, as a
///   terminal would.
/// - Other two- and three-byte escapes (`ESC 7`, `ESC ( B` …) are removed; a lone ESC is shown as `␛`.
/// - C0 controls other than `\n`, `\t`, `\r`, `\b` and ESC are shown as their control pictures
///   (U+2400 + code, e.g. `␇` for BEL); DEL as `␡`.
/// - C1 controls encoded in UTF-8 (U+0080–U+009F): the 8-bit introducers CSI, OSC, DCS, SOS, PM and
///   APC start the same sequences as their 7-bit forms (so their payload is removed too); the others
///   are removed.
/// - Invalid UTF-8 becomes U+FFFD (one per maximal invalid subsequence).
public struct AnsiParser {
    private enum State {
        case ground
        case escape
        /// After `ESC` and intermediate bytes (0x20–0x2F), waiting for the final byte.
        case escapeIntermediate
        case csi
        /// Inside an OSC, DCS, SOS, PM or APC string.
        case string
        /// `ESC` seen inside a string: `\` ends the string, anything else starts a new escape.
        case stringEscape
        /// A `0xC2` lead byte seen: the next byte tells whether this is a C1 control.
        case c2Lead
        /// A `0xC2` lead byte inside a string: `0x9C` (8-bit ST) ends the string.
        case stringC2Lead
    }

    private var state = State.ground
    private var style = Style.plain
    private var builder = AnsiLineBuilder()
    private var pending: [UInt8] = []
    private var params: [UInt8] = []
    private var paramsOverflow = false
    private var csiIntermediate = false
    private static let maxParams = 256

    public init() {}

    /// Feeds a chunk of output; sequences may be split across chunks.
    public mutating func feed(_ bytes: some Collection<UInt8>) {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ feed(buffer: $0) }) { return done }
        let copy = Array(bytes)
        copy.withUnsafeBufferPointer { feed(buffer: $0) }
    }

    /// Feeds a chunk of output text.
    public mutating func feed(_ text: String) {
        var text = text
        text.withUTF8 { feed(buffer: $0) }
    }

    /// The lines parsed so far, with the unfinished last line when it holds text. A trailing newline
    /// does not make an empty last line.
    public func lines() -> [Line] {
        var copy = self
        copy.flushText()
        if case .c2Lead = copy.state { copy.pending.append(0xC2); copy.flushText() }
        if case .escape = copy.state { copy.builder.write("\u{241B}", style: copy.style) }
        return copy.builder.finished(keepEmptyLast: false)
    }

    private mutating func feed(buffer: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = buffer.count
        while i < n {
            if case .ground = state {
                // Fast path: a run of printable bytes (and UTF-8 other than a 0xC2 lead).
                let start = i
                while i < n {
                    let b = buffer[i]
                    if b < 0x20 || b == 0x7F || b == 0xC2 { break }
                    i += 1
                }
                if i > start { pending.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<i])) }
                if i == n { break }
            }
            step(buffer[i])
            i += 1
        }
    }

    private mutating func flushText() {
        guard !pending.isEmpty else { return }
        builder.write(String(decoding: pending, as: UTF8.self), style: style)
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func step(_ b: UInt8) {
        switch state {
        case .ground: ground(b)
        case .c2Lead:
            state = .ground
            if (0x80...0x9F).contains(b) {
                c1(b)
            } else {
                pending.append(0xC2)
                ground(b)
            }
        case .escape: escape(b)
        case .escapeIntermediate:
            if (0x20...0x2F).contains(b) { return }
            state = .ground
            if !(0x30...0x7E).contains(b) { ground(b) }
        case .csi: csi(b)
        case .string:
            switch b {
            case 0x07: state = .ground
            case 0x1B: state = .stringEscape
            case 0x18, 0x1A: state = .ground
            case 0xC2: state = .stringC2Lead
            default: break
            }
        case .stringC2Lead:
            state = .string
            if b == 0x9C { state = .ground } else { step(b) }
        case .stringEscape:
            if b == 0x5C { state = .ground } else { state = .escape; escape(b) }
        }
    }

    private mutating func ground(_ b: UInt8) {
        switch b {
        case 0x0A:
            flushText()
            builder.newline()
        case 0x09:
            flushText()
            builder.tab(style: style)
        case 0x0D:
            flushText()
            builder.carriageReturn()
        case 0x08:
            flushText()
            builder.backspace()
        case 0x1B:
            flushText()
            state = .escape
        case 0xC2:
            state = .c2Lead
        case 0x7F:
            pending.append(contentsOf: [0xE2, 0x90, 0xA1]) // ␡
        case 0x00..<0x20:
            // Control pictures: U+2400 + code.
            pending.append(contentsOf: [0xE2, 0x90, 0x80 + b])
        default:
            pending.append(b)
        }
    }

    private mutating func c1(_ b: UInt8) {
        flushText()
        switch b {
        case 0x9B: beginCSI()
        case 0x9D, 0x90, 0x98, 0x9E, 0x9F: state = .string
        default: break // other C1 controls, including a stray ST, are removed
        }
    }

    private mutating func escape(_ b: UInt8) {
        switch b {
        case 0x5B: beginCSI()                                   // [
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .string      // ] P X ^ _
        case 0x20...0x2F: state = .escapeIntermediate
        case 0x30...0x7E: state = .ground                       // ESC 7, ESC c, ESC \ …
        case 0x1B:
            builder.write("\u{241B}", style: style)             // the first ESC was alone
        default:
            builder.write("\u{241B}", style: style)
            state = .ground
            ground(b)
        }
    }

    private mutating func beginCSI() {
        state = .csi
        params.removeAll(keepingCapacity: true)
        paramsOverflow = false
        csiIntermediate = false
    }

    private mutating func csi(_ b: UInt8) {
        switch b {
        case 0x30...0x3F:
            if csiIntermediate { paramsOverflow = true }  // parameters after intermediates: malformed
            if params.count < Self.maxParams { params.append(b) } else { paramsOverflow = true }
        case 0x20...0x2F:
            csiIntermediate = true
        case 0x40...0x7E:
            state = .ground
            guard !paramsOverflow && !csiIntermediate else { return }
            if let first = params.first, first >= 0x3C { return } // private sequences (?, <, =, >)
            if b == 0x6D {
                style = SGR.apply(params, to: style)
            } else if b == 0x4B {
                builder.eraseInLine(SGR.firstNumber(params) ?? 0)
            }
        case 0x1B:
            state = .escape
        default:
            // A control or non-ASCII byte inside a CSI aborts it; the byte is processed as text.
            state = .ground
            ground(b)
        }
    }
}

/// ANSI text: the one-call entry points to `AnsiParser`.
public enum AnsiText {
    /// The styled lines of `text` (see `AnsiParser` for what is kept and what is neutralised).
    public static func lines(_ text: String) -> [Line] {
        var p = AnsiParser()
        p.feed(text)
        return p.lines()
    }

    /// The styled lines of raw output bytes (invalid UTF-8 becomes U+FFFD).
    public static func lines(bytes: some Collection<UInt8>) -> [Line] {
        var p = AnsiParser()
        p.feed(bytes)
        return p.lines()
    }

    /// Text that should hold no controls at all (markdown, HTML, JSON strings): returned as it is
    /// when it has none, else with escape sequences removed and controls made visible.
    public static func sanitized(_ text: String) -> String {
        text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } ? plainText(text) : text
    }

    /// The text with every escape sequence neutralised and styles dropped.
    public static func plainText(_ text: String) -> String {
        lines(text).map(\.plainText).joined(separator: "\n")
    }
}
