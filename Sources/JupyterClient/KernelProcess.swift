import Foundation
internal import CPosixSpawn

/// Where a kernel process's standard output and error go.
public enum KernelOutputDestination: Sendable, Equatable {
    /// Inherit the caller's stdout/stderr (jupyter_client's default).
    case inherit
    /// Discard.
    case discard
    /// Append both to a file.
    case file(String)
}

/// How a kernel process ended.
public enum ProcessExit: Sendable, Equatable, CustomStringConvertible {
    /// Exited with a status code.
    case exited(Int32)
    /// Killed by a signal.
    case signaled(Int32)

    public var description: String {
        switch self {
        case .exited(let code): return "exit status \(code)"
        case .signaled(let sig): return "killed by signal \(sig)" + (sig == SIGKILL ? " (SIGKILL)" : sig == SIGTERM ? " (SIGTERM)" : "")
        }
    }
}

/// A kernel child process in its own session and process group (posix_spawn with setsid), stdin
/// from /dev/null, inherited descriptors closed, signal dispositions reset to default.
public final class KernelProcess {
    /// Its process id (also its process group id).
    public let pid: Int32
    /// How it ended, once reaped.
    public private(set) var exitStatus: ProcessExit?

    /// Spawns `argv` (argv[0] resolved through `PATH` in `environment`) with `environment`, in `directory`.
    public init(argv: [String], environment: [String: String], directory: String?,
                output: KernelOutputDestination) throws {
        guard let exe = argv.first else { throw KernelError.launchFailed("empty argv") }
        let path = Self.resolve(exe, path: environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }

        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        switch output {
        case .inherit: break
        case .discard:
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        case .file(let logPath):
            posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        if let directory {
            posix_spawn_file_actions_addchdir_np(&actions, directory)
        }
        if cps_have_closefrom != 0 { posix_spawn_file_actions_addclosefrom_np(&actions, 3) }

        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGPIPE, SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH, SIGUSR1, SIGUSR2] {
            sigaddset(&defaults, sig)
        }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setflags(&attr, cps_spawn_setsid | cps_spawn_setsigdef | cps_spawn_setsigmask)

        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in cArgs { free(p) }
            for p in cEnv { free(p) }
        }
        var child: Int32 = 0
        let rc = cArgs.withUnsafeBufferPointer { a in
            cEnv.withUnsafeBufferPointer { e in
                posix_spawn(&child, path, &actions, &attr, UnsafeMutablePointer(mutating: a.baseAddress!),
                            UnsafeMutablePointer(mutating: e.baseAddress!))
            }
        }
        guard rc == 0 else { throw KernelError.launchFailed("\(exe): \(String(cString: strerror(rc)))") }
        pid = child
    }

    deinit {
        if exitStatus == nil { kill(); _ = waitBlocking() }
    }

    /// `name` if it holds a slash, else the first executable match in `path`.
    static func resolve(_ name: String, path: String) -> String {
        if name.contains("/") { return name }
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return name
    }

    /// Reaps the process if it has ended (never blocks); `true` while it runs.
    @discardableResult
    public func poll() -> Bool {
        guard exitStatus == nil else { return false }
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        if r == pid { exitStatus = Self.decode(status); return false }
        if r < 0, errno == ECHILD { exitStatus = .exited(-1); return false }
        return true
    }

    /// `true` while the process has not been reaped.
    public var isRunning: Bool { poll() }

    /// Sends `signal` to the process group (falling back to the process).
    public func signal(_ sig: Int32) {
        guard exitStatus == nil else { return }
        if killpg(pid, sig) != 0 { _ = sendSignal(pid, sig) }
    }

    /// SIGKILL to the process group.
    public func kill() { signal(SIGKILL) }

    /// Waits up to `timeout` seconds for the process to end; `true` if it did.
    public func wait(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var delay: useconds_t = 1_000
        while poll() {
            if Date() >= deadline { return false }
            usleep(delay)
            delay = min(delay * 2, 50_000)
        }
        return true
    }

    /// Blocks until the process ends.
    public func waitBlocking() -> ProcessExit {
        while exitStatus == nil {
            var status: Int32 = 0
            let r = waitpid(pid, &status, 0)
            if r == pid { exitStatus = Self.decode(status) } else if r < 0, errno != EINTR { exitStatus = .exited(-1) }
        }
        return exitStatus!
    }

    private func sendSignal(_ pid: Int32, _ sig: Int32) -> Int32 {
        #if canImport(Glibc)
        return Glibc.kill(pid, sig)
        #else
        return Darwin.kill(pid, sig)
        #endif
    }

    static func decode(_ status: Int32) -> ProcessExit {
        let sig = status & 0x7F
        if sig == 0 { return .exited((status >> 8) & 0xFF) }
        return .signaled(sig)
    }
}
