import Foundation

/// Recovery copies a crash handler can write: the latest serialised bytes of every modified
/// notebook with the paths they go to, reachable through plain C memory.
///
/// A handler for SIGSEGV, SIGILL, SIGABRT and the like may only call async-signal-safe functions, so
/// nothing is serialised there: the app refreshes the snapshot while it runs (`update`), and
/// `writeAll()` only calls `open`, `write`, `fsync`, `close` and `rename` on bytes prepared earlier. Each
/// copy is written beside its target under a temporary name and renamed, so a half-written copy is
/// never offered back. The snapshot is replaced as a whole by swapping one pointer; the previous one
/// is freed afterwards. Used from the event loop's thread only (the crash handler runs on the thread
/// that crashed, which is that thread).
public enum CrashRecoverySnapshot {
    /// Bytes in `malloc` memory, owned and freed by this object; a snapshot points at them without
    /// copying, so a big notebook is held once.
    public final class Bytes: @unchecked Sendable {
        let base: UnsafeMutablePointer<UInt8>?
        /// The number of bytes.
        public let count: Int

        /// Takes ownership of `memory` (allocated with `malloc`).
        public init(taking memory: UnsafeMutableBufferPointer<UInt8>) {
            base = memory.baseAddress
            count = memory.count
        }

        /// A copy of `bytes`.
        public convenience init(copying bytes: [UInt8]) {
            let memory = malloc(max(1, bytes.count))!.assumingMemoryBound(to: UInt8.self)
            memory.initialize(from: bytes, count: bytes.count)
            self.init(taking: UnsafeMutableBufferPointer(start: memory, count: bytes.count))
        }

        /// The bytes as an array (a copy).
        public var array: [UInt8] { base.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [] }

        deinit { free(base) }
    }

    /// One prepared copy.
    public struct Entry: Sendable {
        /// Where the copy goes.
        public var path: String
        /// The notebook's serialised bytes.
        public var bytes: Bytes

        public init(path: String, bytes: Bytes) {
            self.path = path
            self.bytes = bytes
        }
    }

    private struct CEntry {
        var temporary: UnsafeMutablePointer<CChar>
        var path: UnsafeMutablePointer<CChar>
        var bytes: UnsafeMutablePointer<UInt8>?
        var count: Int
    }

    private struct CSnapshot {
        var entries: UnsafeMutablePointer<CEntry>
        var count: Int
    }

    nonisolated(unsafe) private static var current: UnsafeMutablePointer<CSnapshot>?
    /// Keeps the bytes `current` points at alive.
    nonisolated(unsafe) private static var held: [Entry] = []

    /// The paths of the copies a crash would write now.
    public static var paths: [String] {
        guard let s = current else { return [] }
        return (0..<s.pointee.count).map { String(cString: s.pointee.entries[$0].path) }
    }

    /// Replaces the prepared copies by `entries` (an empty list: nothing to write). The folders of
    /// the paths are created now, as the handler cannot.
    public static func update(_ entries: [Entry]) {
        for e in entries {
            try? FileManager.default.createDirectory(atPath: (e.path as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        var next: UnsafeMutablePointer<CSnapshot>?
        if !entries.isEmpty {
            let list = UnsafeMutablePointer<CEntry>.allocate(capacity: entries.count)
            for (i, e) in entries.enumerated() {
                list.advanced(by: i).initialize(to: CEntry(temporary: strdup(e.path + ".crash-tmp")!, path: strdup(e.path)!,
                                                           bytes: e.bytes.base, count: e.bytes.count))
            }
            next = .allocate(capacity: 1)
            next!.initialize(to: CSnapshot(entries: list, count: entries.count))
        }
        let old = current
        current = next
        if let old { release(old) }
        held = entries
    }

    /// Writes every prepared copy. Async-signal-safe; errors are ignored (best effort).
    public static func writeAll() {
        guard let s = current else { return }
        for i in 0..<s.pointee.count {
            let e = s.pointee.entries[i]
            let fd = open(e.temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            if fd < 0 { continue }
            var offset = 0
            var ok = true
            while offset < e.count, let bytes = e.bytes {
                let n = write(fd, bytes + offset, e.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { ok = false; break }
                offset += n
            }
            if ok { _ = fsync(fd) }
            close(fd)
            if ok { _ = rename(e.temporary, e.path) } else { _ = unlink(e.temporary) }
        }
    }

    /// `writeAll` as a C function pointer, for a crash handler.
    public static let writeAllHandler: @convention(c) () -> Void = { CrashRecoverySnapshot.writeAll() }

    private static func release(_ s: UnsafeMutablePointer<CSnapshot>) {
        for i in 0..<s.pointee.count {
            let e = s.pointee.entries[i]
            free(e.temporary)
            free(e.path)
        }
        s.pointee.entries.deallocate()
        s.deallocate()
    }
}
