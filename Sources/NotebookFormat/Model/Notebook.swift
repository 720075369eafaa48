import Foundation

/// A Jupyter notebook (nbformat 4), read losslessly.
///
/// `Notebook(data:)` does what `nbformat.read(fp, as_version=4)` does (lines rejoined, transient keys
/// stripped, missing or duplicate cell ids of 4.5+ notebooks repaired); `serialized()` gives the exact
/// bytes `nbformat.write` produces. Keys the model does not interpret are kept everywhere.
public struct Notebook: Sendable, Equatable {
    /// The newest minor version of nbformat 4 this library knows.
    public static let newestKnownMinor = 5

    /// The major version (always 4 for a notebook this library reads).
    public var nbformat: Int
    /// The minor version.
    public var nbformatMinor: Int
    /// The notebook metadata (kernelspec, language_info, …).
    public var metadata: JSONObject
    /// The cells in order.
    public var cells: [Cell]
    /// Top-level keys other than `cells`, `metadata`, `nbformat`, `nbformat_minor` (invalid, but kept).
    public var extra: JSONObject

    /// An empty nbformat 4.5 notebook.
    public init(cells: [Cell] = [], metadata: JSONObject = [:], nbformatMinor: Int = Notebook.newestKnownMinor) {
        self.nbformat = 4
        self.nbformatMinor = nbformatMinor
        self.metadata = metadata
        self.cells = cells
        self.extra = [:]
    }

    /// Reads a notebook from the bytes of an `.ipynb` file.
    public init(data: Data) throws(NotebookReadError) {
        self = try NotebookReader.read(data).notebook
    }

    /// Reads the notebook file at `url`.
    public static func read(from url: URL) throws -> Notebook {
        try NotebookFile.open(url).notebook
    }

    /// The exact bytes `nbformat.write` would produce for this notebook (trailing newline included).
    public func serialized() -> Data {
        NotebookSerializer.serialize(self)
    }

    /// The serialized form as a string.
    public func serializedString() -> String {
        String(decoding: serialized(), as: UTF8.self)
    }

    /// Whether cells carry ids (nbformat 4.5 and later).
    public var usesCellIDs: Bool { nbformat > 4 || (nbformat == 4 && nbformatMinor >= 5) }

    /// The kernelspec's `name`, if any.
    public var kernelName: String? { metadata["kernelspec"]?["name"]?.stringValue }

    /// The kernel language (`language_info.name`, else `kernelspec.language`).
    public var language: String? {
        metadata["language_info"]?["name"]?.stringValue ?? metadata["kernelspec"]?["language"]?.stringValue
    }

    /// A new cell for this notebook: with a fresh id when the notebook uses ids.
    public func makeCell(_ type: CellType, source: String = "", metadata: JSONObject = [:]) -> Cell {
        Cell(type, source: source, id: usesCellIDs ? freshCellID() : nil, metadata: metadata)
    }

    /// An 8-hex-digit id (like nbformat's `uuid4().hex[:8]`) not used by any cell.
    public func freshCellID() -> String {
        let used = Set(cells.compactMap(\.id))
        while true {
            let id = String(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(8))
            if !used.contains(id) { return id }
        }
    }

    /// What nbformat's validation does to 4.5+ notebooks: cells without an id get one and repeated
    /// ids are replaced. Returns messages describing each change. Notebooks before 4.5 are untouched.
    @discardableResult
    public mutating func repairCellIDs() -> [String] {
        guard usesCellIDs else { return [] }
        var messages: [String] = []
        var seen = Set<String>()
        for i in cells.indices {
            if cells[i].fields["id"] == nil {
                let id = freshCellID()
                cells[i].id = id
                messages.append("cells[\(i)] had no id; assigned \(id)")
            } else if let id = cells[i].id, seen.contains(id) {
                let new = freshCellID()
                cells[i].id = new
                messages.append("cells[\(i)] repeated the id \(id); replaced by \(new)")
            }
            if let id = cells[i].id { seen.insert(id) }
        }
        return messages
    }

    /// The whole notebook as a JSON object (in-memory form: lines joined).
    public var jsonObject: JSONObject {
        var o = extra
        o["cells"] = .array(cells.map { .object($0.jsonObject) })
        o["metadata"] = .object(metadata)
        o["nbformat"] = .int(nbformat)
        o["nbformat_minor"] = .int(nbformatMinor)
        return o
    }
}
