import Foundation

/// What a file looked like when it was read or written: size, modification time and a content hash.
/// Used to notice that someone else changed the file before saving over it.
public struct FileFingerprint: Sendable, Equatable {
    /// Size in bytes.
    public var size: Int64
    /// Modification time, seconds since 1970.
    public var modificationSeconds: Int
    /// Nanoseconds part of the modification time.
    public var modificationNanoseconds: Int
    /// A 64-bit hash of the content.
    public var contentHash: UInt64

    /// The fingerprint of `data` with the given file status.
    public init(data: Data, size: Int64, modificationSeconds: Int, modificationNanoseconds: Int) {
        self.size = size
        self.modificationSeconds = modificationSeconds
        self.modificationNanoseconds = modificationNanoseconds
        self.contentHash = FileFingerprint.hash(data)
    }

    /// Whether size and modification time match (the file is then taken as unchanged).
    func sameStatus(as other: FileFingerprint) -> Bool {
        size == other.size && modificationSeconds == other.modificationSeconds
            && modificationNanoseconds == other.modificationNanoseconds
    }

    /// A fast non-cryptographic 64-bit hash (word at a time, multiply-xorshift mixing).
    public static func hash(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { raw -> UInt64 in
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
            let words = raw.count / 8
            var i = 0
            while i < words {
                let w = raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
                h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                i += 1
            }
            var tail: UInt64 = 0
            for k in (words * 8)..<raw.count { tail = tail << 8 | UInt64(raw[k]) }
            h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
            h ^= h >> 29
            return h
        }
    }
}
