import NotebookFormat

/// A notebook as read-only lines: each cell's source under an `[n]:` prompt and its text outputs,
/// with theme scopes for prompts, markdown headings and output streams.
public enum NotebookText {
    /// The width of the prompt column.
    static let gutter = 8

    public static func lines(_ notebook: Notebook) -> [[ScopedSpan]] {
        var out: [[ScopedSpan]] = []
        for cell in notebook.cells {
            switch cell.cellType {
            case .code:
                let count = cell.executionCount.map(String.init) ?? " "
                source(cell.source, prompt: "[\(count)]:", scope: "cell", into: &out)
                for output in cell.outputs { outputLines(output, into: &out) }
            case .markdown:
                for line in split(cell.source) {
                    let level = line.prefix(while: { $0 == "#" }).count
                    let scope = (1...6).contains(level) && line.dropFirst(level).first == " " ? "markup.heading.\(level)" : "cell.markdown"
                    out.append([pad(""), ScopedSpan(line, scope)])
                }
            default:
                source(cell.source, prompt: "", scope: "cell.raw", into: &out)
            }
            out.append([])
        }
        if notebook.cells.isEmpty { out.append([ScopedSpan("  (an empty notebook)", "ui.text.dim")]) }
        return out
    }

    private static func pad(_ prompt: String, _ scope: String = "cell.prompt") -> ScopedSpan {
        ScopedSpan(prompt + String(repeating: " ", count: max(1, gutter - prompt.count)), scope)
    }

    private static func split(_ text: String) -> [String] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { ReadOnlyText.sanitize(String($0)) }
        if lines.last == "" && lines.count > 1 { lines.removeLast() }
        return lines
    }

    private static func source(_ text: String, prompt: String, scope: String, into out: inout [[ScopedSpan]]) {
        for (i, line) in split(text).enumerated() {
            out.append([pad(i == 0 ? prompt : ""), ScopedSpan(line, scope)])
        }
    }

    private static func outputLines(_ output: Output, into out: inout [[ScopedSpan]]) {
        var prompt = ""
        let text: String
        let scope: String
        switch output.outputType {
        case .stream:
            text = output.text ?? ""
            scope = output.name == "stderr" ? "output.stderr" : "output.stdout"
        case .executeResult, .displayData:
            if output.outputType == .executeResult { prompt = "Out[\(output.executionCount.map(String.init) ?? " ")]:" }
            if let plain = output.text(for: "text/plain") {
                text = plain
                scope = "output.result"
            } else {
                let kinds = output.data.keys.sorted().joined(separator: ", ")
                text = "[\(kinds.isEmpty ? "empty output" : kinds)]"
                scope = "output.placeholder"
            }
        case .error:
            text = ([ "\(output.ename ?? "Error"): \(output.evalue ?? "")" ] + output.traceback.map(stripEscapes)).joined(separator: "\n")
            scope = "output.error"
        default:
            text = "[unknown output]"
            scope = "output.placeholder"
        }
        for (i, line) in split(text).enumerated() {
            out.append([pad(i == 0 ? prompt : "", "cell.prompt.output"), ScopedSpan(line, scope)])
        }
    }

    /// Text without ANSI escape sequences (tracebacks carry colours).
    static func stripEscapes(_ text: String) -> String {
        var out = ""
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(scalar.value) && scalar != "[" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" { inEscape = true; continue }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
