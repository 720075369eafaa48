/// Checks a notebook against the nbformat 4.x JSON schema of its minor version (the rules of
/// `nbformat.v4.<minor>.schema.json`), plus nbformat's own check that 4.5+ cell ids are unique.
/// Notebooks newer than 4.5 are checked against 4.5 with extra keys and unknown cell and output
/// types allowed, as nbformat does.
public struct NotebookValidator {
    /// The minor version whose schema applies.
    let schemaMinor: Int
    /// Extra keys and unknown types allowed (notebooks from a newer minor version).
    let relaxed: Bool
    private var issues: [ValidationIssue] = []

    /// Validates `notebook` and returns every issue found (empty when valid).
    public static func validate(_ notebook: Notebook) -> [ValidationIssue] {
        var v = NotebookValidator(schemaMinor: min(max(notebook.nbformatMinor, 0), Notebook.newestKnownMinor),
                                  relaxed: notebook.nbformatMinor > Notebook.newestKnownMinor)
        v.check(notebook)
        return v.issues
    }

    private init(schemaMinor: Int, relaxed: Bool) {
        self.schemaMinor = schemaMinor
        self.relaxed = relaxed
    }

    private mutating func fail(_ path: JSONPath, _ message: String) {
        issues.append(ValidationIssue(path: path.text, message: message))
    }

    private mutating func check(_ notebook: Notebook) {
        let root = JSONPath()
        if notebook.nbformat != 4 { fail(root.key("nbformat"), "expected 4, found \(notebook.nbformat)") }
        if notebook.nbformatMinor < 0 { fail(root.key("nbformat_minor"), "expected an integer ≥ 0") }
        if !relaxed {
            for key in notebook.extra.keys {
                fail(root.key(key), "unexpected top-level key (allowed: cells, metadata, nbformat, nbformat_minor)")
            }
        }
        checkNotebookMetadata(notebook.metadata, root.key("metadata"))
        var seenIDs: [String: Int] = [:]
        for (i, cell) in notebook.cells.enumerated() {
            let path = root.key("cells").index(i)
            checkCell(cell, path)
            if schemaMinor >= 5, let id = cell.id {
                if let first = seenIDs[id] {
                    fail(path.key("id"), "duplicate cell id '\(id)' (also used by cells[\(first)])")
                } else {
                    seenIDs[id] = i
                }
            }
        }
    }

    // MARK: metadata

    private mutating func checkNotebookMetadata(_ m: JSONObject, _ path: JSONPath) {
        if let ks = m["kernelspec"] {
            if let o = requireObject(ks, path.key("kernelspec")) {
                requireString(o, "name", path.key("kernelspec"))
                requireString(o, "display_name", path.key("kernelspec"))
            }
        }
        if let li = m["language_info"] {
            let p = path.key("language_info")
            if let o = requireObject(li, p) {
                requireString(o, "name", p)
                for key in ["file_extension", "mimetype", "pygments_lexer"] { optionalString(o, key, p) }
                if let cm = o["codemirror_mode"], cm.stringValue == nil, cm.objectValue == nil {
                    fail(p.key("codemirror_mode"), "expected a string or an object, found \(cm.typeName)")
                }
            }
        }
        if let orig = m["orig_nbformat"], (orig.intValue ?? 0) < 1 {
            fail(path.key("orig_nbformat"), "expected an integer ≥ 1, found \(orig.typeName)")
        }
        if schemaMinor >= 2 {
            optionalString(m, "title", path)
            if let authors = m["authors"], authors.arrayValue == nil {
                fail(path.key("authors"), "expected an array, found \(authors.typeName)")
            }
        }
    }

