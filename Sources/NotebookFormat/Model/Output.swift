/// One output of a code cell. Every key of the file is kept in `fields`; multi-line strings
/// (`text`, text-like MIME data) hold their joined form, as after `nbformat.read`.
public struct Output: Sendable, Equatable {
    /// All keys of the output object.
    public var fields: JSONObject

    /// An output from its JSON object (lines already joined).
    public init(fields: JSONObject) {
        self.fields = fields
    }

    /// A `stream` output (`name` is `stdout` or `stderr`).
    public static func stream(name: String, text: String) -> Output {
        Output(fields: ["output_type": "stream", "name": .string(name), "text": .string(text)])
    }

    /// A `display_data` output.
    public static func displayData(data: JSONObject, metadata: JSONObject = [:]) -> Output {
        Output(fields: ["output_type": "display_data", "data": .object(data), "metadata": .object(metadata)])
    }

    /// An `execute_result` output.
    public static func executeResult(executionCount: Int?, data: JSONObject, metadata: JSONObject = [:]) -> Output {
        Output(fields: ["output_type": "execute_result", "data": .object(data), "metadata": .object(metadata),
                        "execution_count": executionCount.map { .int($0) } ?? .null])
    }

    /// An `error` output.
    public static func error(ename: String, evalue: String, traceback: [String]) -> Output {
        Output(fields: ["output_type": "error", "ename": .string(ename), "evalue": .string(evalue),
                        "traceback": .array(traceback.map { .string($0) })])
    }

    /// The output type.
    public var outputType: OutputType {
        get { OutputType(rawValue: fields["output_type"]?.stringValue ?? "") }
        set { fields["output_type"] = .string(newValue.rawValue) }
    }

    /// A stream's name (`stdout`, `stderr`).
    public var name: String? {
        get { fields["name"]?.stringValue }
        set { fields["name"] = newValue.map { .string($0) } }
    }

    /// A stream's text.
    public var text: String? {
        get { fields["text"]?.stringValue }
        set { fields["text"] = newValue.map { .string($0) } }
    }

    /// The MIME bundle of `display_data` / `execute_result`: text values joined, JSON MIME types as JSON.
    public var data: JSONObject {
        get { fields["data"]?.objectValue ?? [:] }
        set { fields["data"] = .object(newValue) }
    }

    /// Output metadata.
    public var metadata: JSONObject {
        get { fields["metadata"]?.objectValue ?? [:] }
        set { fields["metadata"] = .object(newValue) }
    }

    /// An `execute_result`'s execution count.
    public var executionCount: Int? {
        get { fields["execution_count"]?.intValue }
        set { fields["execution_count"] = newValue.map { .int($0) } ?? .null }
    }

    /// An error's exception name.
    public var ename: String? { fields["ename"]?.stringValue }
    /// An error's exception value.
    public var evalue: String? { fields["evalue"]?.stringValue }
    /// An error's traceback lines (may contain ANSI colours).
    public var traceback: [String] {
        fields["traceback"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// The text of a MIME type in `data`, when it is a string.
    public func text(for mime: String) -> String? { data[mime]?.stringValue }
}
