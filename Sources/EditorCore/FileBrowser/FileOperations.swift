import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The file browser's operations on disk, with POSIX calls on byte paths (names need not be UTF-8).
/// Each either completes or leaves the disk as it was: targets are checked before anything is done,
/// a copy that fails half-way is removed, a move across devices copies and removes the source only
/// once the copy is complete.
public enum FileOperations {
    public typealias Path = [UInt8]

    /// Creates an empty file `name` in `folder`; returns its path.
    @discardableResult
    public static func createFile(in folder: String, name: String, contents: [UInt8] = []) throws(FileOperationError) -> Path {
        let path = try target(folder, name)
        let fd = DirectoryReader.withCString(path) { open($0, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644) }
        guard fd >= 0 else { throw FileOperationError(errno: errno, action: "create", path: display(path)) }
        defer { close(fd) }
        if !contents.isEmpty, !writeAll(fd, contents) {
            let e = errno
            _ = DirectoryReader.withCString(path) { unlink($0) }
            throw FileOperationError(errno: e, action: "write", path: display(path))
        }
        return path
    }

    /// Creates a folder `name` in `folder`; returns its path.
    @discardableResult
    public static func createFolder(in folder: String, name: String) throws(FileOperationError) -> Path {
        let path = try target(folder, name)
        guard DirectoryReader.withCString(path, { mkdir($0, 0o755) }) == 0 else {
            throw FileOperationError(errno: errno, action: "create folder", path: display(path))
        }
        return path
    }

    /// Renames `rawName` in `folder` to `newName`; an existing target is never replaced.
    @discardableResult
    public static func rename(in folder: String, _ rawName: Path, to newName: String) throws(FileOperationError) -> Path {
        let from = DirectoryReader.join(folder, rawName)
        let to = try target(folder, newName)
        guard exists(from) else { throw FileOperationError(errno: ENOENT, action: "rename", path: display(from)) }
        try renamePath(from, to)
        return to
    }

    /// Copies `rawName` beside itself as `name copy.ext` (or `name copy 2.ext` …); returns the copy's path.
    @discardableResult
    public static func duplicate(in folder: String, _ rawName: Path) throws(FileOperationError) -> Path {
        let source = DirectoryReader.join(folder, rawName)
        let name = String(decoding: rawName, as: UTF8.self)
        let ext = (name as NSString).pathExtension
        let stem = ext.isEmpty || name.hasPrefix(".") && !name.dropFirst().contains(".") ? name : (name as NSString).deletingPathExtension
        let suffix = stem == name ? "" : "." + ext
        var n = 1
        var dest: Path
        repeat {
            dest = DirectoryReader.join(folder, Array("\(stem) copy\(n == 1 ? "" : " \(n)")\(suffix)".utf8))
            n += 1
        } while exists(dest)
        try copyTree(source, dest)
        return dest
    }

    /// Deletes `paths` (folders with their contents) after checking every one can be removed.
    public static func delete(_ paths: [Path]) throws(FileOperationError) {
        for path in paths {
            guard exists(path) else { throw FileOperationError(errno: ENOENT, action: "delete", path: display(path)) }
            try checkRemovable(path)
        }
        for path in paths { try removeTree(path) }
    }

