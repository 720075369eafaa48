import Foundation

/// Signals every process of a session (the child a pty was opened for, its jobs and their children),
/// found through `/proc`. Background jobs of an interactive shell sit in process groups of their own,
/// so signalling only the child's group would leave them running.
struct SessionSignaller {
    let session: pid_t

    /// Live (not zombie) processes whose session is `session`.
    func members() -> [(pid: pid_t, group: pid_t)] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else {
            return [(session, session)]
        }
        var found: [(pid_t, pid_t)] = []
        for name in entries {
            guard let pid = pid_t(name), let stat = SessionSignaller.stat(pid) else { continue }
            if stat.session == session, stat.state != "Z" { found.append((pid, stat.group)) }
        }
        return found
    }

    /// State, process group and session of `pid` from `/proc/PID/stat`.
    static func stat(_ pid: pid_t) -> (state: Character, group: pid_t, session: pid_t)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        // After "pid (comm) ": state ppid pgrp session …
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 3, let state = fields[0].first, let group = pid_t(fields[2]),
              let session = pid_t(fields[3]) else { return nil }
        return (state, group, session)
    }

    /// Sends `signal` to every process group of the session; returns whether any process was left.
    @discardableResult
    func signalAll(_ signal: Int32) -> Bool {
        let live = members()
        var groups = Set(live.map(\.group))
        groups.insert(session)
        for g in groups where g > 1 { kill(-g, signal) }
        for m in live where m.pid > 1 { kill(m.pid, signal) }
        return !live.isEmpty
    }

    /// SIGHUP and SIGCONT to everyone, a wait of up to `grace` for them to exit, then SIGKILL.
    func hangUp(grace: Duration) {
        guard signalAll(SIGHUP) else { return }
        signalAll(SIGCONT)
        let clock = ContinuousClock()
        let deadline = clock.now + grace
        while clock.now < deadline {
            if members().isEmpty { return }
            usleep(5_000)
        }
        signalAll(SIGKILL)
    }
}
