import Glibc

/// Turns signals into bytes on a pipe, so the event loop sees them in the same `poll` as its other fds.
///
/// Catches SIGWINCH, SIGCHLD, SIGTERM, SIGHUP, SIGINT, SIGTSTP and SIGCONT. The handler only calls
/// `write(2)` on a non-blocking pipe (async-signal-safe). A second SIGTERM, SIGHUP or SIGINT before the
/// loop has handled the first restores the terminal at once (see `TerminalGuard`) and exits, so a stuck
/// loop can still be ended. One per process.
public final class SignalPipe {
    /// The signals delivered through the pipe.
    public static let signals: [Int32] = [SIGWINCH, SIGCHLD, SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT]

    /// The fd to poll for reading.
    public let readFD: Int32
    private let writeFD: Int32
    private let caught: [Int32]
    private var previous: [sigaction] = []

    /// Creates the pipe and installs handlers for `signals`; deinit puts the previous handlers back.
    public init(signals: [Int32] = SignalPipe.signals) throws {
        caught = signals
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            throw SignalPipeError("cannot create the signal pipe: \(String(cString: strerror(errno)))")
        }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readFD = fds[0]
        writeFD = fds[1]
        SignalPipeState.writeFD = fds[1]
        SignalPipeState.termination = 0
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in signals {
            previous.append(Self.install(sig, SignalPipe.handler))
            sigaddset(&unblock, sig)
        }
        // A parent may have started us with signals blocked; these must arrive.
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    deinit {
        for (sig, old) in zip(caught, previous) {
            var old = old
            sigaction(sig, &old, nil)
        }
        SignalPipeState.writeFD = -1
        close(readFD)
        close(writeFD)
    }

    /// Reads the signals that arrived since the last call, in order (duplicates kept).
    public func drain() -> [Int32] {
        var out: [Int32] = []
        var buf = [UInt8](repeating: 0, count: 64)
        while true {
            let n = read(readFD, &buf, buf.count)
            if n <= 0 { break }
            out += buf[0..<n].map { Int32($0) }
        }
        if out.contains(where: { $0 == SIGTERM || $0 == SIGHUP || $0 == SIGINT }) { SignalPipeState.termination = 0 }
        return out
    }

    /// Marks a termination signal as handled, so the next one goes through the pipe again.
    public func acknowledgeTermination() { SignalPipeState.termination = 0 }

    /// Sets the disposition of `sig` to `handler` with SA_RESTART; returns the previous one.
    @discardableResult
    static func install(_ sig: Int32, _ handler: @convention(c) (Int32) -> Void) -> sigaction {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        var old = sigaction()
        sigaction(sig, &action, &old)
        return old
    }

    private static let handler: @convention(c) (Int32) -> Void = { sig in
        let savedErrno = errno
        if sig == SIGTERM || sig == SIGHUP || sig == SIGINT {
            SignalPipeState.termination += 1
            if SignalPipeState.termination > 1 {
                TerminalGuard.emergencyRestore()
                _exit(128 + sig)
            }
        }
        var byte = UInt8(truncatingIfNeeded: sig)
        _ = write(SignalPipeState.writeFD, &byte, 1)
        errno = savedErrno
    }
}

/// A signal-pipe failure.
public struct SignalPipeError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// Plain values the signal handler reads; set before handlers are installed.
enum SignalPipeState {
    nonisolated(unsafe) static var writeFD: Int32 = -1
    nonisolated(unsafe) static var termination: Int32 = 0
}
