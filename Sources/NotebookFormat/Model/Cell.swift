/// One notebook cell. Every key of the file is kept; `source` holds the joined text.
///
/// Keys the model interprets are reached through properties; everything else (and any value of an
/// unexpected type) stays in `fields` and is written back unchanged.
public struct Cell: Sendable, Equatable {
    /// All keys of the cell object except `outputs` when they are held in `outputStorage`.
    public var fields: JSONObject
    /// The outputs, when the cell has an `outputs` array of objects (code cells).
    public var outputStorage: [Output]?

    /// A cell from its JSON object (lines already joined).
    public init(fields: JSONObject, outputs: [Output]? = nil) {
        self.fields = fields
        self.outputStorage = outputs
    }

    /// A new cell of `type` with `source`, shaped like nbformat's `new_code_cell` /
    /// `new_markdown_cell` / `new_raw_cell` (code cells get `outputs` and `execution_count`).
    public init(_ type: CellType, source: String = "", id: String? = nil, metadata: JSONObject = [:]) {
        fields = ["cell_type": .string(type.rawValue), "metadata": .object(metadata), "source": .string(source)]
        if let id { fields["id"] = .string(id) }
        if type == .code {
            fields["execution_count"] = .null
            outputStorage = []
        }
    }

    /// The cell id (nbformat 4.5 and later).
    public var id: String? {
        get { fields["id"]?.stringValue }
        set { fields["id"] = newValue.map { .string($0) } }
    }

    /// The cell type.
    public var cellType: CellType {
        get { CellType(rawValue: fields["cell_type"]?.stringValue ?? "") }
        set {
            fields["cell_type"] = .string(newValue.rawValue)
            if newValue == .code {
                if outputStorage == nil { outputStorage = [] }
                if fields["execution_count"] == nil { fields["execution_count"] = .null }
            } else {
                outputStorage = nil
                fields["execution_count"] = nil
            }
        }
    }

    /// The source text.
    public var source: String {
        get { fields["source"]?.stringValue ?? "" }
        set { fields["source"] = .string(newValue) }
    }

    /// The cell metadata.
    public var metadata: JSONObject {
        get { fields["metadata"]?.objectValue ?? [:] }
        set { fields["metadata"] = .object(newValue) }
    }

    /// The tags in `metadata.tags`.
    public var tags: [String] {
        metadata["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// Attachments of markdown and raw cells: file name → MIME bundle.
    public var attachments: JSONObject? {
        get { fields["attachments"]?.objectValue }
        set { fields["attachments"] = newValue.map { .object($0) } }
    }

    /// A code cell's outputs.
    public var outputs: [Output] {
        get { outputStorage ?? [] }
        set { outputStorage = newValue }
    }

    /// A code cell's execution count (`nil` is `null`).
    public var executionCount: Int? {
        get { fields["execution_count"]?.intValue }
        set { fields["execution_count"] = newValue.map { .int($0) } ?? .null }
    }

    /// The whole cell as a JSON object (outputs included, lines joined).
    public var jsonObject: JSONObject {
        var o = fields
        if let outputStorage { o["outputs"] = .array(outputStorage.map { .object($0.fields) }) }
        return o
    }
}
