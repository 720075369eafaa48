import EditorCore
import Foundation
import NotebookFormat
import Rendering
import TermCore

/// Lays out a cell's stored outputs for the notebook view: each output through `MimeRenderer`
/// (images drawn with chafa, DataFrame tables, LaTeX, JSON, markdown, notes for widgets and
/// plotly), streams and tracebacks with their ANSI colours and nothing else of their escapes.
///
/// An output longer than `maxLines` shows only its tail under a `⋯ N more lines above` marker unless
/// expanded; text outputs are cut before parsing, so the cost is the tail's, not the output's (a
/// stream with a million lines lays out as fast as one with a thousand).
enum NotebookOutputs {
    /// How outputs are laid out; part of the layout cache key.
    struct Options: Hashable {
        /// Columns available.
        var width: Int
        /// Lines of one output shown before it is collapsed to its tail (0: never).
        var maxLines: Int
        /// Whether long outputs are shown whole (up to `expandedLimit` lines).
        var expanded = false
        /// Whether long text lines are wrapped (else cut at the edge, scrolled sideways in output focus).
        var wrap = false
        /// Rows an image may take.
        var imageHeight = 24
        var colors: ImageText.ColorMode = .truecolor
        var symbols: ImageText.Symbols = .blocks
        /// Every line, however many (the pager).
        var unlimited = false

        /// The most lines of one output shown.
        var lineLimit: Int { unlimited ? .max : expanded || maxLines <= 0 ? NotebookOutputs.expandedLimit : maxLines }
    }

    /// The most lines of one output laid out when expanded; the pager shows everything.
    static let expandedLimit = 20_000

    /// The lines of `outputs` with `Out[n]:` prompts by row.
    static func layout(_ outputs: [Output], options: Options, styles: StyleSheet, cache: RichOutputCache) -> (lines: [Line], prompts: [Int: String]) {
        var lines: [Line] = []
        var prompts: [Int: String] = [:]
        let resolver = ClosureStyleResolver { styles.style($0) }
        for output in merged(outputs) {
            if output.outputType == .executeResult { prompts[lines.count] = "Out[\(output.executionCount.map(String.init) ?? " ")]:" }
            lines += self.lines(output, options: options, styles: styles, resolver: resolver, cache: cache)
        }
        return (lines, prompts)
    }

    /// The lines of one output (its tail when long and not expanded).
    static func lines(_ output: Output, options: Options, styles: StyleSheet, resolver: some StyleResolver, cache: RichOutputCache) -> [Line] {
        switch output.outputType {
        case .stream:
            return text(output.text ?? "", base: styles.style(output.name == "stderr" ? "output.stderr" : "output.stdout"),
                        options: options, styles: styles)
        case .error:
            if output.traceback.isEmpty {
                return text("\(output.ename ?? "Error"): \(output.evalue ?? "")", base: styles.style("output.error"), options: options, styles: styles)
            }
            return text(output.traceback.joined(separator: "\n"), base: styles.style("output.traceback"), options: options, styles: styles)
        case .executeResult, .displayData:
            let bundle = self.bundle(output.data)
            if MimeRenderer.choose(bundle) == "text/plain", let plain = bundle["text/plain"] {
                return text(plain, base: styles.style("output.result"), options: options, styles: styles)
            }
            let rendered = cache.lines(bundle, options: options)
            return collapsed(rendered.map { sanitized($0.line(resolver)) }, options: options, styles: styles)
        default:
            return [Line("[output of unknown type \(output.fields["output_type"]?.stringValue ?? "?")]", style: styles.style("output.placeholder"))]
        }
    }

    /// Consecutive streams of the same name joined into one, as JupyterLab shows a notebook's
    /// stored outputs (a progress bar printed chunk by chunk is one line).
    static func merged(_ outputs: [Output]) -> [Output] {
        guard outputs.count > 1 else { return outputs }
        var out: [Output] = []
        out.reserveCapacity(outputs.count)
        for o in outputs {
            if o.outputType == .stream, let last = out.last, last.outputType == .stream, last.name == o.name {
                out[out.count - 1].text = (last.text ?? "") + (o.text ?? "")
            } else {
                out.append(o)
            }
        }
        return out
    }

    /// A mime bundle as strings: text types as their text, JSON types as JSON text.
    static func bundle(_ data: JSONObject) -> [String: String] {
        var out: [String: String] = [:]
        for (key, value) in data {
            out[key] = value.stringValue ?? JSONWriter.string(value)
        }
        return out
    }

    /// Stream, traceback or plain-text lines over a base style (the text's own colours win); only
    /// the tail that is shown is parsed.
    static func text(_ text: String, base: Style, options: Options, styles: StyleSheet) -> [Line] {
        let limit = options.lineLimit
        let (start, hidden) = TextTail.tail(of: text, lines: limit)
        let shown = start == text.utf8.startIndex ? text : String(text[start...])
        var lines = AnsiText.lines(shown)
        if lines.isEmpty { lines = [Line("")] }
        var out: [Line] = []
        out.reserveCapacity(lines.count + 1)
        if hidden > 0 { out.append(marker(hidden, expanded: options.expanded, styles: styles)) }
        for line in lines {
            let styled = Line(line.spans.map { Span(ReadOnlyText.sanitize($0.text), style: base.patched(with: $0.style)) })
            if options.wrap && styled.width > options.width {
                out += styled.wrapped(width: max(1, options.width), mode: .hard)
            } else {
                out.append(styled)
            }
        }
        return out
    }

