/// A ring of the most recent `capacity` scrollback lines, oldest first.
///
/// `evicted` counts lines dropped from the front since the start, so positions that must survive
/// eviction (copy-mode cursor, selection) can be kept as `evicted + index`.
public struct ScrollbackBuffer: Sendable {
    public private(set) var capacity: Int
    private var storage: [ScrollbackLine] = []
    private var head = 0
    /// Lines dropped from the front because the ring was full.
    public private(set) var evicted = 0

    /// A ring holding at most `capacity` lines (at least one).
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }

    /// The line at `index`, 0 being the oldest kept.
    public subscript(index: Int) -> ScrollbackLine {
        storage[(head + index) % storage.count]
    }

    /// Appends the newest line, dropping the oldest when full.
    public mutating func push(_ line: ScrollbackLine) {
        if storage.count < capacity {
            storage.append(line)
        } else {
            storage[head] = line
            head = (head + 1) % capacity
            evicted += 1
        }
    }

    /// Removes and returns the newest line.
    public mutating func popNewest() -> ScrollbackLine? {
        guard !storage.isEmpty else { return nil }
        if head == 0 { return storage.removeLast() }
        // Unroll the ring so the newest line is last, then remove it.
        storage = Array(storage[head...] + storage[..<head])
        head = 0
        return storage.removeLast()
    }

    /// Drops every line.
    public mutating func removeAll() {
        storage.removeAll()
        head = 0
    }

    /// Changes the capacity, keeping the newest lines.
    public mutating func setCapacity(_ newCapacity: Int) {
        let lines = (0..<count).map { self[$0] }
        capacity = max(1, newCapacity)
        let kept = lines.suffix(capacity)
        evicted += lines.count - kept.count
        storage = Array(kept)
        head = 0
    }
}
