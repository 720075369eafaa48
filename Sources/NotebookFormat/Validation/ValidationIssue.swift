/// One way a notebook breaks the nbformat 4 schema: where (a JSON path such as
/// `cells[3].outputs[0].output_type`) and what was expected.
public struct ValidationIssue: Sendable, Equatable, CustomStringConvertible {
    /// The JSON path of the offending value.
    public var path: String
    /// What is wrong and what was expected.
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// A JSON path under construction.
struct JSONPath {
    private(set) var text: String

    init(_ text: String = "") { self.text = text }

    func key(_ k: String) -> JSONPath {
        let simple = !k.isEmpty && k.unicodeScalars.allSatisfy { s in
            (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "_" || s == "-"
        }
        if simple { return JSONPath(text.isEmpty ? k : "\(text).\(k)") }
        return JSONPath("\(text)[\(JSONWriter.string(.string(k)))]")
    }

    func index(_ i: Int) -> JSONPath { JSONPath("\(text)[\(i)]") }
}
