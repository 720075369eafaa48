import Foundation

/// Counts SIGINTs (Ctrl+C) for headless commands: the handler only bumps a counter, and the
/// interrupted `zmq_poll` returns so the command's loop can look at it.
enum InterruptSignal {
    nonisolated(unsafe) private static var count: sig_atomic_t = 0

    /// Installs the handler (no `SA_RESTART`, so blocking polls return).
    static func install() {
        var action = sigaction()
        #if os(Linux)
        action.__sigaction_handler.sa_handler = { _ in InterruptSignal.count &+= 1 }
        #else
        action.__sigaction_u.__sa_handler = { _ in InterruptSignal.count &+= 1 }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    /// How many SIGINTs arrived so far.
    static var received: Int { Int(count) }
}