    /// Pastes `sources` into `folder`: moved (rename, or copy then delete across devices) or copied.
    /// Refuses before doing anything when a name exists there or a folder would go inside itself.
    /// Returns the new paths.
    @discardableResult
    public static func paste(_ sources: [Path], into folder: String, move: Bool) throws(FileOperationError) -> [Path] {
        let folderBytes = Array(FileBrowserModel.absolute(folder).utf8)
        var targets: [Path] = []
        for source in sources {
            guard exists(source) else { throw FileOperationError(errno: ENOENT, action: move ? "move" : "copy", path: display(source)) }
            let name = Array(source.split(separator: UInt8(ascii: "/")).last ?? [])
            let dest = DirectoryReader.join(folder, name)
            if move && dest == source { throw FileOperationError("\(display(source)) is already in \(folder)") }
            if exists(dest) { throw FileOperationError(errno: EEXIST, action: move ? "move to" : "copy to", path: display(dest)) }
            if folderBytes == source || folderBytes.starts(with: source + [UInt8(ascii: "/")]) {
                throw FileOperationError("cannot put \(display(source)) inside itself")
            }
            if move { try checkRemovable(source) }
            targets.append(dest)
        }
        var done: [Path] = []
        for (source, dest) in zip(sources, targets) {
            do {
                if move { try movePath(source, dest) } else { try copyTree(source, dest) }
                done.append(dest)
            } catch {
                throw FileOperationError(error.message + (done.isEmpty ? "" : " (\(done.count) of \(sources.count) were done)"), code: error.code)
            }
        }
        return done
    }

    // MARK: Building blocks

    /// A path for display: valid UTF-8 as is, other bytes escaped.
    public static func display(_ path: Path) -> String { FileEntry(rawName: path, kind: .file).name }

    static func target(_ folder: String, _ name: String) throws(FileOperationError) -> Path {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed != ".", trimmed != "..", !name.contains("/"), !name.contains("\0") else {
            throw FileOperationError("\"\(name)\" is not a usable name (no /, not empty, not . or ..)")
        }
        let path = DirectoryReader.join(folder, Array(name.utf8))
        if exists(path) { throw FileOperationError(errno: EEXIST, action: "create", path: display(path)) }
        return path
    }

    static func exists(_ path: Path) -> Bool {
        var st = stat()
        return DirectoryReader.withCString(path) { lstat($0, &st) } == 0
    }

    static func renamePath(_ from: Path, _ to: Path) throws(FileOperationError) {
        let r = DirectoryReader.withCString(from) { f in DirectoryReader.withCString(to) { t in Glibc.rename(f, t) } }
        guard r == 0 else { throw FileOperationError(errno: errno, action: "rename", path: display(from)) }
    }

    static func movePath(_ from: Path, _ to: Path) throws(FileOperationError) {
        let r = DirectoryReader.withCString(from) { f in DirectoryReader.withCString(to) { t in Glibc.rename(f, t) } }
        if r == 0 { return }
        let e = errno
        guard e == EXDEV else { throw FileOperationError(errno: e, action: "move", path: display(from)) }
        try copyTree(from, to)
        try removeTree(from)
    }

    /// Fails when `path` (or anything inside a folder) cannot be removed: its folder refuses writes.
    static func checkRemovable(_ path: Path) throws(FileOperationError) {
        let parent = Array(path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropLast().joined(separator: [UInt8(ascii: "/")]))
        let folder = parent.isEmpty ? Array("/".utf8) : parent
        if DirectoryReader.withCString(folder, { access($0, W_OK) }) != 0 {
            throw FileOperationError(errno: errno, action: "remove", path: display(path))
        }
        if isImmutable(folder) { throw FileOperationError(errno: EPERM, action: "remove", path: display(path)) }
    }