    /// Every line of `outputs` for the pager, prompts written before results.
    static func pagerLines(_ outputs: [Output], options: Options, styles: StyleSheet, cache: RichOutputCache) -> [Line] {
        var options = options
        options.unlimited = true
        let (lines, prompts) = layout(outputs, options: options, styles: styles, cache: cache)
        var out: [Line] = []
        out.reserveCapacity(lines.count + prompts.count)
        for (i, line) in lines.enumerated() {
            if let p = prompts[i] { out.append(Line(p, style: styles.style("cell.prompt.output"))) }
            out.append(line)
        }
        return out
    }

    /// Rendered lines cut to their tail when long.
    static func collapsed(_ lines: [Line], options: Options, styles: StyleSheet) -> [Line] {
        let limit = options.lineLimit
        guard lines.count > limit else { return lines }
        let hidden = lines.count - limit
        return [marker(hidden, expanded: options.expanded, styles: styles)] + lines.suffix(limit)
    }

    /// The note standing for lines not shown.
    static func marker(_ hidden: Int, expanded: Bool, styles: StyleSheet) -> Line {
        let count = grouped(hidden)
        let text = expanded
            ? "⋯ \(count) more lines above: open the output in a pager (F) to see them all"
            : "⋯ \(count) more lines above (E expands, f scrolls, F opens a pager)"
        return Line(text, style: styles.style("output.truncated"))
    }

    /// `n` with thousands separators, whatever the locale.
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        return String(digits.enumerated().flatMap { i, ch in i > 0 && (digits.count - i) % 3 == 0 ? [",", ch] : [ch] })
    }

    /// A line with control characters made visible.
    static func sanitized(_ line: Line) -> Line {
        var out = Line(line.spans.map { Span(ReadOnlyText.sanitize($0.text), style: $0.style) })
        out.picture = line.picture
        return out
    }

    /// The plain text of outputs, as copied to the clipboard: streams and tracebacks without their
    /// escapes, results as their `text/plain` (else as drawn).
    static func plainText(_ outputs: [Output], width: Int) -> String {
        var parts: [String] = []
        for output in merged(outputs) {
            switch output.outputType {
            case .stream: parts.append(AnsiText.plainText(output.text ?? ""))
            case .error:
                parts.append(output.traceback.isEmpty ? "\(output.ename ?? "Error"): \(output.evalue ?? "")"
                    : AnsiText.plainText(output.traceback.joined(separator: "\n")))
            case .executeResult, .displayData:
                let bundle = self.bundle(output.data)
                if let plain = bundle["text/plain"] { parts.append(AnsiText.plainText(plain)); continue }
                parts.append(MimeRenderer(options: .init(width: width)).render(bundle).plainText)
            default: continue
            }
        }
        return parts.map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }.joined(separator: "\n")
    }
}

/// The last lines of a text without reading the rest: found by scanning back from the end.
enum TextTail {
    /// Where the last `lines` lines of `text` start, and how many lines come before (a trailing
    /// newline does not start a line).
    static func tail(of text: String, lines: Int) -> (start: String.Index, hidden: Int) {
        let utf8 = text.utf8
        guard lines > 0, !utf8.isEmpty else { return (utf8.startIndex, 0) }
        var index = utf8.endIndex
        var found = 0
        if utf8[utf8.index(before: index)] == 0x0A { index = utf8.index(before: index) }
        while index > utf8.startIndex {
            let before = utf8.index(before: index)
            if utf8[before] == 0x0A {
                found += 1
                if found == lines { break }
            }
            index = before
        }
        guard index > utf8.startIndex else { return (utf8.startIndex, 0) }
        return (index, newlines(in: utf8[..<index]))
    }

    /// The number of `\n` bytes in a stretch of UTF-8.
    static func newlines(in bytes: Substring.UTF8View) -> Int {
        var text = Substring(bytes)
        return text.withUTF8 { buf in
            var count = 0
            for b in buf where b == 0x0A { count += 1 }
            return count
        }
    }
}

/// Rendered rich outputs (images, tables, markdown, LaTeX, JSON) by content and layout, so a PNG is
/// decoded and drawn once, not on every frame or every change of its cell.
final class RichOutputCache {
    private struct Key: Hashable {
        var bundle: [String: String]
        var width: Int
        var imageHeight: Int
        var colors: ImageText.ColorMode
        var symbols: ImageText.Symbols
    }
    private var entries: [Key: [RenderedLine]] = [:]
    /// Entries kept before the cache starts over.
    static let limit = 256
    /// Renders done (not found in the cache), for tests.
    private(set) var misses = 0

    /// The rendered lines of `bundle` under `options`.
    func lines(_ bundle: [String: String], options: NotebookOutputs.Options) -> [RenderedLine] {
        let key = Key(bundle: bundle, width: options.width, imageHeight: options.imageHeight, colors: options.colors, symbols: options.symbols)
        if let hit = entries[key] { return hit }
        misses += 1
        let renderer = MimeRenderer(options: .init(width: options.width, maxImageHeight: options.imageHeight,
                                                   imageColors: options.colors, imageSymbols: options.symbols))
        let lines = renderer.render(bundle)
        if entries.count >= Self.limit { entries.removeAll() }
        entries[key] = lines
        return lines
    }

    func removeAll() { entries.removeAll() }
}