    private mutating func checkCellMetadata(_ value: JSONValue?, type: CellType, _ path: JSONPath) {
        guard let value else { return }
        guard let m = requireObject(value, path) else { return }
        if let name = m["name"] {
            if let s = name.stringValue {
                let body = s.utf8.last == 0x0A ? String(decoding: s.utf8.dropLast(), as: UTF8.self) : s
                if body.isEmpty || body.contains("\n") {
                    fail(path.key("name"), "expected a non-empty single-line string")
                }
            } else {
                fail(path.key("name"), "expected a string, found \(name.typeName)")
            }
        }
        if let tags = m["tags"] {
            if let list = tags.arrayValue {
                var seen: [String] = []
                for (i, t) in list.enumerated() {
                    guard let s = t.stringValue else {
                        fail(path.key("tags").index(i), "expected a string, found \(t.typeName)")
                        continue
                    }
                    if s.isEmpty || s.contains(",") {
                        fail(path.key("tags").index(i), "a tag must be non-empty and contain no comma")
                    }
                    if seen.contains(where: { $0.utf8.elementsEqual(s.utf8) }) {
                        fail(path.key("tags").index(i), "repeated tag '\(s)' (tags must be unique)")
                    }
                    seen.append(s)
                }
            } else {
                fail(path.key("tags"), "expected an array of strings, found \(tags.typeName)")
            }
        }
        let known = type == .code || type == .markdown || type == .raw
        if known && schemaMinor >= 3, let j = m["jupyter"], j.objectValue == nil {
            fail(path.key("jupyter"), "expected an object, found \(j.typeName)")
        }
        if type == .raw, let f = m["format"], f.stringValue == nil {
            fail(path.key("format"), "expected a string (a MIME type), found \(f.typeName)")
        }
        guard type == .code else { return }
        if let c = m["collapsed"], c.boolValue == nil {
            fail(path.key("collapsed"), "expected true or false, found \(c.typeName)")
        }
        if let s = m["scrolled"], s.boolValue == nil && s.stringValue != "auto" {
            fail(path.key("scrolled"), "expected true, false or \"auto\"")
        }
        if schemaMinor >= 4, let e = m["execution"], let o = requireObject(e, path.key("execution")) {
            for (k, v) in o where v.stringValue == nil {
                fail(path.key("execution").key(k), "expected a string (an ISO 8601 date), found \(v.typeName)")
            }
        }
    }
}

extension NotebookValidator {
    // MARK: cells

    private static let cellKeys: [CellType: [String]] = [
        .code: ["cell_type", "metadata", "source", "outputs", "execution_count"],
        .markdown: ["cell_type", "metadata", "source", "attachments"],
        .raw: ["cell_type", "metadata", "source", "attachments"],
    ]

    fileprivate mutating func checkCell(_ cell: Cell, _ path: JSONPath) {
        let object = cell.jsonObject
        guard let typeValue = object["cell_type"] else {
            fail(path.key("cell_type"), "missing (expected \"code\", \"markdown\" or \"raw\")")
            return
        }
        guard let typeName = typeValue.stringValue else {
            fail(path.key("cell_type"), "expected a string, found \(typeValue.typeName)")
            return
        }
        let type = CellType(rawValue: typeName)
        guard var allowed = NotebookValidator.cellKeys[type] else {
            if relaxed {
                requireKey(object, "metadata", path)
                checkCellMetadata(object["metadata"], type: type, path.key("metadata"))
            } else {
                fail(path.key("cell_type"), "unknown cell type '\(typeName)' (expected \"code\", \"markdown\" or \"raw\")")
            }
            return
        }
        if schemaMinor >= 5 { allowed.append("id") }
        for key in allowed where key != "attachments" && (key != "id" || schemaMinor >= 5) {
            requireKey(object, key, path)
        }
        if !relaxed {
            for key in object.keys where !allowed.contains(key) {
                fail(path.key(key), key == "id"
                     ? "cell ids need nbformat 4.5 or later (this notebook is 4.\(schemaMinor))"
                     : "unexpected key in a \(typeName) cell (allowed: \(allowed.joined(separator: ", ")))")
            }
        }
        if schemaMinor >= 5, let id = object["id"] { checkCellID(id, path.key("id")) }
        checkCellMetadata(object["metadata"], type: type, path.key("metadata"))
        if let source = object["source"] { checkMultiline(source, path.key("source")) }
        if let attachments = object["attachments"], type != .code,
           let o = requireObject(attachments, path.key("attachments")) {
            for (name, bundle) in o { checkMimeBundle(bundle, path.key("attachments").key(name)) }
        }
        guard type == .code else { return }
        if let count = object["execution_count"] { checkExecutionCount(count, path.key("execution_count")) }
        if let outputs = object["outputs"] {
            guard let list = outputs.arrayValue else {
                fail(path.key("outputs"), "expected an array, found \(outputs.typeName)")
                return
            }
            for (i, o) in list.enumerated() { checkOutput(o, path.key("outputs").index(i)) }
        }
    }

