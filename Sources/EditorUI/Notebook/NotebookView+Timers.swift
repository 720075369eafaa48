import EditorCore
import NotebookFormat
import TermCore

/// Autosave (the configured interval; 0 turns it off) and periodic recovery copies, run from the
/// app's timers.
extension NotebookView {
    /// Seconds between recovery copies of a modified notebook.
    static let recoveryInterval: Duration = .seconds(30)

    /// When this view next has something to do.
    var deadline: ContinuousClock.Instant? {
        [nextAutosave, document.isModified ? nextRecovery : nil].compactMap { $0 }.min()
    }

    /// Starts the timers at `now`.
    func startTimers(now: ContinuousClock.Instant, autosave: Int?) {
        autosaveInterval = autosave.map { Duration.seconds($0) }
        nextAutosave = autosaveInterval.map { now.advanced(by: $0) }
        nextRecovery = now.advanced(by: Self.recoveryInterval)
    }

    /// Runs what is due at `now`.
    func tick(now: ContinuousClock.Instant, recovery: NotebookRecovery) {
        if let due = nextAutosave, now >= due, let interval = autosaveInterval {
            nextAutosave = now.advanced(by: interval)
            if document.isModified && !document.changedOnDisk {
                do {
                    try document.save()
                    recovery.discard(for: document.path)
                    show("autosaved \(document.title)")
                } catch {
                    show("autosave failed: \(error)", error: true)
                }
            }
        }
        if now >= nextRecovery {
            nextRecovery = now.advanced(by: Self.recoveryInterval)
            document.writeRecovery(recovery)
        }
    }
}
