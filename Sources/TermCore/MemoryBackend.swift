/// A backend that keeps the screen in memory, for tests: it applies diffs to a `CellBuffer` exactly as
/// a terminal would, with colours degraded to its colour depth, and records cursor, flushes and raw writes.
public final class MemoryBackend: TerminalBackend {
    public private(set) var size: Size
    public var capabilities: TerminalCapabilities
    /// What the screen shows.
    public private(set) var screen: CellBuffer
    /// Where the cursor is; nil when hidden.
    public private(set) var cursor: Point?
    public private(set) var flushCount = 0
    public private(set) var isEntered = false
    public private(set) var isSuspended = false
    /// Everything passed to `writeRaw`, in order.
    public private(set) var rawWrites: [String] = []
    /// Cells written by all draws so far.
    public private(set) var cellsWritten = 0

    public init(size: Size, capabilities: TerminalCapabilities = TerminalCapabilities(colorDepth: .trueColor)) {
        self.size = size
        self.capabilities = capabilities
        self.screen = CellBuffer(size: size)
    }

    /// Changes the size as a terminal resize would: the screen content is kept where it overlaps.
    public func resize(to newSize: Size) {
        size = newSize
        screen.resize(to: newSize)
    }

    public func enter() throws { isEntered = true }
    public func leave() { isEntered = false }
    public func suspend() { isSuspended = true }
    public func resume() { isSuspended = false }

    public func draw(_ diff: BufferDiff) {
        let depth = capabilities.colorDepth
        var degraded = diff
        for r in degraded.runs.indices {
            for c in degraded.runs[r].cells.indices {
                degraded.runs[r].cells[c].style = degraded.runs[r].cells[c].style.degraded(to: depth)
            }
        }
        screen.apply(degraded)
        cellsWritten += diff.cellCount
    }

    public func setCursor(_ position: Point?) { cursor = position }
    public func flush() { flushCount += 1 }
    public func writeRaw(_ sequence: String) { rawWrites.append(sequence) }
}
