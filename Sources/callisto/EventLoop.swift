import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The poll set of the event loop: file descriptors with a callback each, and a deadline per turn.
///
/// One thread; `turn(until:)` blocks in `poll(2)` until a descriptor is readable or the deadline
/// passes, then calls the callbacks of the ready descriptors. With no deadline it sleeps until input:
/// an idle loop uses no CPU. Kernel sockets join later through the same interface (their fds, or a
/// `zmq_poll` behind it).
final class EventLoop {
    /// What happened on a descriptor.
    enum Readiness { case readable, hangup }

    private var sources: [(fd: Int32, callback: (Readiness) -> Void)] = []

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
    /// many were ready.
    @discardableResult
    func turn(until deadline: ContinuousClock.Instant?) -> Int {
        var fds = sources.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
        let timeout = Self.timeout(until: deadline, now: .now)
        let n = poll(&fds, nfds_t(fds.count), timeout)
        guard n > 0 else { return 0 }
        let snapshot = sources
        var ready = 0
        for (i, pfd) in fds.enumerated() where pfd.revents != 0 {
            ready += 1
            let hangup = pfd.revents & Int16(POLLIN) == 0 && pfd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
            snapshot[i].callback(hangup ? .hangup : .readable)
        }
        return ready
    }
}
