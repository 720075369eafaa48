import Foundation

/// Diagnostics of a kernel connection (dropped messages, transport problems) that the caller can
/// read or forward. Keeps the newest `capacity` entries.
public final class KernelLog {
    /// One diagnostic.
    public struct Entry: Sendable {
        public var date: Date
        public var text: String
    }

    /// Entries, oldest first.
    public private(set) var entries: [Entry] = []
    /// How many entries are kept.
    public let capacity: Int
    /// Called for every new entry.
    public var sink: ((Entry) -> Void)?

    public init(capacity: Int = 500) { self.capacity = capacity }

    /// Records `text`.
    public func record(_ text: String) {
        let entry = Entry(date: Date(), text: text)
        entries.append(entry)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        sink?(entry)
    }
}
