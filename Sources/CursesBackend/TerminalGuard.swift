import Glibc

/// Restores the terminal when the process dies without leaving it: a crash (SIGSEGV, SIGBUS, SIGILL,
/// SIGFPE, SIGABRT, SIGTRAP — Swift traps are SIGILL/SIGTRAP), a repeated termination signal, or
/// `exit()` from anywhere.
///
/// While armed, the bytes that leave every mode (input protocols, attributes, cursor, alternate screen)
/// and the termios found at start are kept in plain memory; the handlers write them with `write(2)`,
/// restore termios with `tcsetattr`, then re-raise the signal with its default action. Both calls are
/// async-signal-safe. A crash hook (`setCrashHook`) runs after the terminal is restored and before the
/// signal is re-raised, e.g. to write recovery copies prepared earlier.
public enum TerminalGuard {
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// Arms the guard for `fd` with `leaveSequence` and the termios `saved` taken before raw mode.
    static func arm(fd: Int32, leaveSequence: String, saved: termios?) {
        disarm()
        let bytes = Array(leaveSequence.utf8)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
        buffer.initialize(from: bytes, count: bytes.count)
        let tio = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        if let saved { tio.initialize(to: saved) }
        GuardState.fd = fd
        GuardState.termios = saved == nil ? nil : tio
        GuardState.bytes = buffer
        GuardState.count = bytes.count
        GuardState.armed = 1
        for sig in crashSignals { SignalPipe.install(sig, crashHandler) }
        if GuardState.atexitRegistered == 0 {
            GuardState.atexitRegistered = 1
            atexit { TerminalGuard.emergencyRestore() }
        }
    }

    /// Sets the function the crash handlers call after restoring the terminal; it must be
    /// async-signal-safe. nil removes it.
    public static func setCrashHook(_ hook: (@convention(c) () -> Void)?) {
        GuardState.crashHook = hook
    }

    /// Disarms the guard (after a normal leave).
    static func disarm() {
        GuardState.armed = 0
        for sig in crashSignals { signal(sig, SIG_DFL) }
    }

    /// Writes the leave bytes and restores termios, if armed. Async-signal-safe; runs at most once per arming.
    static func emergencyRestore() {
        guard GuardState.armed == 1 else { return }
        GuardState.armed = 0
        if let bytes = GuardState.bytes { _ = write(GuardState.fd, bytes, GuardState.count) }
        if let tio = GuardState.termios { _ = tcsetattr(GuardState.fd, TCSANOW, tio) }
    }

    private static let crashHandler: @convention(c) (Int32) -> Void = { sig in
        TerminalGuard.emergencyRestore()
        if let hook = GuardState.crashHook {
            GuardState.crashHook = nil
            hook()
        }
        signal(sig, SIG_DFL)
        raise(sig)
    }
}

/// What the emergency handlers read; written only while no handler can run.
enum GuardState {
    nonisolated(unsafe) static var armed: Int32 = 0
    nonisolated(unsafe) static var fd: Int32 = -1
    nonisolated(unsafe) static var bytes: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) static var count = 0
    nonisolated(unsafe) static var termios: UnsafeMutablePointer<termios>?
    nonisolated(unsafe) static var atexitRegistered: Int32 = 0
    nonisolated(unsafe) static var crashHook: (@convention(c) () -> Void)?
}
