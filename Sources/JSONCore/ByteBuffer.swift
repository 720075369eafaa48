import Foundation

/// A growable byte buffer on `malloc` memory: growing large buffers uses `realloc` (no copy for
/// big blocks), and the result becomes `Data` without copying.
public final class ByteBuffer {
    // Never accessed overlapping: no dynamic exclusivity checks in the inlined hot loops of other modules.
    @exclusivity(unchecked) @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) @usableFromInline var used = 0
    @exclusivity(unchecked) @usableFromInline var capacity: Int

    /// The number of bytes written.
    public var count: Int { used }

    /// An empty buffer; `capacity` is a hint for the output size.
    public init(capacity: Int) {
        self.capacity = max(capacity, 256)
        base = malloc(self.capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    deinit { free(base) }

    @inlinable @inline(__always)
    func reserve(_ extra: Int) {
        if used + extra > capacity { grow(used + extra) }
    }

    @usableFromInline
    func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        base = realloc(base, newCapacity)!.assumingMemoryBound(to: UInt8.self)
        capacity = newCapacity
    }

    /// Appends one byte.
    @inlinable @inline(__always)
    public func append(_ b: UInt8) {
        reserve(1)
        base[used] = b
        used += 1
    }

    /// Appends bytes.
    @inlinable @inline(__always)
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let src = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + used).update(from: src, count: bytes.count)
        used += bytes.count
    }

    /// Appends the bytes of a static string.
    @inlinable @inline(__always)
    public func append(_ s: StaticString) {
        append(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Appends `n` copies of `b`.
    @inlinable @inline(__always)
    public func append(repeating b: UInt8, count n: Int) {
        reserve(n)
        (base + used).initialize(repeating: b, count: n)
        used += n
    }

    /// The bytes as an array (copied).
    public var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: used)) }

    /// Hands the memory over, shrunk to the bytes written: the caller owns it and releases it with
    /// `free`. The buffer is empty afterwards.
    public func takeMemory() -> UnsafeMutableBufferPointer<UInt8> {
        let shrunk = realloc(base, max(used, 1))?.assumingMemoryBound(to: UInt8.self) ?? base
        let memory = UnsafeMutableBufferPointer(start: shrunk, count: used)
        capacity = 256
        used = 0
        base = malloc(capacity)!.assumingMemoryBound(to: UInt8.self)
        return memory
    }

    /// Hands the memory to a `Data`; the buffer is empty afterwards.
    public func takeData() -> Data {
        let data = Data(bytesNoCopy: base, count: used, deallocator: .free)
        capacity = 256
        used = 0
        base = malloc(capacity)!.assumingMemoryBound(to: UInt8.self)
        return data
    }
}
