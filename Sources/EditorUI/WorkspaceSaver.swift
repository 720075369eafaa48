import EditorCore

/// When and where the workspace is saved while Callisto runs: a save falls due `interval` after the
/// first event since the last save (so an idle editor sets no timer and never wakes up), and is
/// written only when the snapshot differs from the last one written.
public final class WorkspaceSaver {
    public let store: WorkspaceStore
    public let key: WorkspaceStore.Key
    /// How long after a change the workspace is written.
    public var interval: Duration
    /// When the next save is due, or nil when nothing happened since the last one.
    public private(set) var deadline: ContinuousClock.Instant?
    /// The snapshot last written (or restored), to skip writing the same again.
    public internal(set) var lastSaved: WorkspaceSnapshot?
    /// The last write error shown, so a failing disk is reported once, not every interval.
    var lastError: String?

    /// The default time between a change and its save.
    public static let defaultInterval: Duration = .seconds(30)

    public init(store: WorkspaceStore, key: WorkspaceStore.Key, interval: Duration = WorkspaceSaver.defaultInterval) {
        self.store = store
        self.key = key
        self.interval = interval
    }

    /// Something happened at `now` that may have changed the workspace.
    public func noteActivity(now: ContinuousClock.Instant) {
        if deadline == nil { deadline = now.advanced(by: interval) }
    }

    /// Whether a save is due at `now`.
    public func isDue(now: ContinuousClock.Instant) -> Bool { deadline.map { now >= $0 } ?? false }

    /// Writes `snapshot` unless it is the one last written. Returns an error message, or nil.
    func write(_ snapshot: WorkspaceSnapshot) -> String? {
        deadline = nil
        guard snapshot != lastSaved else { return nil }
        do {
            try store.save(snapshot, as: key)
            lastSaved = snapshot
            lastError = nil
            return nil
        } catch {
            let message = "cannot save the workspace to \(store.path(for: key)): \(error)"
            defer { lastError = message }
            return message == lastError ? nil : message
        }
    }
}
