import Foundation
import JupyterProtocol

/// One output of an execution, shaped like an nbformat output.
public struct KernelOutput: Sendable, Equatable {
    /// The nbformat `output_type`.
    public enum Kind: String, Sendable, Equatable {
        case stream, displayData = "display_data", executeResult = "execute_result", error
    }

    public var kind: Kind
    /// Stream name (`stdout` / `stderr`).
    public var name: String = ""
    /// Stream text, with `\r` and `\b` already applied.
    public var text: String = ""
    /// Mime bundle of display data and results.
    public var data: MessageJSON = .object([:])
    /// Per-mime metadata of display data and results.
    public var metadata: MessageJSON = .object([:])
    /// Execution count of an `execute_result`.
    public var executionCount: Int?
    /// `transient.display_id`, if the output can be updated (never saved).
    public var displayID: String?
    /// Error name, value and traceback lines.
    public var ename = "", evalue = ""
    public var traceback: [String] = []

    /// A stream output.
    public static func stream(_ name: String, _ text: String) -> KernelOutput {
        KernelOutput(kind: .stream, name: name, text: text)
    }

    /// The output a display_data, execute_result, stream or error message carries; `nil` for other messages.
    public init?(message: Message) {
        let c = message.content
        switch message.msgType {
        case "stream":
            self.init(kind: .stream, name: c["name"]?.stringValue ?? "stdout", text: c["text"]?.stringValue ?? "")
        case "display_data", "execute_result":
            self.init(kind: message.msgType == "display_data" ? .displayData : .executeResult,
                      data: c["data"] ?? .object([:]), metadata: c["metadata"] ?? .object([:]),
                      executionCount: c["execution_count"]?.intValue,
                      displayID: c["transient"]?["display_id"]?.stringValue)
        case "error":
            self.init(kind: .error, ename: c["ename"]?.stringValue ?? "", evalue: c["evalue"]?.stringValue ?? "",
                      traceback: c["traceback"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        default:
            return nil
        }
    }

    init(kind: Kind, name: String = "", text: String = "", data: MessageJSON = .object([:]),
         metadata: MessageJSON = .object([:]), executionCount: Int? = nil, displayID: String? = nil,
         ename: String = "", evalue: String = "", traceback: [String] = []) {
        self.kind = kind
        self.name = name
        self.text = text
        self.data = data
        self.metadata = metadata
        self.executionCount = executionCount
        self.displayID = displayID
        self.ename = ename
        self.evalue = evalue
        self.traceback = traceback
    }

    /// The output as an nbformat v4 output dict (what nbformat's `output_from_msg` builds).
    public var notebookJSON: MessageJSON {
        switch kind {
        case .stream:
            return ["output_type": "stream", "name": .string(name), "text": .string(text)]
        case .displayData:
            return ["output_type": "display_data", "data": data, "metadata": metadata]
        case .executeResult:
            return ["output_type": "execute_result", "data": data, "metadata": metadata,
                    "execution_count": executionCount.map(MessageJSON.int) ?? .null]
        case .error:
            return ["output_type": "error", "ename": .string(ename), "evalue": .string(evalue),
                    "traceback": .array(traceback.map(MessageJSON.string))]
        }
    }
}
