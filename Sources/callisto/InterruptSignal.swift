import Foundation

/// Signals for headless commands: the handlers only bump counters, and the interrupted
/// `zmq_poll` returns so the command's loop can look at them. SIGINT (Ctrl+C) is counted;
/// SIGTERM and SIGHUP ask to stop.
enum InterruptSignal {
    nonisolated(unsafe) private static var interrupts: sig_atomic_t = 0
    nonisolated(unsafe) private static var terminations: sig_atomic_t = 0

    /// Installs the handlers (no `SA_RESTART`, so blocking polls return) and unblocks the signals,
    /// which a parent may have left blocked (a blocked mask is inherited through exec).
    static func install() {
        set(SIGINT) { _ in InterruptSignal.interrupts &+= 1 }
        set(SIGTERM) { _ in InterruptSignal.terminations &+= 1 }
        set(SIGHUP) { _ in InterruptSignal.terminations &+= 1 }
        var mask = sigset_t()
        sigemptyset(&mask)
        for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&mask, sig) }
        sigprocmask(SIG_UNBLOCK, &mask, nil)
    }

    private static func set(_ sig: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        #if os(Linux)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(sig, &action, nil)
    }

    /// How many SIGINTs arrived so far.
    static var received: Int { Int(interrupts) }

    /// Whether SIGTERM or SIGHUP arrived.
    static var terminationRequested: Bool { terminations > 0 }
}
