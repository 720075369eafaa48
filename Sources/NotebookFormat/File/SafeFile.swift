import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
            while total < raw.count {
                let n = Glibc.read(fd, raw.baseAddress! + total, raw.count - total)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { break }
                total += n
            }
        }
        if failure != 0 { throw .from(errno: failure, path: path, operation: "read") }
        if total < data.count { data.count = total }
        // A file that grows while being read (or a pipe) is read to its end.
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = Glibc.read(fd, &chunk, chunk.count)
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

    static func fingerprint(of st: stat, data: Data) -> FileFingerprint {
        FileFingerprint(data: data, size: Int64(st.st_size), modificationSeconds: Int(st.st_mtim.tv_sec),
                        modificationNanoseconds: Int(st.st_mtim.tv_nsec))
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
            var done = 0
            while done < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                done += n
            }
        }
        if failure != 0 { throw .from(errno: failure, path: path, operation: "write") }
    }
}