    private mutating func checkCellID(_ id: JSONValue, _ path: JSONPath) {
        guard let s = id.stringValue else {
            fail(path, "expected a string, found \(id.typeName)")
            return
        }
        let count = s.unicodeScalars.count
        if count < 1 || count > 64 {
            fail(path, "a cell id must be 1 to 64 characters long, found \(count)")
        }
        let ok = s.unicodeScalars.allSatisfy { c in
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "-" || c == "_"
        }
        if !ok { fail(path, "a cell id may contain only letters, digits, '-' and '_', found '\(s)'") }
    }

    // MARK: outputs

    private static let outputKeys: [String: [String]] = [
        "stream": ["output_type", "name", "text"],
        "display_data": ["output_type", "data", "metadata"],
        "execute_result": ["output_type", "data", "metadata", "execution_count"],
        "error": ["output_type", "ename", "evalue", "traceback"],
    ]

    private mutating func checkOutput(_ value: JSONValue, _ path: JSONPath) {
        guard let o = requireObject(value, path) else { return }
        guard let typeValue = o["output_type"] else {
            fail(path.key("output_type"), "missing (expected stream, display_data, execute_result or error)")
            return
        }
        guard let type = typeValue.stringValue, let allowed = NotebookValidator.outputKeys[type] else {
            if !relaxed {
                fail(path.key("output_type"), "unknown output type \(JSONWriter.string(typeValue)) "
                     + "(expected stream, display_data, execute_result or error)")
            }
            return
        }
        for key in allowed { requireKey(o, key, path) }
        if !relaxed {
            for key in o.keys where !allowed.contains(key) {
                fail(path.key(key), "unexpected key in a \(type) output (allowed: \(allowed.joined(separator: ", ")))")
            }
        }
        switch type {
        case "stream":
            optionalString(o, "name", path)
            if let text = o["text"] { checkMultiline(text, path.key("text")) }
        case "error":
            optionalString(o, "ename", path)
            optionalString(o, "evalue", path)
            if let tb = o["traceback"] {
                if let list = tb.arrayValue {
                    for (i, line) in list.enumerated() where line.stringValue == nil {
                        fail(path.key("traceback").index(i), "expected a string, found \(line.typeName)")
                    }
                } else {
                    fail(path.key("traceback"), "expected an array of strings, found \(tb.typeName)")
                }
            }
        default:
            if let data = o["data"] { checkMimeBundle(data, path.key("data")) }
            if let m = o["metadata"] { _ = requireObject(m, path.key("metadata")) }
            if let count = o["execution_count"] { checkExecutionCount(count, path.key("execution_count")) }
        }
    }

    private mutating func checkMimeBundle(_ value: JSONValue, _ path: JSONPath) {
        guard let bundle = requireObject(value, path) else { return }
        for (mime, v) in bundle where !MimeType.isJSON(mime) {
            checkMultiline(v, path.key(mime))
        }
    }

    // MARK: primitives

    private mutating func checkExecutionCount(_ v: JSONValue, _ path: JSONPath) {
        if v.isNull { return }
        guard let n = v.numberValue, n.isInteger else {
            fail(path, "expected an integer ≥ 0 or null, found \(v.typeName)")
            return
        }
        if n.text.hasPrefix("-") && n.pythonText != "0" { fail(path, "expected an integer ≥ 0 or null, found \(n.text)") }
    }

    private mutating func checkMultiline(_ v: JSONValue, _ path: JSONPath) {
        if v.stringValue != nil { return }
        if let list = v.arrayValue {
            for (i, line) in list.enumerated() where line.stringValue == nil {
                fail(path.index(i), "expected a string, found \(line.typeName)")
            }
            return
        }
        fail(path, "expected a string or an array of strings, found \(v.typeName)")
    }

    private mutating func requireObject(_ v: JSONValue, _ path: JSONPath) -> JSONObject? {
        if let o = v.objectValue { return o }
        fail(path, "expected an object, found \(v.typeName)")
        return nil
    }

    private mutating func requireKey(_ o: JSONObject, _ key: String, _ path: JSONPath) {
        if !o.contains(key) { fail(path.key(key), "missing (required)") }
    }

    private mutating func requireString(_ o: JSONObject, _ key: String, _ path: JSONPath) {
        guard let v = o[key] else {
            fail(path.key(key), "missing (required string)")
            return
        }
        if v.stringValue == nil { fail(path.key(key), "expected a string, found \(v.typeName)") }
    }

    private mutating func optionalString(_ o: JSONObject, _ key: String, _ path: JSONPath) {
        if let v = o[key], v.stringValue == nil { fail(path.key(key), "expected a string, found \(v.typeName)") }
    }
}
