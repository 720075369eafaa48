import Foundation
import JupyterProtocol

/// The outputs of one execution, accumulated like JupyterLab's output area: consecutive streams of
/// the same name merge, `clear_output(wait: true)` is deferred until the next output, and display
/// updates rewrite every output with the matching `display_id`.
///
/// With a `memoryLimit` the text kept stays bounded however much the kernel prints: a stream that
/// grows past the limit loses its middle (`StreamElision`, marked `… N lines dropped …`), and when
/// the outputs together pass it (many separate outputs), the oldest outputs after the first are
/// replaced by one `… N outputs dropped …` stream. Without a limit (headless runs) nothing is
/// dropped, as nbclient does.
public struct OutputArea: Sendable, Equatable {
    /// The outputs, in order.
    public private(set) var outputs: [KernelOutput] = []
    /// A `clear_output(wait: true)` waiting for the next output.
    public private(set) var clearPending = false
    /// The most UTF-8 bytes of text kept for all outputs together; nil keeps everything.
    public var memoryLimit: Int?
    /// The dropped middle of the last output when it is a stream that was trimmed.
    private var elision: StreamElision?
    /// Outputs dropped so far (replaced by a marker stream at `droppedMarker`).
    private var droppedOutputs = 0
    private var droppedMarker: Int?
    /// The approximate UTF-8 size of every output but the last (which is measured when needed).
    private var settledBytes = 0

    public init(outputs: [KernelOutput] = [], memoryLimit: Int? = nil) {
        self.outputs = outputs
        self.memoryLimit = memoryLimit
        settledBytes = outputs.dropLast().reduce(0) { $0 + $1.approximateBytes }
    }

    /// The approximate UTF-8 bytes of text held by all outputs.
    public var approximateBytes: Int { settledBytes + (outputs.last?.approximateBytes ?? 0) }

    /// Adds an output (merging streams); performs a pending clear first.
    public mutating func add(_ output: KernelOutput) {
        if clearPending { removeAll() }
        if output.kind == .stream, let last = outputs.indices.last, outputs[last].kind == .stream,
           outputs[last].name == output.name {
            StreamText.append(output.text, to: &outputs[last].text)
            enforceLimit()
            return
        }
        var o = output
        if o.kind == .stream { o.text = StreamText.normalize(o.text) }
        if let last = outputs.last { settledBytes += last.approximateBytes }
        elision = nil
        outputs.append(o)
        enforceLimit()
    }

    /// `clear_output`: now, or before the next output when `wait`.
    public mutating func clear(wait: Bool) {
        if wait { clearPending = true } else { removeAll() }
    }

    private mutating func removeAll() {
        outputs.removeAll()
        clearPending = false
        elision = nil
        droppedOutputs = 0
        droppedMarker = nil
        settledBytes = 0
    }

    /// Replaces data and metadata of every output showing `displayID`; `true` if any did.
    @discardableResult
    public mutating func updateDisplay(_ displayID: String, data: MessageJSON, metadata: MessageJSON) -> Bool {
        var changed = false
        for i in outputs.indices where outputs[i].displayID == displayID {
            if i < outputs.count - 1 { settledBytes -= outputs[i].approximateBytes }
            outputs[i].data = data
            outputs[i].metadata = metadata
            if i < outputs.count - 1 { settledBytes += outputs[i].approximateBytes }
            changed = true
        }
        if changed { enforceLimit() }
        return changed
    }

    /// Whether some output shows `displayID`.
    public func shows(_ displayID: String) -> Bool { outputs.contains { $0.displayID == displayID } }

    /// Trims the last stream, then drops old outputs, until the text fits the limit.
    private mutating func enforceLimit() {
        guard let limit = memoryLimit, let last = outputs.indices.last else { return }
        if outputs[last].kind == .stream {
            let share = max(256, limit - settledBytes)
            StreamElision.bound(&outputs[last].text, limit: share, elision: &elision)
        }
        guard approximateBytes > limit else { return }
        // Drop whole outputs after the first (and after the marker), oldest first, keeping the last.
        let first = (droppedMarker ?? 0) + 1
        var end = first
        var bytes = approximateBytes
        while bytes > limit * 3 / 4, end < outputs.count - 1 {
            bytes -= outputs[end].approximateBytes
            end += 1
        }
        guard end > first else { return }
        droppedOutputs += end - first
        let marker = KernelOutput.stream("stderr", "… \(StreamElision.grouped(droppedOutputs)) outputs dropped …\n")
        if let m = droppedMarker {
            outputs.replaceSubrange(m..<end, with: [marker])
        } else {
            outputs.replaceSubrange(first..<end, with: [marker])
            droppedMarker = first
        }
        settledBytes = outputs.dropLast().reduce(0) { $0 + $1.approximateBytes }
    }
}

extension KernelOutput {
    /// The UTF-8 bytes of the output's text: stream text, traceback, and the string values of its
    /// mime bundle (images as their base64 text).
    public var approximateBytes: Int {
        switch kind {
        case .stream: return text.utf8.count
        case .error: return traceback.reduce(ename.utf8.count + evalue.utf8.count) { $0 + $1.utf8.count }
        case .displayData, .executeResult: return Self.size(of: data)
        }
    }

    private static func size(of json: MessageJSON) -> Int {
        switch json {
        case let .string(s): return s.utf8.count
        case let .array(a): return a.reduce(0) { $0 + size(of: $1) }
        case let .object(o): return o.reduce(0) { $0 + $1.key.utf8.count + size(of: $1.value) }
        case let .number(n): return n.utf8.count
        default: return 4
        }
    }
}
