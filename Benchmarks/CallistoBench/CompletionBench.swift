import EditorCore
import Foundation

/// `callisto-bench completion [words]`: filtering a kernel's completion list as the user types
/// (each keystroke refilters every match: prefix, then fuzzy). With `words`, prints the matches for
/// the reference implementation instead.
enum CompletionBench {
    /// Identifier-like matches, as a module with many names gives (`numpy.` has about 600, `dir()` of
    /// a big namespace several thousand).
    static let words: [String] = {
        let stems = ["get", "set", "array", "as", "load", "save", "read", "to", "from", "is", "has", "make", "reshape", "sum", "mean"]
        let tails = ["", "_item", "_value", "_array", "type", "s", "_like", "_csv", "_json", "_dict", "txt", "_index", "_shape"]
        var out: [String] = []
        var n = 0
        while out.count < 10_000 {
            out.append(stems[n % stems.count] + tails[(n / stems.count) % tails.count] + (n >= stems.count * tails.count ? String(n) : ""))
            n += 1
        }
        return out
    }()

    static let typed = ["g", "ge", "get", "get_", "get_v", "gtv"]

    static func run(_ arguments: [String]) {
        if arguments.first == "words" {
            KeymapBench.emit(["words": words, "typed": typed])
            return
        }
        let reply = CompletionReply(items: words.map { CompletionItem(label: $0) }, start: 0, end: 0)
        let buffers = typed.map { TextBuffer($0) }
        var sink = 0
        let perKey = KeymapBench.median(repeats: 30) {
            var session = CompletionSession(reply: reply, cellUID: 1, requestCursor: 0)
            for b in buffers where session.update(buffer: b, cursor: b.endPosition) { sink &+= session.entries.count }
        } / Double(typed.count)
        KeymapBench.emit(["matches": words.count, "refilter_per_key_us": perKey * 1e6, "sink": sink])
    }
}
