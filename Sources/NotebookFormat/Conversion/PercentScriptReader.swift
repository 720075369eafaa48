import Foundation

/// Reads a `py:percent` script into a notebook as jupytext 1.19.6 does with its default options
/// (`jupytext.reads(text, "py:percent")`, then the text-representation metadata dropped as
/// `jupytext --to ipynb` does).
struct PercentScriptReader {
    private static let encoding = try! NSRegularExpression(pattern: #"^[ \t\f]*#.*?coding[:=][ \t]*([-_.a-zA-Z0-9]+)"#)
    private static let headerRule = try! NSRegularExpression(pattern: #"^---\s*$"#)
    private static let jupyterKey = try! NSRegularExpression(pattern: #"^jupyter\s*:\s*$"#)

    private static func match(_ re: NSRegularExpression, _ s: String) -> Bool { PythonMagics.matches(re, s) }

    static func read(_ text: String) -> Notebook {
        var lines = JupytextRules.splitLines(text)
        var (metadata, jupyterFound, headerCell, position) = header(lines)
        lines = Array(lines[position...])
        var cells: [Cell] = headerCell.map { [$0] } ?? []
        let defaultLanguage = JupytextRules.defaultLanguage(&metadata, popMainLanguage: false)
        var metadataAsJSON = false
        while !lines.isEmpty {
            let (cell, next, json) = readCell(lines, defaultLanguage: defaultLanguage)
            cells.append(cell)
            metadataAsJSON = metadataAsJSON || json
            lines = Array(lines[max(1, next)...])
        }
        setCellLanguages(&metadata, &cells, main: defaultLanguage)
        updateMetadataFilters(&metadata, jupyterFound: jupyterFound, cells: cells)
        var jupytext = metadata["jupytext"]?.objectValue ?? [:]
        if metadataAsJSON { jupytext["cell_metadata_json"] = jupytext["cell_metadata_json"] ?? true }
        jupytext.removeValue(forKey: "text_representation")
        metadata["jupytext"] = jupytext.isEmpty ? nil : .object(jupytext)
        var notebook = Notebook(cells: [], metadata: metadata)
        for var cell in cells {
            cell.id = notebook.freshCellID()
            notebook.cells.append(cell)
        }
        return notebook
    }

    // MARK: header

    static func header(_ lines: [String]) -> (JSONObject, Bool, Cell?, Int) {
        var metadata = JSONObject()
        var headerLines: [String] = [], jupyter: [String] = []
        var inJupyter = false, started = false, ended = false
        var start = 0
        var i = -1
        for (n, raw) in lines.enumerated() {
            i = n
            if n == 0 && raw.hasPrefix("#!") {
                setJupytext(&metadata, "executable", .string(String(raw.dropFirst(2))))
                start = n + 1
                continue
            }
            if n == 0 || (n == 1 && !match(encoding, lines[0])), match(encoding, raw) {
                setJupytext(&metadata, "encoding", .string(raw))
                start = n + 1
                continue
            }
            if !raw.hasPrefix("#") { break }
            let line = JupytextRules.uncomment([raw])[0]
            if match(headerRule, line) {
                if !started {
                    started = true
                    continue
                }
                ended = true
                break
            }
            if !started && !JupytextRules.isBlank(line) { break }
            if match(jupyterKey, line) {
                inJupyter = true
            } else if !line.isEmpty && !(line.first?.isWhitespace ?? false) {
                inJupyter = false
            }
            if inJupyter { jupyter.append(line) } else { headerLines.append(line) }
        }
        guard ended else { return (metadata, false, nil, start) }
        if !jupyter.isEmpty, let parsed = JupytextYAML.parse(jupyter), case .object(var m)? = parsed["jupyter"] {
            for (k, v) in metadata {
                if case .object(var mine)? = m[k], case .object(let extra) = v {
                    for (ek, ev) in extra { mine[ek] = ev }
                    m[k] = .object(mine)
                } else {
                    m[k] = v
                }
            }
            metadata = m
        }
        var linesToNextCell = 1
        if lines.count > i + 1 {
            if !JupytextRules.isBlank(JupytextRules.uncomment([lines[i + 1]])[0]) { linesToNextCell = 0 } else { i += 1 }
        } else {
            linesToNextCell = 0
        }
        var cell: Cell? = nil
        if !headerLines.isEmpty {
            let expected = PEP8Spacing.linesBetween(["---"], Array(lines[min(i + 1, lines.count)...]))
            cell = Cell(.raw, source: (["---"] + headerLines + ["---"]).joined(separator: "\n"),
                        metadata: linesToNextCell == expected ? [:] : ["lines_to_next_cell": .int(linesToNextCell)])
        }
        return (metadata, !jupyter.isEmpty, cell, i + 1)
    }

    private static func setJupytext(_ metadata: inout JSONObject, _ key: String, _ value: JSONValue) {
        var j = metadata["jupytext"]?.objectValue ?? [:]
        j[key] = value
        metadata["jupytext"] = .object(j)
    }
}
