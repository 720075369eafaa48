/// Puts frames on a backend: remembers the last frame and draws only what changed.
public final class Screen {
    public let backend: any TerminalBackend
    /// The last frame drawn, or nil when the next frame must be drawn in full.
    public private(set) var lastFrame: CellBuffer?
    /// How many frames were presented.
    public private(set) var frameCount = 0

    public init(backend: any TerminalBackend) { self.backend = backend }

    /// A blank buffer of the backend's current size to draw the next frame into.
    public func makeFrame(fill: Cell = .blank()) -> CellBuffer { CellBuffer(size: backend.size, fill: fill) }

    /// Draws `frame` (its changes against the last frame), places the cursor and flushes. Returns the
    /// diff that was drawn.
    @discardableResult
    public func present(_ frame: CellBuffer, cursor: Point? = nil) -> BufferDiff {
        let diff = frame.diff(from: lastFrame)
        if !diff.isEmpty { backend.draw(diff) }
        if backend.capabilities.graphics != .none { backend.showGraphics(frame.graphicsPlacements()) }
        backend.setCursor(cursor)
        backend.flush()
        lastFrame = frame
        frameCount += 1
        return diff
    }

    /// Forgets the last frame so the next one is drawn in full (after resize, resume or a garbled screen).
    public func invalidate() { lastFrame = nil }
}
