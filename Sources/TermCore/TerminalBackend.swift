/// Errors a backend reports when it cannot take over the terminal.
public struct TerminalError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The seam between the drawing model and a terminal: something that shows cells.
///
/// Components never talk to a backend; `Screen` does, by drawing the diff between frames.
/// Implementations: `MemoryBackend` (tests) and `CursesBackend` (ncurses on a tty).
public protocol TerminalBackend: AnyObject {
    /// The terminal size in cells.
    var size: Size { get }
    /// What the terminal can show.
    var capabilities: TerminalCapabilities { get }
    /// Takes over the terminal: alternate screen, raw input, the input protocols.
    func enter() throws
    /// Gives the terminal back as it was found. Safe to call more than once.
    func leave()
    /// Leaves the terminal for a job-control stop; `resume()` takes it back.
    func suspend()
    /// Takes the terminal back after `suspend()`; the next frame must be drawn in full.
    func resume()
    /// Writes the changed cells (colours degraded to `capabilities.colorDepth`).
    func draw(_ diff: BufferDiff)
    /// Places the visible cursor at `position`, or hides it when nil.
    func setCursor(_ position: Point?)
    /// Sends everything drawn so far to the terminal.
    func flush()
    /// Writes an escape sequence as is (OSC 52 clipboard, window title). The caller sanitises it.
    func writeRaw(_ sequence: String)
    /// The pictures to draw in pixels over their cells from the next `flush()` on (replacing the last
    /// set); ignored by a backend without graphics.
    func showGraphics(_ placements: [GraphicsPlacement])
    /// Learns from a terminal's answer to a query (graphics support, cell size); true when the
    /// screen must be drawn again to use it.
    func apply(_ report: TerminalReport) -> Bool
}

extension TerminalBackend {
    public func showGraphics(_ placements: [GraphicsPlacement]) {}
    public func apply(_ report: TerminalReport) -> Bool { false }
}
