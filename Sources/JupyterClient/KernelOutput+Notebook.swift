import Foundation
import JupyterProtocol
import NotebookFormat

extension KernelOutput {
    /// The output as a NotebookFormat `Output` (the nbformat dict of `notebookJSON`, transient
    /// display ids dropped), converted through its JSON text so numbers and strings stay exact.
    public var notebookOutput: Output {
        let text = MessageJSONWriter.data(notebookJSON)
        if case .object(let fields)? = try? NotebookFormat.JSONParser.parse(text) {
            return Output(fields: fields)
        }
        return Output.stream(name: "stderr", text: "unconvertible output\n")
    }
}

extension MessageJSON {
    /// The same value as a NotebookFormat `JSONValue`.
    public var notebookJSON: NotebookFormat.JSONValue {
        (try? NotebookFormat.JSONParser.parse(MessageJSONWriter.data(self))) ?? .null
    }
}
