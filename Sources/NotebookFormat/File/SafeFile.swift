import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, buffer, count) }
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { write(fd, buffer, count) }

/// Reading and crash-safe writing of whole files with POSIX calls.
public enum SafeFile {
    /// Reads the whole file, returning its bytes and fingerprint.
    public static func read(_ path: String) throws(NotebookFileError) -> (Data, FileFingerprint) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw .from(errno: errno, path: path, operation: "open") }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) != 0 { throw .from(errno: errno, path: path, operation: "stat") }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path: path) }
        var data = Data(count: Int(st.st_size))
        var total = 0
        var failure: Int32 = 0
        data.withUnsafeMutableBytes { raw in
            (total, failure) = transfer(raw.count) { posixRead(fd, raw.baseAddress! + $0, raw.count - $0) }
        }
        if failure != 0 { throw .from(errno: failure, path: path, operation: "read") }
        if total < data.count { data.count = total }
        // A file that grows while being read (or a pipe) is read to its end.
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = posixRead(fd, &chunk, chunk.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            data.append(contentsOf: chunk[0..<n])
        }
        return (data, fingerprint(of: st, data: data))
    }

    /// The current status of `path`, or nil if it does not exist.
    static func status(_ path: String) throws(NotebookFileError) -> stat? {
        var st = stat()
        if stat(path, &st) != 0 {
            if errno == ENOENT { return nil }
            throw .from(errno: errno, path: path, operation: "stat")
        }
        return st
    }

    /// The modification time of a file status (seconds, nanoseconds).
    static func modificationTime(_ st: stat) -> (Int, Int) {
        #if canImport(Darwin)
        return (Int(st.st_mtimespec.tv_sec), Int(st.st_mtimespec.tv_nsec))
        #else
        return (Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec))
        #endif
    }

    static func fingerprint(of st: stat, data: Data) -> FileFingerprint {
        let (seconds, nanoseconds) = modificationTime(st)
        return FileFingerprint(data: data, size: Int64(st.st_size), modificationSeconds: seconds,
                               modificationNanoseconds: nanoseconds)
    }

    /// Writes `data` to `path` without ever leaving a half-written file: a temporary file in the same
    /// directory, fsync, the original file's mode (and owner when permitted), then an atomic rename.
    /// A symbolic link is followed: its target is replaced. Returns the new fingerprint.
    @discardableResult
    public static func write(_ data: Data, to path: String) throws(NotebookFileError) -> FileFingerprint {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let existing = try status(target)
        if let existing, (existing.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path: path) }
        let dir = (target as NSString).deletingLastPathComponent
        let base = (target as NSString).lastPathComponent
        var template = Array("\(dir.isEmpty ? "." : dir)/.\(base).callisto-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 { throw .from(errno: errno, path: path, operation: "create a temporary file in \(dir)") }
        let tempPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var ok = false
        defer {
            if !ok { unlink(tempPath) }
        }
        do {
            defer { close(fd) }
            try writeAll(fd, data, path: path)
            let mode: mode_t
            if let existing {
                mode = existing.st_mode & 0o7777
                _ = fchown(fd, existing.st_uid, existing.st_gid)
            } else {
                let mask = umask(0)
                umask(mask)
                mode = 0o666 & ~mask
            }
            if fchmod(fd, mode) != 0 { throw NotebookFileError.from(errno: errno, path: path, operation: "chmod") }
            if fsync(fd) != 0 { throw NotebookFileError.from(errno: errno, path: path, operation: "fsync") }
        }
        if rename(tempPath, target) != 0 { throw .from(errno: errno, path: path, operation: "rename") }
        ok = true
        let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
        guard let st = try status(target) else { throw .notFound(path: path) }
        return fingerprint(of: st, data: data)
    }

    private static func writeAll(_ fd: Int32, _ data: Data, path: String) throws(NotebookFileError) {
        var failure: Int32 = 0
        data.withUnsafeBytes { raw in
            failure = transfer(raw.count) { posixWrite(fd, raw.baseAddress! + $0, raw.count - $0) }.1
        }
        if failure != 0 { throw .from(errno: failure, path: path, operation: "write") }
    }

    /// Calls `step(offset)` (a read or write returning a byte count) until `count` bytes are done,
    /// the end of the file is reached or an error other than EINTR occurs.
    private static func transfer(_ count: Int, _ step: (Int) -> Int) -> (Int, Int32) {
        var done = 0
        while done < count {
            let n = step(done)
            if n < 0 {
                if errno == EINTR { continue }
                return (done, errno)
            }
            if n == 0 { break }
            done += n
        }
        return (done, 0)
    }
}
