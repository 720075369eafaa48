/// Turns the bytes a terminal sends into events: a state machine fed from reads of any size.
///
/// Understands UTF-8 text, C0 controls (Ctrl+letter, Ctrl+Space as NUL, DEL as Backspace), Alt as an
/// ESC prefix, legacy xterm/VT keys (CSI and SS3, with modifiers), the kitty keyboard protocol (CSI u),
/// xterm modifyOtherKeys (CSI 27;m;c ~), bracketed paste, SGR and X10 mouse reports and focus reports.
/// Sequences may be split across reads. A lone ESC is ambiguous until more bytes come: the decoder
/// then reports a `deadline`, and the caller calls `resolve(now:)` once that time has passed (with no
/// new input) to turn the pending bytes into keys. Invalid UTF-8 is dropped; nothing makes it trap.
public struct InputDecoder: Sendable {
    enum State: Sendable {
        /// Between events; `pending` holds the start of an unfinished sequence.
        case ground
        /// Inside a bracketed paste; `paste` collects the text until the end marker.
        case paste
    }

    /// How long an unfinished escape sequence may wait for its next byte before it counts as keys.
    public var escapeTimeout: Duration
    /// When pending bytes must be resolved with `resolve(now:)`; nil when nothing is pending.
    public private(set) var deadline: ContinuousClock.Instant?
    /// The longest CSI sequence accepted; longer ones are dropped as garbage.
    public static let maxSequenceLength = 256

    var state: State = .ground
    var pending: [UInt8] = []
    var paste: [UInt8] = []

    public init(escapeTimeout: Duration = .milliseconds(25)) {
        self.escapeTimeout = escapeTimeout
    }

    /// Milliseconds until `deadline` from `now` (rounded up, at least 0) for a `poll` timeout; nil
    /// when nothing is pending, meaning the loop may wait for input indefinitely.
    public func milliseconds(untilDeadlineFrom now: ContinuousClock.Instant) -> Int? {
        guard let deadline else { return nil }
        let left = now.duration(to: deadline)
        if left <= .zero { return 0 }
        let (seconds, attoseconds) = left.components
        return Int(seconds) * 1000 + Int((attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }

    /// Whether a paste is in progress (its end marker not yet seen).
    public var isInPaste: Bool { if case .paste = state { return true } else { return false } }

    /// Decodes `bytes` read at `now`; returns the events completed by them.
    public mutating func feed(_ bytes: some Sequence<UInt8>, now: ContinuousClock.Instant) -> [Event] {
        pending.append(contentsOf: bytes)
        let events = decode(final: false)
        deadline = (!pending.isEmpty && !isInPaste) ? now.advanced(by: escapeTimeout) : nil
        return events
    }

    /// Resolves pending bytes once `deadline` has passed: a lone ESC becomes Escape, ESC plus one byte
    /// becomes Alt plus that key, an unfinished UTF-8 sequence is dropped. Before the deadline it does
    /// nothing.
    public mutating func resolve(now: ContinuousClock.Instant) -> [Event] {
        guard let deadline, now >= deadline else { return [] }
        let events = decode(final: true)
        self.deadline = nil
        return events
    }

    private static let pasteEnd: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E] // ESC [ 2 0 1 ~

    private mutating func decode(final: Bool) -> [Event] {
        var events: [Event] = []
        var i = 0
        while i < pending.count {
            if isInPaste {
                let from = paste.count
                paste.append(contentsOf: pending[i...])
                i = pending.count
                if let end = Self.find(Self.pasteEnd, in: paste, from: max(0, from - Self.pasteEnd.count)) {
                    let rest = Array(paste[(end + Self.pasteEnd.count)...])
                    events.append(.paste(Self.pasteText(paste[..<end])))
                    paste = []
                    state = .ground
                    pending = rest
                    i = 0
                }
                continue
            }
            switch Self.parse(pending, at: i, final: final) {
            case let .event(event, next):
                if let event { events.append(event) }
                i = next
            case let .pasteStart(next):
                state = .paste
                i = next
            case .incomplete:
                pending.removeFirst(i)
                return events
            }
        }
        pending.removeAll(keepingCapacity: true)
        return events
    }

    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard hay.count >= needle.count else { return nil }
        var i = from
        while i <= hay.count - needle.count {
            if hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    static func pasteText(_ bytes: ArraySlice<UInt8>) -> String {
        var normalised: [UInt8] = []
        normalised.reserveCapacity(bytes.count)
        var previousCR = false
        for b in bytes {
            if b == 0x0D { normalised.append(0x0A); previousCR = true; continue }
            if b == 0x0A && previousCR { previousCR = false; continue }
            previousCR = false
            normalised.append(b)
        }
        return String(decoding: normalised, as: UTF8.self)
    }
}
