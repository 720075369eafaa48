/// Why a notebook file could not be opened or saved.
public enum NotebookFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file changed on disk since it was read; saving would overwrite someone else's change.
    /// Save again with `force` to overwrite it.
    case changedOnDisk(path: String)
    /// No such file or directory.
    case notFound(path: String)
    /// The path is a directory.
    case isDirectory(path: String)
    /// The operating system refused access.
    case permissionDenied(path: String, operation: String)
    /// Any other system error.
    case system(path: String, operation: String, message: String)
    /// The file is not a readable notebook.
    case unreadable(path: String, NotebookReadError)

    public var description: String {
        switch self {
        case .changedOnDisk(let p): return "\(p): the file changed on disk since it was read; not overwriting it"
        case .notFound(let p): return "\(p): no such file"
        case .isDirectory(let p): return "\(p): is a directory"
        case .permissionDenied(let p, let op): return "\(p): permission denied (\(op))"
        case .system(let p, let op, let m): return "\(p): \(op) failed: \(m)"
        case .unreadable(let p, let e): return "\(p): \(e)"
        }
    }

    /// Maps an `errno` value.
    static func from(errno code: Int32, path: String, operation: String) -> NotebookFileError {
        switch code {
        case ENOENT: return .notFound(path: path)
        case EISDIR: return .isDirectory(path: path)
        case EACCES, EPERM, EROFS: return .permissionDenied(path: path, operation: operation)
        default: return .system(path: path, operation: operation, message: String(cString: strerror(code)))
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
