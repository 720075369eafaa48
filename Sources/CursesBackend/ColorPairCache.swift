/// Colour pairs for ncurses: each (foreground, background) combination in use gets a pair number.
///
/// Pairs are created on first use through `allocate` (ncurses `init_extended_pair`). When the
/// terminal's pairs run out or creation fails, the combination falls back to pair 0 (the terminal's
/// default colours) and is counted in `fallbacks`; `reset()` forgets every pair (done before a full redraw).
struct ColorPairCache {
    struct Key: Hashable { var fg: Int32; var bg: Int32 }

    let capacity: Int
    private(set) var pairs: [Key: Int32] = [:]
    private(set) var fallbacks = 0
    private var next: Int32 = 1

    init(capacity: Int) { self.capacity = capacity }

    /// The pair for ncurses colour numbers `fg`/`bg` (-1 is the default colour).
    mutating func pair(fg: Int32, bg: Int32, allocate: (Int32, Int32, Int32) -> Bool) -> Int32 {
        if fg == -1 && bg == -1 { return 0 }
        let key = Key(fg: fg, bg: bg)
        if let p = pairs[key] { return p }
        guard Int(next) < capacity, allocate(next, fg, bg) else { fallbacks += 1; return 0 }
        pairs[key] = next
        next += 1
        return next - 1
    }

    mutating func reset() {
        pairs.removeAll(keepingCapacity: true)
        next = 1
    }
}
