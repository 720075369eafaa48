import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a file operation failed, in words for the status bar: what was tried, on which path, and the
/// system's reason (permission denied, exists, read-only file system …).
public struct FileOperationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The `errno` behind it, or 0 for a failure the browser itself detected.
    public var code: Int32
    public var message: String

    public init(_ message: String, code: Int32 = 0) {
        self.message = message
        self.code = code
    }

    /// `cannot <action> <path>: <strerror>`.
    public init(errno code: Int32, action: String, path: String) {
        self.code = code
        let reason: String
        switch code {
        case EACCES: reason = "permission denied"
        case EPERM: reason = "operation not permitted"
        case EEXIST, ENOTEMPTY: reason = "it already exists"
        case EROFS: reason = "read-only file system"
        case ENOENT: reason = "no such file or folder"
        case ENOTDIR: reason = "not a folder"
        case ELOOP: reason = "too many levels of symbolic links"
        case ENOSPC: reason = "no space left on the device"
        case EXDEV: reason = "it is on another device"
        default: reason = String(cString: strerror(code))
        }
        message = "cannot \(action) \(path): \(reason)"
    }

    public var description: String { message }
}
