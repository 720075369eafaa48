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

    /// Lays out `cell` at `width` columns, its outputs under `options`.
    static func make(_ cell: NotebookCell, width: Int, language: String, outputs options: NotebookOutputs.Options,
                     styles: StyleSheet, cache: RichOutputCache) -> NotebookBlock {
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
                (outputs, prompts) = NotebookOutputs.layout(cell.cell.outputs, options: options, styles: styles, cache: cache)
            }
        }
        // Spans without a background of their own sit on the window's.
        let base = styles.style("ui.window")
        let onBase = { (line: Line) in
            var out = Line(line.spans.map { Span($0.text, style: base.patched(with: $0.style)) })
            out.picture = line.picture
            return out
        }
        return NotebookBlock(input: input.map(onBase), outputs: outputs.map(onBase), outputPrompts: prompts)
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

/// Laid-out blocks by cell uid, valid for one revision and output layout (width, expansion, …).
final class NotebookLayoutCache {
    private struct Entry {
        var revision: Int
        var options: NotebookOutputs.Options
        var block: NotebookBlock
    }
    private var entries: [Int: Entry] = [:]

    /// The block of `cell` laid out under `options`, laid out when not cached.
    func block(_ cell: NotebookCell, options: NotebookOutputs.Options, make: () -> NotebookBlock) -> NotebookBlock {
        if let e = entries[cell.uid], e.revision == cell.revision, e.options == options { return e.block }
        let block = make()
        entries[cell.uid] = Entry(revision: cell.revision, options: options, block: block)
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
