import Foundation
import JupyterProtocol

/// The outputs of one execution, accumulated like JupyterLab's output area: consecutive streams of
/// the same name merge, `clear_output(wait: true)` is deferred until the next output, and display
/// updates rewrite every output with the matching `display_id`.
public struct OutputArea: Sendable, Equatable {
    /// The outputs, in order.
    public private(set) var outputs: [KernelOutput] = []
    /// A `clear_output(wait: true)` waiting for the next output.
    public private(set) var clearPending = false

    public init(outputs: [KernelOutput] = []) { self.outputs = outputs }

    /// Adds an output (merging streams); performs a pending clear first.
    public mutating func add(_ output: KernelOutput) {
        if clearPending {
            outputs.removeAll()
            clearPending = false
        }
        if output.kind == .stream, let last = outputs.indices.last, outputs[last].kind == .stream,
           outputs[last].name == output.name {
            StreamText.append(output.text, to: &outputs[last].text)
            return
        }
        var o = output
        if o.kind == .stream { o.text = StreamText.normalize(o.text) }
        outputs.append(o)
    }

    /// `clear_output`: now, or before the next output when `wait`.
    public mutating func clear(wait: Bool) {
        if wait { clearPending = true } else { outputs.removeAll(); clearPending = false }
    }

    /// Replaces data and metadata of every output showing `displayID`; `true` if any did.
    @discardableResult
    public mutating func updateDisplay(_ displayID: String, data: MessageJSON, metadata: MessageJSON) -> Bool {
        var changed = false
        for i in outputs.indices where outputs[i].displayID == displayID {
            outputs[i].data = data
            outputs[i].metadata = metadata
            changed = true
        }
        return changed
    }

    /// Whether some output shows `displayID`.
    public func shows(_ displayID: String) -> Bool { outputs.contains { $0.displayID == displayID } }
}
