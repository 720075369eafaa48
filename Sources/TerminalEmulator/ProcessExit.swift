import Foundation

/// How a child process ended.
public enum ProcessExit: Hashable, Sendable, CustomStringConvertible {
    /// It called `exit` with this status.
    case exited(Int32)
    /// A signal ended it.
    case signaled(Int32)

    /// The shell's convention: the status, or 128 + the signal number.
    public var code: Int32 {
        switch self {
        case let .exited(s): return s
        case let .signaled(sig): return 128 + sig
        }
    }

    public var description: String {
        switch self {
        case let .exited(s): return "exited with status \(s)"
        case let .signaled(sig): return "killed by signal \(sig)"
        }
    }
}

/// Why a pty child could not be started.
public enum PtyError: Error, Hashable, Sendable, CustomStringConvertible {
    case executableNotFound(String)
    case workingDirectoryMissing(String)
    case spawnFailed(errno: Int32)

    public var description: String {
        switch self {
        case let .executableNotFound(name): return "cannot run \(name): not found or not executable"
        case let .workingDirectoryMissing(dir): return "cannot start in \(dir): no such directory"
        case let .spawnFailed(e): return "cannot open a pty: \(String(cString: strerror(e)))"
        }
    }
}
