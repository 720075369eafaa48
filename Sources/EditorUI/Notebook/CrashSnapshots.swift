import EditorCore
import Foundation
import NotebookFormat

/// Keeps `CrashRecoverySnapshot` in step with the open notebooks, so a crash handler can write a
/// recovery copy of each modified one without serialising anything.
///
/// A notebook's first change after a quiet spell is serialised at the next loop turn; further
/// changes at most once per `interval`, so typing in a big notebook does not serialise it on every
/// key. A notebook that is saved, closed or back to unmodified leaves the snapshot. Loop thread only.
public final class CrashSnapshots {
    /// The shortest time between two serialisations of one notebook.
    static let interval: Duration = .seconds(2)

    private struct Prepared {
        var changeCount: Int
        var at: ContinuousClock.Instant
        var entry: CrashRecoverySnapshot.Entry
    }

    private var prepared: [ObjectIdentifier: Prepared] = [:]
    /// When a deferred refresh is due (nil when none is waiting).
    public private(set) var due: ContinuousClock.Instant?
    private var published: [ObjectIdentifier: Int] = [:]

    public init() {}

    /// Brings the prepared copies up to date with `documents` at `now`.
    public func refresh(_ documents: [NotebookDocument], recovery: NotebookRecovery, now: ContinuousClock.Instant) {
        var due: ContinuousClock.Instant?
        var live: [ObjectIdentifier: NotebookDocument] = [:]
        for doc in documents where doc.isModified { live[ObjectIdentifier(doc)] = doc }
        prepared = prepared.filter { live[$0.key] != nil }
        for (id, doc) in live {
            let count = doc.model.changeCount
            if let p = prepared[id], p.changeCount == count { continue }
            if let p = prepared[id], now < p.at.advanced(by: Self.interval) {
                let next = p.at.advanced(by: Self.interval)
                due = min(due ?? next, next)
                continue
            }
            // Serialised straight into the memory the snapshot points at: one copy of the bytes.
            let bytes = CrashRecoverySnapshot.Bytes(taking: NotebookSerializer.serializeToMemory(doc.model.notebook))
            prepared[id] = Prepared(changeCount: count, at: now,
                                    entry: .init(path: recovery.copyPath(for: doc.path), bytes: bytes))
        }
        self.due = due
        let versions = prepared.mapValues(\.changeCount)
        if versions != published {
            published = versions
            CrashRecoverySnapshot.update(prepared.keys.sorted { "\($0)" < "\($1)" }.map { prepared[$0]!.entry })
        }
    }
}
