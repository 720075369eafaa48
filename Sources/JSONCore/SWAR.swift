/// Word-at-a-time byte tests (SWAR) for the hot loops of the JSON readers and writers.
public enum SWAR {
    /// Eight bytes at `p`, unaligned.
    @inlinable @inline(__always)
    public static func load(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
    }

    /// Whether any byte of `w` equals `b`.
    @inlinable @inline(__always)
    public static func has(_ w: UInt64, _ b: UInt8) -> Bool {
        let x = w ^ (0x0101_0101_0101_0101 &* UInt64(b))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// Whether any byte of `w` is below 0x20.
    @inlinable @inline(__always)
    public static func hasControl(_ w: UInt64) -> Bool {
        (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080 != 0
    }

    /// Whether a JSON string's bytes can be copied as they are: no quote, backslash or control byte.
    @inlinable @inline(__always)
    public static func isPlain(_ w: UInt64) -> Bool {
        !hasControl(w) && !has(w, 0x22) && !has(w, 0x5C)
    }

    /// Whether all eight bytes are plain ASCII string bytes (no quote, backslash, control or non-ASCII).
    @inlinable @inline(__always)
    public static func isPlainASCII(_ w: UInt64) -> Bool {
        w & 0x8080_8080_8080_8080 == 0 && isPlain(w)
    }
}