    /// Whether `path` carries the immutable attribute (which even root cannot override).
    static func isImmutable(_ path: Path) -> Bool {
        let fd = DirectoryReader.withCString(path) { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var flags: Int32 = 0
        // FS_IOC_GETFLAGS; FS_IMMUTABLE_FL = 0x10.
        guard ioctl(fd, 0x8008_6601, &flags) == 0 else { return false }
        return flags & 0x10 != 0
    }

    static func removeTree(_ path: Path) throws(FileOperationError) {
        var st = stat()
        guard DirectoryReader.withCString(path, { lstat($0, &st) }) == 0 else { throw FileOperationError(errno: errno, action: "delete", path: display(path)) }
        if st.st_mode & S_IFMT == S_IFDIR {
            switch DirectoryReader.read(String(decoding: path, as: UTF8.self)) {
            case let .success(entries):
                for e in entries { try removeTree(path + [UInt8(ascii: "/")] + e.rawName) }
            case let .failure(error): throw error
            }
            guard DirectoryReader.withCString(path, { rmdir($0) }) == 0 else { throw FileOperationError(errno: errno, action: "delete", path: display(path)) }
        } else {
            guard DirectoryReader.withCString(path, { unlink($0) }) == 0 else { throw FileOperationError(errno: errno, action: "delete", path: display(path)) }
        }
    }

    /// Copies a file, symlink or folder tree; removes whatever it made when a step fails.
    static func copyTree(_ source: Path, _ dest: Path) throws(FileOperationError) {
        do {
            try copyItem(source, dest)
        } catch {
            if exists(dest) { try? removeTree(dest) }
            throw error
        }
    }

    private static func copyItem(_ source: Path, _ dest: Path) throws(FileOperationError) {
        var st = stat()
        guard DirectoryReader.withCString(source, { lstat($0, &st) }) == 0 else { throw FileOperationError(errno: errno, action: "copy", path: display(source)) }
        switch st.st_mode & S_IFMT {
        case S_IFDIR:
            guard DirectoryReader.withCString(dest, { mkdir($0, st.st_mode & 0o7777 | 0o700) }) == 0 else {
                throw FileOperationError(errno: errno, action: "create folder", path: display(dest))
            }
            switch DirectoryReader.read(String(decoding: source, as: UTF8.self)) {
            case let .success(entries):
                for e in entries { try copyItem(source + [UInt8(ascii: "/")] + e.rawName, dest + [UInt8(ascii: "/")] + e.rawName) }
            case let .failure(error): throw error
            }
            _ = DirectoryReader.withCString(dest) { chmod($0, st.st_mode & 0o7777) }
        case S_IFLNK:
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = DirectoryReader.withCString(source) { readlink($0, &buffer, buffer.count - 1) }
            guard n >= 0 else { throw FileOperationError(errno: errno, action: "read link", path: display(source)) }
            guard DirectoryReader.withCString(dest, { symlink(&buffer, $0) }) == 0 else { throw FileOperationError(errno: errno, action: "create link", path: display(dest)) }
        case S_IFREG:
            try copyFile(source, dest, mode: st.st_mode & 0o7777)
        default:
            throw FileOperationError("cannot copy \(display(source)): not a regular file, folder or link")
        }
    }

    private static func copyFile(_ source: Path, _ dest: Path, mode: mode_t) throws(FileOperationError) {
        let input = DirectoryReader.withCString(source) { open($0, O_RDONLY | O_CLOEXEC) }
        guard input >= 0 else { throw FileOperationError(errno: errno, action: "read", path: display(source)) }
        defer { close(input) }
        let output = DirectoryReader.withCString(dest) { open($0, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode) }
        guard output >= 0 else { throw FileOperationError(errno: errno, action: "create", path: display(dest)) }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = Glibc.read(input, &buffer, buffer.count)
            if n < 0 { if errno == EINTR { continue }; throw FileOperationError(errno: errno, action: "read", path: display(source)) }
            if n == 0 { break }
            guard writeAll(output, Array(buffer[0..<n])) else { throw FileOperationError(errno: errno, action: "write", path: display(dest)) }
        }
        guard fsync(output) == 0 || errno == EINVAL else { throw FileOperationError(errno: errno, action: "write", path: display(dest)) }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return false }
            offset += n
        }
        return true
    }
}

extension FileOperations {
    /// Reads up to `limit` bytes of the file at byte path `path` (which need not be UTF-8).
    public static func read(_ path: Path, limit: Int) throws(FileOperationError) -> [UInt8] {
        let fd = DirectoryReader.withCString(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw FileOperationError(errno: errno, action: "open", path: display(path)) }
        defer { close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while out.count < limit {
            let n = Glibc.read(fd, &buffer, min(buffer.count, limit - out.count))
            if n < 0 { if errno == EINTR { continue }; throw FileOperationError(errno: errno, action: "read", path: display(path)) }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
        }
        return out
    }
}
