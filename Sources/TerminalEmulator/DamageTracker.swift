/// The rows of a screen that changed since the owner last rendered. libvterm reports damage as
/// rectangles, many per chunk of output; they are merged into one flag per row so that a frame
/// re-reads each changed row once, however much output arrived in between.
struct DamageTracker: Sendable {
    private(set) var rows: [Bool]
    /// Whether any row is dirty.
    private(set) var isDirty = false

    init(rows: Int) {
        self.rows = [Bool](repeating: true, count: max(0, rows))
        isDirty = rows > 0
    }

    /// Marks rows `start..<end` (clamped) dirty.
    mutating func mark(rows start: Int, _ end: Int) {
        let lo = max(0, start), hi = min(rows.count, end)
        guard lo < hi else { return }
        for r in lo..<hi { rows[r] = true }
        isDirty = true
    }

    /// Marks every row dirty.
    mutating func markAll() { mark(rows: 0, rows.count) }

    /// The dirty rows, in order; clears them.
    mutating func take() -> [Int] {
        guard isDirty else { return [] }
        var out: [Int] = []
        for (r, dirty) in rows.enumerated() where dirty { out.append(r) }
        for r in out { rows[r] = false }
        isDirty = false
        return out
    }

    /// A tracker for a new row count: everything dirty.
    mutating func resize(rows count: Int) {
        self = DamageTracker(rows: count)
    }
}
