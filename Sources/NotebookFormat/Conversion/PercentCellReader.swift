import Foundation

extension PercentScriptReader {
    private static let startCode = try! NSRegularExpression(pattern: #"^\s*#\s*%%(%*)\s(.*)$"#)
    private static let alternativeStart = try! NSRegularExpression(pattern: #"^\s*#\s*(%%|<codecell>|In\[[0-9 ]*\]:?)\s*$"#)
    private static let codeFence = try! NSRegularExpression(pattern: #"^ {0,3}(`{3,}|~{3,})(.*)$"#)
    private static let escapedCodeStart = try! NSRegularExpression(pattern: #"^(# |#)*(#|# )\+"#)

    private static func isMarker(_ line: String) -> Bool {
        PythonMagics.matches(startCode, line) || PythonMagics.matches(alternativeStart, line)
    }

    /// One cell starting at `lines[0]`: the cell, where the next one starts, whether its options were JSON.
    static func readCell(_ lines: [String], defaultLanguage: String) -> (Cell, Int, Bool) {
        var metadata = JSONObject()
        var isJSON = false
        if PythonMagics.matches(startCode, lines[0]) {
            let line = JupytextRules.uncomment([lines[0]])[0]
            let options = line.range(of: "%%").map { String(line[$0.upperBound...]) } ?? ""
            isJSON = isJSONMetadata(options)
            metadata = optionsToMetadata(options)
        }
        let language = metadata.removeValue(forKey: "language")?.stringValue

        // find_cell_end
        var cellType = "code"
        var comment = "#"
        if let t = metadata.removeValue(forKey: "cell_type") {
            cellType = t.stringValue ?? "code"
        } else if !JupytextRules.isActive(metadata, ext: "ipynb") {
            if metadata["active"] == .string("") { metadata.removeValue(forKey: "active") }
            cellType = "raw"
            if JupytextRules.isActive(metadata) { comment = "" }
        }
        var nextCell = lines.count
        var parser = PythonStringParser()
        var fence: (Character, Int)? = nil
        for (i, line) in lines.enumerated() {
            if parser.isQuoted {
                parser.read(line)
                continue
            }
            parser.read(line)
            if cellType == "markdown" || cellType == "raw" {
                let text = JupytextRules.uncomment([line], prefix: comment)[0]
                if let f = fence {
                    if closesFence(text, f) { fence = nil }
                    continue
                }
                if let opening = openingFence(text),
                   lines[(i + 1)...].contains(where: { closesFence(JupytextRules.uncomment([$0], prefix: comment)[0], opening) }) {
                    fence = opening
                    continue
                }
            }
            if i > 0 && isMarker(line) {
                nextCell = i
                break
            }
        }
        var cellEnd = nextCell
        if lastTwoLinesBlank(Array(lines[..<nextCell])) {
            cellEnd = nextCell - 2
        } else if nextCell > 0 && lines[nextCell - 1].isEmpty {
            cellEnd = nextCell - 1
        }

        // find_cell_content
        let cellStart = isMarker(lines[0]) ? 1 : 0
        let source = cellStart <= cellEnd ? Array(lines[cellStart..<cellEnd]) : []
        let content = extractContent(source, cellType: cellType, comment: comment, language: language,
                                     defaultLanguage: defaultLanguage, metadata: &metadata)
        var linesToNext = 1
        if cellEnd < lines.count {
            linesToNext = nextCell - cellEnd
            if nextCell >= lines.count { linesToNext += 1 }
        }
        let expected = PEP8Spacing.linesBetween(source.isEmpty ? [""] : source, Array(lines[nextCell...]))
        if linesToNext != expected { metadata["lines_to_next_cell"] = .int(linesToNext) }
        if let language { metadata["language"] = .string(language) }
        let type = CellType(rawValue: cellType == "code" || cellType == "markdown" ? cellType : "raw")
        return (Cell(type, source: content.joined(separator: "\n"), metadata: metadata), nextCell, isJSON)
    }

    private static func extractContent(_ lines: [String], cellType: String, comment: String, language: String?,
                                       defaultLanguage: String, metadata: inout JSONObject) -> [String] {
        if !JupytextRules.isActive(metadata, default: cellType == "code") {
            let content = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            for prefix in ["", "r", "R"] {
                for quote in ["\"\"\"", "'''"] {
                    var left = prefix + quote
                    var right = quote
                    guard content.hasPrefix(left), content.hasSuffix(right), content.count >= left.count + right.count else {
                        continue
                    }
                    var inner = String(content.dropFirst(left.count).dropLast(right.count))
                    if inner.unicodeScalars.first == "\n" {
                        inner.unicodeScalars.removeFirst()
                        left += "\n"
                    }
                    if inner.unicodeScalars.last == "\n" {
                        inner.unicodeScalars.removeLast()
                        right = "\n" + right
                    }
                    if prefix.isEmpty {
                        if left.count == 4 && right.count == 4 { metadata["cell_marker"] = .string(String(left.prefix(3))) }
                    } else if left.count - 1 == 4 && right.count == 4 {
                        metadata["cell_marker"] = .string(String(left.prefix(4)))
                    } else {
                        metadata["cell_marker"] = .string(left + "," + right)
                    }
                    return JupytextRules.splitLines(inner)
                }
            }
        }
        if !JupytextRules.isActive(metadata)
            || (!metadata.contains("active") && language != nil && language != defaultLanguage) {
            return JupytextRules.uncomment(lines, prefix: comment)
        }
        var out = lines
        if JupytextRules.isActive(metadata) {
            if JupytextRules.usualLanguageName(language ?? defaultLanguage) == "python" { out = PythonMagics.uncomment(out) }
        } else {
            out = JupytextRules.uncomment(out)
        }
        if cellType == "code" {
            var parser = PythonStringParser()
            for (i, line) in out.enumerated() {
                if !parser.isQuoted && PythonMagics.matches(escapedCodeStart, line) {
                    let unescaped = PythonMagics.unescape(line)
                    if PythonMagics.matches(escapedCodeStart, unescaped) { out[i] = unescaped }
                }
                parser.read(line)
            }
            return out
        }
        return JupytextRules.uncomment(out, prefix: "#")
    }

    private static func lastTwoLinesBlank(_ s: [String]) -> Bool {
        s.count >= 3 && !JupytextRules.isBlank(s[s.count - 3]) && JupytextRules.isBlank(s[s.count - 2])
            && JupytextRules.isBlank(s[s.count - 1])
    }

    private static func fenceParts(_ text: String) -> (String, String)? {
        guard let m = codeFence.firstMatch(in: text, options: [.anchored], range: NSRange(text.startIndex..., in: text)),
              let r1 = Range(m.range(at: 1), in: text), let r2 = Range(m.range(at: 2), in: text) else { return nil }
        return (String(text[r1]), String(text[r2]))
    }

    private static func openingFence(_ text: String) -> (Character, Int)? {
        guard let (fence, info) = fenceParts(text) else { return nil }
        if fence.first == "`" && info.contains("`") { return nil }
        return (fence.first!, fence.count)
    }

    private static func closesFence(_ text: String, _ fence: (Character, Int)) -> Bool {
        guard let (f, info) = fenceParts(text) else { return false }
        return f.first == fence.0 && f.count >= fence.1 && JupytextRules.isBlank(info)
    }

    private static func isJSONMetadata(_ text: String) -> Bool {
        guard let brace = text.firstIndex(of: "{") else { return false }
        guard let equal = text.firstIndex(of: "=") else { return true }
        return brace < equal
    }
}
