import EditorCore
import NotebookFormat
import Rendering
import TermCore

/// The drawn form of one cell that is not being edited: its input lines (highlighted code,
/// rendered markdown, raw text, or a collapsed marker) and its output lines, with the rows where
/// output prompts go. Built once per cell revision and width, then reused from `NotebookLayoutCache`.
struct NotebookBlock {
    var input: [Line]
    var outputs: [Line]
    /// Output prompts (`Out[3]:`) by output row.
    var outputPrompts: [Int: String]

    /// Rows the block takes without the separator row (an editing cell's input height replaces
    /// `input.count`).
    func height(inputHeight: Int? = nil) -> Int { (inputHeight ?? input.count) + outputs.count }

    /// Lays out `cell` at `width` columns.
    static func make(_ cell: NotebookCell, width: Int, language: String, maxOutputLines: Int, styles: StyleSheet) -> NotebookBlock {
        let resolver = ClosureStyleResolver { styles.style($0) }
        let source = cell.source
        var input: [Line]
        if cell.inputCollapsed {
            let count = source.isEmpty ? 0 : source.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            input = [Line("⋯ input hidden (\(count) line\(count == 1 ? "" : "s"))", style: styles.style("cell.collapsed"))]
        } else {
            switch cell.cellType {
            case .code:
                input = Highlighter(languageName: language).highlight(sanitized(source)).lines(resolver)
            case .markdown:
                input = source.isEmpty ? [Line("")] : Markdown.render(source, width: max(10, width)).lines(resolver)
                let base = styles.style("cell.markdown")
                input = input.map { Line($0.spans.map { Span($0.text, style: base.patched(with: $0.style)) }) }
            default:
                input = split(sanitized(source)).map { Line($0, style: styles.style("cell.raw")) }
            }
            if input.isEmpty { input = [Line("")] }
        }
        var outputs: [Line] = []
        var prompts: [Int: String] = [:]
        if cell.cellType == .code && !cell.cell.outputs.isEmpty {
            if cell.outputsCollapsed {
                let n = cell.cell.outputs.count
                outputs = [Line("⋯ \(n) output\(n == 1 ? "" : "s") hidden", style: styles.style("cell.collapsed"))]
            } else {
                for output in cell.cell.outputs {
                    if output.outputType == .executeResult { prompts[outputs.count] = "Out[\(output.executionCount.map(String.init) ?? " ")]:" }
                    outputs += outputLines(output, width: width, styles: styles, resolver: resolver)
                }
                if outputs.count > maxOutputLines && maxOutputLines > 0 {
                    let hidden = outputs.count - maxOutputLines
                    outputs.removeLast(hidden)
                    outputs.append(Line("… \(hidden) more output line\(hidden == 1 ? "" : "s")", style: styles.style("output.truncated")))
                }
            }
        }
        // Spans without a background of their own sit on the window's.
        let base = styles.style("ui.window")
        let onBase = { (line: Line) in Line(line.spans.map { Span($0.text, style: base.patched(with: $0.style)) }) }
        return NotebookBlock(input: input.map(onBase), outputs: outputs.map(onBase), outputPrompts: prompts)
    }

    /// The lines of one output as stored.
    static func outputLines(_ output: Output, width: Int, styles: StyleSheet, resolver: some StyleResolver) -> [Line] {
        switch output.outputType {
        case .stream:
            return ansi(output.text ?? "", base: styles.style(output.name == "stderr" ? "output.stderr" : "output.stdout"))
        case .error:
            let text = output.traceback.isEmpty ? "\(output.ename ?? "Error"): \(output.evalue ?? "")" : output.traceback.joined(separator: "\n")
            return ansi(text, base: styles.style("output.error"))
        case .executeResult, .displayData:
            let data = output.data
            if let image = data.keys.sorted().first(where: { $0.hasPrefix("image/") }) {
                return [Line("[\(image) image]", style: styles.style("output.placeholder"))]
            }
            if let markdown = output.text(for: "text/markdown") {
                return Markdown.render(markdown, width: max(10, width)).lines(resolver)
            }
            if let plain = output.text(for: "text/plain") {
                return ansi(plain, base: styles.style("output.result"))
            }
            let kinds = data.keys.sorted().joined(separator: ", ")
            return [Line("[\(kinds.isEmpty ? "empty output" : kinds)]", style: styles.style("output.placeholder"))]
        default:
            return [Line("[unknown output]", style: styles.style("output.placeholder"))]
        }
    }

    /// ANSI text as lines over a base style (the text's own colours win).
    static func ansi(_ text: String, base: Style) -> [Line] {
        var lines = AnsiText.lines(text)
        if lines.count > 1, lines.last?.spans.isEmpty == true, text.hasSuffix("\n") { lines.removeLast() }
        return lines.map { Line($0.spans.map { Span(ReadOnlyText.sanitize($0.text), style: base.patched(with: $0.style)) }) }
    }

    static func split(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Text with tabs expanded and control characters made visible, line by line.
    static func sanitized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }) else { return text }
        return split(text).map(ReadOnlyText.sanitize).joined(separator: "\n")
    }
}

/// Laid-out blocks by cell uid, valid for one revision and width.
final class NotebookLayoutCache {
    private struct Entry {
        var revision: Int
        var width: Int
        var block: NotebookBlock
    }
    private var entries: [Int: Entry] = [:]

    /// The block of `cell` at `width`, laid out when not cached.
    func block(_ cell: NotebookCell, width: Int, make: () -> NotebookBlock) -> NotebookBlock {
        if let e = entries[cell.uid], e.revision == cell.revision, e.width == width { return e.block }
        let block = make()
        entries[cell.uid] = Entry(revision: cell.revision, width: width, block: block)
        return block
    }

    /// Drops every entry (theme change).
    func removeAll() { entries.removeAll() }

    /// Drops entries of cells no longer in `uids` once the cache has grown past `limit`.
    func prune(keeping uids: Set<Int>, limit: Int = 4_096) {
        guard entries.count > limit else { return }
        entries = entries.filter { uids.contains($0.key) }
    }
}
