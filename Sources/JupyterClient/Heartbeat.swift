import Foundation

/// Heartbeat liveness for kernels Callisto did not start: a ping every `interval`; the kernel is
/// declared dead after `timeToDead` without any echo.
public struct Heartbeat: Sendable {
    public var interval: TimeInterval = 1.0
    public var timeToDead: TimeInterval = 5.0
    private var lastSent: Date?
    private var lastHeard: Date

    public init(now: Date) { lastHeard = now }

    /// An echo arrived.
    public mutating func heard(now: Date) { lastHeard = now }

    /// What to do now: send a ping, and whether the kernel counts as dead.
    public mutating func tick(now: Date) -> (ping: Bool, dead: Bool) {
        if now.timeIntervalSince(lastHeard) > timeToDead { return (false, true) }
        if lastSent == nil || now.timeIntervalSince(lastSent!) >= interval {
            lastSent = now
            return (true, false)
        }
        return (false, false)
    }

    /// Seconds until the next `tick` has work.
    public func nextDeadline(now: Date) -> TimeInterval {
        guard let lastSent else { return 0 }
        return max(0, interval - now.timeIntervalSince(lastSent))
    }
}
