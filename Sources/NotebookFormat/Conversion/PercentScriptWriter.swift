/// Writes a notebook as a Python script in jupytext's `py:percent` format, as jupytext 1.19.6 does
/// with its default options: a YAML header with the kernelspec and jupytext's own metadata,
/// `# %%` cell markers carrying the cell metadata, commented markdown and raw cells, commented
/// magics, and PEP 8 blank lines between cells.
enum PercentScriptWriter {
    static func write(_ notebook: Notebook) -> String {
        var metadata = notebook.metadata
        let language = JupytextRules.defaultLanguage(&metadata, popMainLanguage: true)
        var header = headerLines(metadata)
        let texts = notebook.cells.map { cellLines($0, defaultLanguage: language) }
        var lines: [String] = []
        for (i, cell) in notebook.cells.enumerated().reversed() {
            var text = texts[i]
            let count = cell.metadata["lines_to_next_cell"]?.intValue ?? PEP8Spacing.linesBetween(text, lines)
            text += Array(repeating: "", count: max(0, count))
            lines = text + lines
        }
        header += Array(repeating: "", count: PEP8Spacing.linesBetween(header, lines))
        return (header + lines).joined(separator: "\n")
    }

    static func headerLines(_ notebookMetadata: JSONObject) -> [String] {
        var metadata = notebookMetadata
        var jupytext = metadata["jupytext"]?.objectValue ?? [:]
        jupytext["text_representation"] = .object([
            "extension": ".py", "format_name": "percent",
            "format_version": .string(JupytextRules.percentFormatVersion),
            "jupytext_version": .string(JupytextRules.version),
        ])
        metadata["jupytext"] = .object(jupytext)
        var kept = JSONObject()
        for (key, value) in metadata where JupytextRules.notebookMetadataKept.contains(key) {
            kept[key] = value
        }
        let yaml = JupytextYAML.dump(["jupyter": .object(kept)])
        return JupytextRules.comment(["---"] + yaml + ["---"])
    }

    /// `cell_source`: the lines of the source, with a final empty line when it ends with a newline.
    static func sourceLines(_ source: String) -> [String] {
        if source.isEmpty { return [""] }
        var lines = JupytextRules.splitLines(source)
        if source.utf8.last == 0x0A { lines.append("") }
        return lines
    }

    /// The cell metadata jupytext writes (its default cell metadata filter).
    static func filteredMetadata(_ metadata: JSONObject) -> JSONObject {
        var out = JSONObject()
        for (key, value) in metadata {
            guard JupytextRules.isValidMetadataKey(key), !JupytextRules.ignoredCellMetadata.contains(key) else { continue }
            if key == "tags", value.arrayValue?.isEmpty == true { continue }
            out[key] = value
        }
        return out
    }

    static func cellLines(_ cell: Cell, defaultLanguage: String) -> [String] {
        var source = sourceLines(cell.source)
        var metadata = filteredMetadata(cell.metadata)
        let type = cell.fields["cell_type"]?.stringValue ?? ""
        var language: String? = nil
        if let first = source.first, first.hasPrefix("%%") {
            let magic = first.dropFirst(2)
            let parts = magic.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            let lang = String(parts[0])
            if JupytextRules.jupyterLanguages.contains(lang) {
                source.removeFirst()
                language = lang
                if parts.count > 1, !parts[1].isEmpty { metadata["magic_args"] = .string(String(parts[1])) }
            }
        }
        if let language { metadata["language"] = .string(language) }
        let cellLanguage = language ?? cell.metadata["language"]?.stringValue ?? defaultLanguage
        let activeTags = (metadata["tags"]?.arrayValue ?? []).contains { $0.stringValue?.hasPrefix("active-") == true }
        if type == "raw" && !metadata.contains("active") && !activeTags { metadata["active"] = "" }

        let active = JupytextRules.isActive(metadata, default:
            JupytextRules.usualLanguageName(cellLanguage) == JupytextRules.usualLanguageName(defaultLanguage))
        if type == "raw" && metadata["active"] == .string("") { metadata.removeValue(forKey: "active") }
        let isCode = type == "code" || (type == "raw" && metadata.contains("active")) || activeTags
        if !isCode { metadata["cell_type"] = .string(type) }

        let options = doublePercentOptions(&metadata)
        var indent = ""
        if isCode && active, let first = source.first, !JupytextRules.isBlank(first) {
            indent = String(first.prefix(while: { $0.isWhitespace }))
        }
        let marker = options.hasPrefix("%") || options.isEmpty ? "%%" + options : "%% " + options
        let lines = JupytextRules.comment([marker], prefix: indent + "#")
        if isCode && active {
            let commented = JupytextRules.usualLanguageName(cellLanguage) == "python" ? PythonMagics.comment(source) : source
            return commented == [""] ? lines : lines + commented
        }
        return lines + JupytextRules.comment(source)
    }

    /// `metadata_to_double_percent_options` + `metadata_to_text`.
    static func doublePercentOptions(_ metadata: inout JSONObject) -> String {
        var text: [String] = []
        if let title = metadata.removeValue(forKey: "title") { text.append(title.stringValue ?? JSONWriter.string(title)) }
        if let depth = metadata.removeValue(forKey: "cell_depth")?.intValue {
            text.insert(String(repeating: "%", count: max(0, depth)), at: 0)
        }
        if metadata.contains("cell_type") {
            let cellType = metadata.removeValue(forKey: "cell_type")
            let name = metadata.removeValue(forKey: "region_name") ?? cellType
            text.append("[\(name?.stringValue ?? "")]")
        }
        let head = text.joined(separator: " ")
        var parts = head.isEmpty ? [] : [head]
        for (key, value) in metadata where !JupytextRules.jupytextCellMetadata.contains(key) {
            if key == "incorrectly_encoded_metadata" {
                parts.append(value.stringValue ?? PythonJSON.dumps(value))
            } else if value.isNull {
                parts.append(key)
            } else {
                parts.append("\(key)=\(PythonJSON.dumps(value))")
            }
        }
        return parts.joined(separator: " ")
    }
}
