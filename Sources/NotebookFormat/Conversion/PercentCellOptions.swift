import Foundation

extension PercentScriptReader {
    /// `options_to_metadata` of jupytext's light/percent readers: title, `[markdown]`/`[raw]`/`[md]`,
    /// Spyder's `%` depth, and `key=value` or JSON metadata.
    static func optionsToMetadata(_ options: String) -> JSONObject {
        var (title, metadata) = textToMetadata(options)
        for cellType in ["markdown", "raw", "md"] {
            let code = "[\(cellType)]"
            if title.contains(code) {
                title = title.replacingOccurrences(of: code, with: "").trimmingCharacters(in: .whitespacesAndNewlines)
                metadata["cell_type"] = .string(cellType)
                if cellType == "md" {
                    metadata["region_name"] = "md"
                    metadata["cell_type"] = "markdown"
                }
                break
            }
        }
        var depth = 0
        while title.hasPrefix("%") {
            depth += 1
            title.removeFirst()
        }
        if depth > 0 {
            metadata["cell_depth"] = .int(depth)
            title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if !title.isEmpty { metadata["title"] = .string(title) }
        return metadata
    }

    /// `text_to_metadata(text, allow_title=True)`.
    static func textToMetadata(_ raw: String) -> (String, JSONObject) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let brace = text.firstIndex(of: "{")
        let equal = text.firstIndex(of: "=")
        if brace == nil || (equal != nil && equal! < brace!) {
            var words: [Substring]
            if let equal {
                words = text[..<equal].split(separator: " ", omittingEmptySubsequences: false)
                while let last = words.last, last.isEmpty { words.removeLast() }
                if !words.isEmpty { words.removeLast() }
            } else {
                words = text.split(separator: " ", omittingEmptySubsequences: false)
            }
            while let last = words.last, last.trimmingCharacters(in: .whitespaces).isEmpty || last.hasPrefix(".") {
                words.removeLast()
            }
            let title = words.joined(separator: " ")
            return (title, parseKeyEqualValue(String(text.dropFirst(title.count))))
        }
        let title = text[..<brace!].trimmingCharacters(in: .whitespacesAndNewlines)
        if case .object(let o)? = relaxedJSON(String(text[brace!...])) { return (title, o) }
        return (title, ["incorrectly_encoded_metadata": .string(String(text[brace!...]))])
    }

    /// `parse_key_equal_value`: `key1=value1 key2=value2`, values JSON (or Python literals).
    static func parseKeyEqualValue(_ raw: String) -> JSONObject {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return [:] }
        let chars = Array(text)
        let lastSpace = chars.lastIndex(of: " ") ?? -1
        let tail = String(chars[(lastSpace + 1)...])
        if !text.hasPrefix("--") && JupytextRules.isIdentifier(tail) {
            var result: JSONObject = [tail: .null]
            if lastSpace > 0 {
                for (k, v) in parseKeyEqualValue(String(chars[..<lastSpace])) where !result.contains(k) { result[k] = v }
            }
            return result
        }
        var searchEnd = chars.count
        while true {
            guard let eq = chars[..<searchEnd].lastIndex(of: "=") else {
                return ["incorrectly_encoded_metadata": .string(text)]
            }
            searchEnd = eq
            let left = String(chars[..<eq])
            let trimmedLeft = Array(left.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
            let prevSpace = trimmedLeft.lastIndex(of: " ") ?? -1
            let key = String(chars[(prevSpace + 1)..<eq]).trimmingCharacters(in: .whitespacesAndNewlines)
            guard JupytextRules.isValidMetadataKey(key) else { continue }
            guard let value = relaxedJSON(String(chars[(eq + 1)...])) else { continue }
            var metadata = prevSpace > 0 ? parseKeyEqualValue(String(chars[..<prevSpace])) : [:]
            metadata[key] = value
            return metadata
        }
    }

    /// `relax_json_loads`: JSON, else the common Python literals (`True`, `'text'`, …).
    static func relaxedJSON(_ raw: String) -> JSONValue? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let v = try? JSONParser.parse(text) { return v }
        var converted = ""
        var quote: Character? = nil
        var escaped = false
        var word = ""
        func flushWord() {
            switch word {
            case "True": converted += "true"
            case "False": converted += "false"
            case "None": converted += "null"
            default: converted += word
            }
            word = ""
        }
        for c in text {
            if let q = quote {
                if escaped {
                    escaped = false
                    converted.append(c)
                } else if c == "\\" {
                    escaped = true
                    converted.append(c)
                } else if c == q {
                    quote = nil
                    converted.append("\"")
                } else if c == "\"" {
                    converted += "\\\""
                } else {
                    converted.append(c)
                }
                continue
            }
            if c.isLetter {
                word.append(c)
                continue
            }
            flushWord()
            if c == "'" || c == "\"" {
                quote = c
                converted.append("\"")
            } else {
                converted.append(c)
            }
        }
        flushWord()
        return try? JSONParser.parse(converted)
    }

    /// `set_main_and_cell_language`: cells in another language get their `%%language` magic back.
    static func setCellLanguages(_ metadata: inout JSONObject, _ cells: inout [Cell], main: String) {
        if metadata["kernelspec"]?["language"] == nil && !cells.isEmpty {
            var j = metadata["jupytext"]?.objectValue ?? [:]
            j["main_language"] = .string(main)
            metadata["jupytext"] = .object(j)
        }
        for i in cells.indices {
            var m = cells[i].metadata
            guard let language = m["language"]?.stringValue else { continue }
            if language == main {
                m.removeValue(forKey: "language")
                cells[i].metadata = m
                continue
            }
            if JupytextRules.usualLanguageName(language) == main { continue }
            guard JupytextRules.jupyterLanguages.contains(language) else { continue }
            m.removeValue(forKey: "language")
            var magic = "%%" + language
            if let args = m.removeValue(forKey: "magic_args") { magic += " " + (args.stringValue ?? PythonJSON.dumps(args)) }
            cells[i].metadata = m
            cells[i].source = magic + "\n" + cells[i].source
        }
    }

    /// `update_metadata_filters`, for scripts without a `jupyter:` header or with jupytext filters.
    static func updateMetadataFilters(_ metadata: inout JSONObject, jupyterFound: Bool, cells: [Cell]) {
        var keys: [String] = []
        for cell in cells {
            for k in cell.metadata.keys where !keys.contains(k) { keys.append(k) }
        }
        var j = metadata["jupytext"]?.objectValue ?? [:]
        if !jupyterFound {
            j["notebook_metadata_filter"] = "-all"
            if j["cell_metadata_filter"] == nil {
                let entries = keys.filter { !JupytextRules.jupytextCellMetadata.contains($0) } + ["-all"]
                j["cell_metadata_filter"] = .string(entries.joined(separator: ","))
            }
            metadata["jupytext"] = .object(j)
        } else if let filter = j["cell_metadata_filter"]?.stringValue {
            var entries = filter.split(separator: ",").map(String.init)
            entries.removeAll { $0.hasPrefix("-") && $0 != "-all" && keys.contains(String($0.dropFirst())) }
            var additional = entries.filter { !$0.hasPrefix("-") }
            let excluded = entries.filter { $0.hasPrefix("-") }
            for k in keys where !additional.contains(k) { additional.append(k) }
            additional.removeAll { JupytextRules.jupytextCellMetadata.contains($0) }
            j["cell_metadata_filter"] = .string((additional + excluded).joined(separator: ","))
            metadata["jupytext"] = .object(j)
        }
    }
}
