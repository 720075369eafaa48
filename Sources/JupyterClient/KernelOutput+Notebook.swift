import Foundation
import JupyterProtocol
import NotebookFormat

extension KernelOutput {
    /// The output as a NotebookFormat `Output` (the nbformat dict of `notebookJSON`, transient
    /// display ids dropped); mime bundles are converted through their JSON text so numbers and
    /// strings stay exact.
    public var notebookOutput: Output {
        // Streams (the bulk of a flood) and errors hold only strings: built directly.
        switch kind {
        case .stream:
            return Output.stream(name: name, text: text)
        case .error:
            return Output(fields: ["output_type": "error", "ename": .string(ename), "evalue": .string(evalue),
                                   "traceback": .array(traceback.map(NotebookFormat.JSONValue.string))])
        case .displayData, .executeResult:
            break
        }
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
