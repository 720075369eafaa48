import Foundation

/// Turns `.ipynb` bytes into a `Notebook` the way `nbformat.read(fp, as_version=4)` does.
public enum NotebookReader {
    /// A notebook and what was noticed while reading it (newer minor version, repaired ids, a BOM).
    public struct Result: Sendable {
        /// The notebook.
        public var notebook: Notebook
        /// Warnings worth showing to the user; reading succeeded anyway.
        public var warnings: [String]
    }

    /// Reads a notebook from file bytes.
    public static func read(_ data: Data) throws(NotebookReadError) -> Result {
        try read(data, joiningWhileParsing: true)
    }

    /// `joiningWhileParsing: false` parses plain JSON and joins lines afterwards (the reference
    /// behaviour the fast path must reproduce).
    static func read(_ data: Data, joiningWhileParsing: Bool) throws(NotebookReadError) -> Result {
        var warnings: [String] = []
        if JSONParser.hasByteOrderMark(data) {
            warnings.append("the file starts with a UTF-8 byte order mark, which nbformat refuses; "
                + "it is ignored and will not be written back")
        }
        let value: JSONValue
        do {
            value = joiningWhileParsing ? try JSONParser.parseNotebook(data) : try JSONParser.parse(data)
        } catch {
            throw .invalidJSON(error)
        }
        guard case .object(var top) = value else {
            throw .notANotebook("the top level is a JSON \(value.typeName), not an object")
        }
        let major: Int
        switch top["nbformat"] {
        case nil: major = 1
        case .some(let v):
            guard let m = v.intValue else { throw .notANotebook("'nbformat' is \(v.typeName), expected an integer") }
            major = m
        }
        let minorValue = top["nbformat_minor"]
        if let minorValue, minorValue.intValue == nil {
            throw .notANotebook("'nbformat_minor' is \(minorValue.typeName), expected an integer")
        }
        let minor = minorValue?.intValue
        if major <= 3 {
            throw .unsupportedVersion(major: major, minor: minor, message:
                "this is an nbformat \(major) notebook; Callisto reads nbformat 4. Convert it with "
                + "`jupyter nbconvert --to notebook --nbformat 4 FILE` (or open and save it in Jupyter)")
        }
        if major > 4 {
            throw .unsupportedVersion(major: major, minor: minor, message:
                "nbformat \(major) is newer than this version of Callisto understands (nbformat 4)")
        }
        guard let minor else { throw .notANotebook("'nbformat_minor' is missing") }
        if minor > Notebook.newestKnownMinor {
            warnings.append("nbformat 4.\(minor) is newer than 4.\(Notebook.newestKnownMinor); "
                + "reading it as 4.\(Notebook.newestKnownMinor) and keeping every unknown field")
        }
        guard case .array(let cellValues)? = top.removeValue(forKey: "cells") else {
            throw .notANotebook("'cells' is missing or not an array")
        }
        guard case .object(var metadata)? = top.removeValue(forKey: "metadata") else {
            throw .notANotebook("'metadata' is missing or not an object")
        }
        top.removeValue(forKey: "nbformat")
        top.removeValue(forKey: "nbformat_minor")
        stripTransient(&metadata)

        var cells: [Cell] = []
        cells.reserveCapacity(cellValues.count)
        for (n, v) in cellValues.enumerated() {
            guard case .object(let o) = v else { throw .notANotebook("cells[\(n)] is a \(v.typeName), not an object") }
            cells.append(makeCell(o))
        }
        var notebook = Notebook(cells: cells, metadata: metadata, nbformatMinor: minor)
        notebook.nbformat = major
        notebook.extra = top
        warnings += notebook.repairCellIDs()
        return Result(notebook: notebook, warnings: warnings)
    }

    /// nbformat's `strip_transient` on notebook metadata.
    static func stripTransient(_ metadata: inout JSONObject) {
        metadata.removeValue(forKey: "orig_nbformat")
        metadata.removeValue(forKey: "orig_nbformat_minor")
        metadata.removeValue(forKey: "signature")
    }

    /// A cell from its file object: `rejoin_lines` and `strip_transient`.
    static func makeCell(_ object: JSONObject) -> Cell {
        var fields = object
        fields.modify("source") { joinIfLines(&$0) }
        fields.modify("attachments") { value in
            guard case .object(var attachments) = value else { return }
            attachments.modifyValues { _, bundle in rejoinBundle(&bundle) }
            value = .object(attachments)
        }
        fields.modify("metadata") { value in
            guard case .object(var m) = value else { return }
            if m.contains("trusted") {
                m.removeValue(forKey: "trusted")
                value = .object(m)
            }
        }
        let isCode = fields["cell_type"]?.stringValue == "code"
        guard isCode, case .array(let outputValues)? = fields["outputs"],
              outputValues.allSatisfy({ $0.objectValue != nil }) else {
            return Cell(fields: fields)
        }
        fields.removeValue(forKey: "outputs")
        let outputs = outputValues.map { value -> Output in
            var o = value.objectValue!
            let type = o["output_type"]?.stringValue ?? ""
            if type == "execute_result" || type == "display_data" {
                o.modify("data") { rejoinBundle(&$0) }
            } else if !type.isEmpty {
                o.modify("text") { joinIfLines(&$0) }
            }
            return Output(fields: o)
        }
        return Cell(fields: fields, outputs: outputs)
    }

    /// Joins a list of strings into one string; anything else is left alone.
    static func joinIfLines(_ value: inout JSONValue) {
        guard case .array(let parts) = value else { return }
        var size = 0
        for p in parts {
            guard case .string(let s) = p else { return }
            size += s.utf8.count
        }
        var joined = ""
        joined.reserveCapacity(size)
        for case .string(let s) in parts { joined += s }
        value = .string(joined)
    }

    /// nbformat's `_rejoin_mimebundle`: joins list-of-string values except JSON MIME types.
    static func rejoinBundle(_ value: inout JSONValue) {
        guard case .object(var bundle) = value else { return }
        bundle.modifyValues { key, v in
            if !MimeType.isJSON(key) { joinIfLines(&v) }
        }
        value = .object(bundle)
    }
}

/// MIME type rules of nbformat.
public enum MimeType {
    /// `application/json` and `application/…+json`: values are JSON, never split or joined.
    public static func isJSON(_ mime: String) -> Bool {
        mime == "application/json" || (mime.hasPrefix("application/") && mime.hasSuffix("+json"))
    }

    /// Types whose string values nbformat writes as a list of lines.
    public static func isSplitOnWrite(_ mime: String) -> Bool {
        mime.hasPrefix("text/") || mime == "application/javascript" || mime == "image/svg+xml"
    }
}
