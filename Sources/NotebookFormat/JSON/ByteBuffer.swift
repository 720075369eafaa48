import Foundation

/// A growable byte buffer on `malloc` memory: growing large buffers uses `realloc` (no copy for
/// big blocks), and the result becomes `Data` without copying.
final class ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 256)
        base = malloc(self.capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    deinit { free(base) }

    @inline(__always)
    private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        base = realloc(base, newCapacity)!.assumingMemoryBound(to: UInt8.self)
        capacity = newCapacity
    }

    @inline(__always)
    func append(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let src = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: src, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    func append(repeating b: UInt8, count n: Int) {
        reserve(n)
        (base + count).initialize(repeating: b, count: n)
        count += n
    }

    /// The bytes as an array (copied).
    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Hands the memory to a `Data`; the buffer is empty afterwards.
    func takeData() -> Data {
        let data = Data(bytesNoCopy: base, count: count, deallocator: .free)
        capacity = 256
        count = 0
        base = malloc(capacity)!.assumingMemoryBound(to: UInt8.self)
        return data
    }
}

/// Word-at-a-time byte tests (SWAR) for the hot loops of the parser and writer.
enum SWAR {
    @inline(__always) static func load(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
    }

    /// Whether any byte of `w` equals `b`.
    @inline(__always) static func has(_ w: UInt64, _ b: UInt8) -> Bool {
        let x = w ^ (0x0101_0101_0101_0101 &* UInt64(b))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// Whether any byte of `w` is below 0x20.
    @inline(__always) static func hasControl(_ w: UInt64) -> Bool {
        (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080 != 0
    }

    /// Whether a JSON string's bytes can be copied as they are: no quote, backslash or control byte.
    @inline(__always) static func isPlain(_ w: UInt64) -> Bool {
        !hasControl(w) && !has(w, 0x22) && !has(w, 0x5C)
    }
}
