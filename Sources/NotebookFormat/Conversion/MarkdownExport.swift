/// Exports a notebook as a Markdown document: markdown cells as they are, code cells as fenced code
/// with the notebook's language, text outputs in plain fenced blocks, images and other rich outputs
/// as a short note, raw cells as they are.
public enum MarkdownExport {
    /// The Markdown text of `notebook`.
    public static func markdown(from notebook: Notebook) -> String {
        let language = notebook.language ?? ""
        var blocks: [String] = []
        for cell in notebook.cells {
            switch cell.cellType {
            case .markdown, .raw:
                if !cell.source.isEmpty { blocks.append(trimmed(cell.source)) }
            case .code:
                blocks.append(fenced(cell.source, info: language))
                for output in cell.outputs {
                    if let block = outputBlock(output) { blocks.append(block) }
                }
            case .other(let name):
                blocks.append("<!-- \(name) cell -->\n" + fenced(cell.source, info: ""))
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    static func outputBlock(_ output: Output) -> String? {
        switch output.outputType {
        case .stream:
            guard let text = output.text, !text.isEmpty else { return nil }
            return fenced(stripANSI(text), info: "")
        case .error:
            let text = output.traceback.isEmpty
                ? "\(output.ename ?? ""): \(output.evalue ?? "")" : output.traceback.joined(separator: "\n")
            return fenced(stripANSI(text), info: "")
        case .displayData, .executeResult:
            let data = output.data
            if let md = data["text/markdown"]?.stringValue { return trimmed(md) }
            if let image = ["image/png", "image/jpeg", "image/gif", "image/svg+xml"].first(where: { data.contains($0) }) {
                let alt = data["text/plain"]?.stringValue.map { ": " + oneLine($0) } ?? ""
                return "*[image output (\(image))\(alt)]*"
            }
            if let text = data["text/plain"]?.stringValue { return fenced(stripANSI(text), info: "") }
            if let first = data.keys.first { return "*[\(first) output]*" }
            return nil
        case .other(let name):
            return "*[\(name) output]*"
        }
    }

    /// A fenced block whose fence is longer than any backtick run inside.
    static func fenced(_ text: String, info: String) -> String {
        var longest = 0, run = 0
        for c in text.unicodeScalars {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return "\(fence)\(info)\n\(trimmed(text))\n\(fence)"
    }

    private static func trimmed(_ s: String) -> String {
        var s = s
        while let last = s.unicodeScalars.last, last == "\n" || last == "\r" { s.unicodeScalars.removeLast() }
        return s
    }

    private static func oneLine(_ s: String) -> String {
        String(s.split(whereSeparator: \.isNewline).first ?? "")
    }

    /// Removes ANSI escape sequences (colours in tracebacks and streams).
    static func stripANSI(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var it = s.unicodeScalars.makeIterator()
        while let c = it.next() {
            guard c == "\u{1B}" else {
                out.append(c)
                continue
            }
            guard let next = it.next() else { break }
            if next == "[" {
                while let t = it.next(), !(t.value >= 0x40 && t.value <= 0x7E) {}
            } else if next == "]" {
                while let t = it.next(), t != "\u{07}", t != "\u{1B}" {}
            }
        }
        return String(out)
    }
}
