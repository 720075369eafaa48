import Foundation

/// A document view's timers: autosave at the configured interval (nil turns it off) and a recovery
/// copy of unsaved changes every `recoveryInterval`. Run by the app when `deadline` passes.
public struct DocumentTimers: Sendable {
    /// Time between recovery copies of a modified document.
    public static let recoveryInterval: Duration = .seconds(30)

    public private(set) var autosaveInterval: Duration?
    public private(set) var nextAutosave: ContinuousClock.Instant?
    public private(set) var nextRecovery: ContinuousClock.Instant

    /// Timers started at `now`; `autosaveSeconds` nil (or 0 from the configuration) turns autosave off.
    public init(now: ContinuousClock.Instant, autosaveSeconds: Int?) {
        autosaveInterval = autosaveSeconds.flatMap { $0 > 0 ? Duration.seconds($0) : nil }
        nextAutosave = autosaveInterval.map { now.advanced(by: $0) }
        nextRecovery = now.advanced(by: Self.recoveryInterval)
    }

    /// When something is next due for a document that is (or is not) modified.
    public func deadline(modified: Bool) -> ContinuousClock.Instant? {
        [nextAutosave, modified ? nextRecovery : nil].compactMap { $0 }.min()
    }

    /// A status message from a timer.
    public struct Message: Hashable, Sendable {
        public var text: String
        public var isError: Bool
    }

    /// Runs what is due at `now` on `document`: an autosave (not over a file changed on disk) and a
    /// recovery copy. Returns what to tell the user, if anything.
    public mutating func tick(now: ContinuousClock.Instant, document: any RecoverableDocument,
                              recovery: NotebookRecovery, title: String) -> Message? {
        var message: Message?
        if let due = nextAutosave, now >= due, let interval = autosaveInterval {
            nextAutosave = now.advanced(by: interval)
            if document.isModified && !document.changedOnDisk {
                do {
                    try document.saveInPlace()
                    document.discardRecovery(recovery)
                    message = Message(text: "autosaved \(title)", isError: false)
                } catch {
                    message = Message(text: "autosave failed: \(error)", isError: true)
                }
            }
        }
        if now >= nextRecovery {
            nextRecovery = now.advanced(by: Self.recoveryInterval)
            document.writeRecovery(recovery)
        }
        return message
    }
}
