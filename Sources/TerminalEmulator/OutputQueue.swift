/// Bytes waiting to be written to the child when the pty is full. Writes go out in order; what a
/// non-blocking write could not take stays queued until the fd is writable again.
struct OutputQueue: Sendable {
    private var bytes: [UInt8] = []
    private var start = 0
    /// Upper bound on what is kept; beyond it new bytes are dropped and counted.
    let limit: Int
    /// Bytes dropped because the child did not read and the queue was full.
    private(set) var dropped = 0

    init(limit: Int = 16 << 20) { self.limit = limit }

    var isEmpty: Bool { start == bytes.count }
    var count: Int { bytes.count - start }

    mutating func append(_ data: UnsafeRawBufferPointer) {
        let room = max(0, limit - count)
        if data.count > room { dropped += data.count - room }
        bytes.append(contentsOf: data.prefix(room))
    }

    /// Writes as much as `write` takes; `write` returns the bytes written, or nil when it would block
    /// or failed. Returns whether the queue is now empty.
    @discardableResult
    mutating func drain(_ write: (UnsafeRawBufferPointer) -> Int?) -> Bool {
        while start < bytes.count {
            let n = bytes.withUnsafeBytes { raw in write(UnsafeRawBufferPointer(rebasing: raw[start...])) }
            guard let n, n > 0 else { break }
            start += n
        }
        if start == bytes.count {
            bytes.removeAll(keepingCapacity: bytes.capacity <= 1 << 16)
            start = 0
        } else if start > 1 << 16 {
            bytes.removeFirst(start)
            start = 0
        }
        return isEmpty
    }

    mutating func removeAll() {
        bytes = []
        start = 0
    }
}
