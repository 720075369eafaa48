internal import CCmarkGFM
import Foundation

/// Parses markdown with libcmark-gfm (tables, strikethrough, autolinks, task lists, footnotes) into
/// `MarkdownBlock` values. Math (`$…$`, `$$…$$`) is taken out before cmark sees it, so `_` and `*`
/// inside formulas are never read as emphasis, and put back as `.math` inlines.
enum MarkdownParser {
    /// cmark-gfm's extension registry is a process global set up by an unguarded call: a Swift
    /// static initialiser runs it exactly once, thread-safely.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static func parse(_ markdown: String) -> [MarkdownBlock] {
        _ = registered
        let extracted = MathExtractor.extract(markdown)
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES) else { return [] }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var source = extracted.text
        source.withUTF8 { buf in
            buf.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let doc = cmark_parser_finish(parser) else { return [] }
        defer { cmark_node_free(doc) }
        let reader = TreeReader(math: extracted.math)
        return reader.blocks(children(of: doc))
    }

    private static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var out: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            out.append(c)
            child = cmark_node_next(c)
        }
        return out
    }

    private struct TreeReader {
        let math: [MathExtractor.Formula]

        func blocks(_ nodes: [OpaquePointer], depth: Int = 0) -> [MarkdownBlock] {
            nodes.compactMap { block($0, depth: depth) }
        }

        func block(_ node: OpaquePointer, depth: Int) -> MarkdownBlock? {
            // Deeply nested input (a thousand `>`) is cut off rather than recursed into.
            guard depth < 64 else { return .paragraph([.text("…")]) }
            let type = cmark_node_get_type(node)
            let typeName = String(cString: cmark_node_get_type_string(node))
            switch type {
            case CMARK_NODE_PARAGRAPH: return .paragraph(inlines(children(of: node)))
            case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(children(of: node)))
            case CMARK_NODE_CODE_BLOCK:
                return .codeBlock(info: string(cmark_node_get_fence_info(node)), code: restoreMath(string(cmark_node_get_literal(node))))
            case CMARK_NODE_HTML_BLOCK: return .html(restoreMath(string(cmark_node_get_literal(node))))
            case CMARK_NODE_THEMATIC_BREAK: return .rule
            case CMARK_NODE_BLOCK_QUOTE: return .quote(blocks(children(of: node), depth: depth + 1))
            case CMARK_NODE_LIST:
                let items = children(of: node).map { item -> MarkdownListItem in
                    let isTask = String(cString: cmark_node_get_type_string(item)) == "tasklist"
                    return MarkdownListItem(checked: isTask ? cmark_gfm_extensions_get_tasklist_item_checked(item) : nil,
                                            blocks: blocks(children(of: item), depth: depth + 1))
                }
                return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                             start: Int(cmark_node_get_list_start(node)),
                             parenDelimiter: cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM,
                             tight: cmark_node_get_list_tight(node) != 0, items: items)
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                return .footnote(label: string(cmark_node_get_literal(node)), blocks(children(of: node), depth: depth + 1))
            default:
                if typeName == "table" { return table(node) }
                let inner = children(of: node)
                return inner.isEmpty ? nil : .paragraph(inlines(inner))
            }
        }

        func table(_ node: OpaquePointer) -> MarkdownBlock {
            let columns = Int(cmark_gfm_extensions_get_table_columns(node))
            var alignments: [ColumnAlignment] = Array(repeating: .left, count: columns)
            if let raw = cmark_gfm_extensions_get_table_alignments(node) {
                for i in 0..<columns {
                    switch raw[i] {
                    case UInt8(ascii: "c"): alignments[i] = .center
                    case UInt8(ascii: "r"): alignments[i] = .right
                    default: alignments[i] = .left
                    }
                }
            }
            var header: [[MarkdownInline]] = []
            var rows: [[[MarkdownInline]]] = []
            for row in children(of: node) {
                let cells = children(of: row).map { inlines(children(of: $0)) }
                if cmark_gfm_extensions_get_table_row_is_header(row) != 0 { header = cells } else { rows.append(cells) }
            }
            return .table(alignments: alignments, header: header, rows: rows)
        }

        func inlines(_ nodes: [OpaquePointer], depth: Int = 0) -> [MarkdownInline] {
            var out: [MarkdownInline] = []
            for node in nodes {
                guard depth < 64 else { out.append(.text("…")); break }
                let type = cmark_node_get_type(node)
                let kids = { inlines(children(of: node), depth: depth + 1) }
                switch type {
                case CMARK_NODE_TEXT: out.append(contentsOf: withMath(string(cmark_node_get_literal(node))))
                case CMARK_NODE_SOFTBREAK: out.append(.softBreak)
                case CMARK_NODE_LINEBREAK: out.append(.lineBreak)
                case CMARK_NODE_CODE: out.append(.code(restoreMath(string(cmark_node_get_literal(node)))))
                case CMARK_NODE_HTML_INLINE: out.append(.html(restoreMath(string(cmark_node_get_literal(node)))))
                case CMARK_NODE_EMPH: out.append(.emphasis(kids()))
                case CMARK_NODE_STRONG: out.append(.strong(kids()))
                case CMARK_NODE_LINK: out.append(.link(url: string(cmark_node_get_url(node)), kids()))
                case CMARK_NODE_IMAGE: out.append(.image(url: string(cmark_node_get_url(node)), alt: kids()))
                case CMARK_NODE_FOOTNOTE_REFERENCE: out.append(.footnoteReference(string(cmark_node_get_literal(node))))
                default:
                    if String(cString: cmark_node_get_type_string(node)) == "strikethrough" {
                        out.append(.strikethrough(kids()))
                    } else {
                        out.append(contentsOf: kids())
                    }
                }
            }
            return out
        }

        /// Text with math placeholders turned back into `.math` inlines.
        func withMath(_ text: String) -> [MarkdownInline] {
            guard text.unicodeScalars.contains(where: { $0 == MathExtractor.inlineMark || $0 == MathExtractor.displayMark }) else {
                return [.text(text)]
            }
            var out: [MarkdownInline] = []
            for piece in MathExtractor.split(text) {
                switch piece {
                case let .text(t): out.append(.text(t))
                case let .formula(i):
                    if i < math.count { out.append(.math(math[i].tex, display: math[i].display)) }
                }
            }
            return out
        }

        /// Placeholders inside code and HTML go back to the source text they replaced.
        func restoreMath(_ text: String) -> String {
            guard text.unicodeScalars.contains(where: { $0 == MathExtractor.inlineMark || $0 == MathExtractor.displayMark }) else {
                return text
            }
            return MathExtractor.split(text).map { piece in
                switch piece {
                case let .text(t): return t
                case let .formula(i): return i < math.count ? math[i].source : ""
                }
            }.joined()
        }

        func string(_ p: UnsafePointer<CChar>?) -> String { p.map { String(cString: $0) } ?? "" }
    }
}
