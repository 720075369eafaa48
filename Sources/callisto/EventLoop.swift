import Foundation
import JupyterClient

/// The poll set of the event loop: file descriptors with a callback each, kernel sockets beside
/// them, and a deadline per turn.
///
/// One thread; `turn(until:)` blocks in `zmq_poll` (through `EventPoller`, which takes plain
/// descriptors beside ZeroMQ sockets) until a descriptor or socket is readable or the deadline
/// passes, then calls the callbacks of the ready descriptors. Kernel sockets only wake the loop:
/// their owners read them on every turn. With no deadline it sleeps until input: an idle loop uses
/// no CPU.
final class EventLoop {
    /// What happened on a descriptor.
    enum Readiness { case readable, hangup }

    private var sources: [(fd: Int32, callback: (Readiness) -> Void)] = []
    /// The sockets polled beside the descriptors each turn (the open kernels').
    var sockets: () -> [PollDescriptor] = { [] }

    /// Calls `callback` whenever `fd` is readable (or hung up).
    func watch(_ fd: Int32, _ callback: @escaping (Readiness) -> Void) {
        sources.removeAll { $0.fd == fd }
        sources.append((fd, callback))
    }

    /// Stops watching `fd`.
    func unwatch(_ fd: Int32) { sources.removeAll { $0.fd == fd } }

    /// The poll timeout in milliseconds for `deadline` (-1: none), rounded up so the loop never wakes
    /// just before a deadline and spins.
    static func timeout(until deadline: ContinuousClock.Instant?, now: ContinuousClock.Instant) -> Int32 {
        guard let deadline else { return -1 }
        let left = now.duration(to: deadline)
        if left <= .zero { return 0 }
        let (seconds, attoseconds) = left.components
        let ms = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(min(ms, Int64(Int32.max)))
    }

    /// Waits for input or the deadline, then runs the callbacks of the ready descriptors. Returns how
    /// many descriptors and sockets were ready.
    @discardableResult
    func turn(until deadline: ContinuousClock.Instant?) -> Int {
        let snapshot = sources
        let items = snapshot.map { PollDescriptor(socket: nil, fd: $0.fd, channel: nil) } + sockets()
        let timeout = Self.timeout(until: deadline, now: .now)
        let ready = EventPoller.wait(items, timeoutMillis: Int(timeout))
        for r in ready where r.index < snapshot.count {
            snapshot[r.index].callback(!r.readable && r.failed ? .hangup : .readable)
        }
        return ready.count
    }
}
