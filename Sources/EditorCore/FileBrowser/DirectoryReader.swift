import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a folder's names with `readdir`: names and entry types only, no `stat` per file, so a
/// folder of 100,000 entries lists at once. Sizes and times come later, for the rows shown.
public enum DirectoryReader {
    /// The entries of `path` (without `.` and `..`), or the reason it cannot be read.
    public static func read(_ path: String) -> Result<[FileEntry], FileOperationError> {
        guard let dir = opendir(path) else { return .failure(FileOperationError(errno: errno, action: "open", path: path)) }
        defer { closedir(dir) }
        var entries: [FileEntry] = []
        while let ent = readdir(dir) {
            let name = withUnsafeBytes(of: ent.pointee.d_name) { raw -> [UInt8] in
                let bytes = raw.bindMemory(to: UInt8.self)
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                return Array(bytes[0..<length])
            }
            if name == [46] || name == [46, 46] { continue }
            let kind: FileEntry.Kind
            switch Int32(ent.pointee.d_type) {
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_REG): kind = .file
            case Int32(DT_LNK): kind = .symlink
            case Int32(DT_UNKNOWN): kind = kindByStat(path: join(path, name))
            default: kind = .other
            }
            var entry = FileEntry(rawName: name, kind: kind)
            if kind == .symlink { entry.linksToFolder = isFolder(join(path, name)) }
            entries.append(entry)
        }
        return .success(entries)
    }

    /// What tells that a folder changed: its device, inode and modification time.
    public struct Stamp: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
        var seconds: Int
        var nanoseconds: Int
    }

    /// The stamp of folder `path`, or nil when it cannot be read.
    public static func stamp(_ path: String) -> Stamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Stamp(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), seconds: Int(st.st_mtim.tv_sec), nanoseconds: Int(st.st_mtim.tv_nsec))
    }

    /// Size and modification time of `path` (following symlinks; a broken link reports itself).
    public static func details(_ path: [UInt8]) -> FileEntry.Details {
        var st = stat()
        let broken = withCString(path, { stat($0, &st) }) != 0
        if broken { _ = withCString(path) { lstat($0, &st) } }
        return FileEntry.Details(size: Int64(st.st_size), modified: Date(timeIntervalSince1970: TimeInterval(st.st_mtim.tv_sec)),
                                 broken: broken)
    }

    /// `folder/name` as bytes.
    public static func join(_ folder: String, _ name: [UInt8]) -> [UInt8] {
        var bytes = Array(folder.utf8)
        if bytes.last != UInt8(ascii: "/") { bytes.append(UInt8(ascii: "/")) }
        return bytes + name
    }

    /// Runs `body` with `bytes` as a NUL-terminated C string.
    public static func withCString<T>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        (bytes + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) } }
    }

    static func isFolder(_ path: [UInt8]) -> Bool {
        var st = stat()
        return withCString(path) { stat($0, &st) } == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func kindByStat(path: [UInt8]) -> FileEntry.Kind {
        var st = stat()
        guard withCString(path, { lstat($0, &st) }) == 0 else { return .other }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        case S_IFLNK: return .symlink
        default: return .other
        }
    }
}
