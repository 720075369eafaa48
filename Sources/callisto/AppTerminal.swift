import Foundation
import TermCore

/// A terminal the event loop can run on: a backend whose input is read from a descriptor.
protocol AppTerminal: TerminalBackend {
    /// The descriptor to poll for input.
    var inputFD: Int32 { get }
    /// Input available now, without blocking (empty when none).
    func readInput() -> [UInt8]
    /// Reads the new size after SIGWINCH.
    func handleResize() -> Size
}

/// Signals delivered as readable bytes on a descriptor.
protocol AppSignalSource: AnyObject {
    var readFD: Int32 { get }
    /// The signals that arrived since the last call.
    func drain() -> [Int32]
}
