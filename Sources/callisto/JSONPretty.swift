import Foundation
import JupyterProtocol

/// JSON indented by two spaces with sorted keys, for command-line output.
enum JSONPretty {
    static func string(_ value: MessageJSON, indent: String = "") -> String {
        let inner = indent + "  "
        switch value {
        case .array(let elements) where !elements.isEmpty:
            return "[\n" + elements.map { inner + string($0, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let members) where !members.isEmpty:
            return "{\n" + members.keys.sorted().map {
                inner + MessageJSONWriter.string(.string($0)) + ": " + string(members[$0]!, indent: inner)
            }.joined(separator: ",\n") + "\n" + indent + "}"
        default:
            return MessageJSONWriter.string(value)
        }
    }
}
