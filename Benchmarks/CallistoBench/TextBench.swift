// `callisto-bench text [--lines N] [--keys N]`: the text editing engine in process. Typing into a
// large buffer (each keystroke through the default editing style, then the 80×40 view scrolled and
// rendered), moving through it, and undoing one large burst. Prints JSON with medians in microseconds
// of thread CPU time.
import EditorCore
import EditorUI
import Foundation
import TermCore

enum TextBench {
    /// CPU time of this thread spent in `body`: steady on a shared machine, where wall time also
    /// counts other processes' turns.
    static func microseconds(_ body: () -> Void) -> Double {
        func now() -> Double {
            var t = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
            return Double(t.tv_sec) * 1e6 + Double(t.tv_nsec) / 1e3
        }
        let start = now()
        body()
        return now() - start
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let s = values.sorted()
        return s[min(s.count - 1, Int(Double(s.count - 1) * p))]
    }

    /// A Python-looking text of `lines` lines.
    static func sampleText(lines: Int) -> String {
        (0..<lines).map { i in
            switch i % 4 {
            case 0: return "def function_\(i)(argument, other=None):"
            case 1: return "    value = compute(argument) + \(i)  # comment"
            case 2: return "    return value * 2"
            default: return ""
            }
        }.joined(separator: "\n")
    }

    static func run(_ args: [String]) {
        var lines = 10_000, keys = 10_000
        var i = 0
        while i < args.count {
            if args[i] == "--lines", i + 1 < args.count { lines = Int(args[i + 1]) ?? lines; i += 1 }
            if args[i] == "--keys", i + 1 < args.count { keys = Int(args[i + 1]) ?? keys; i += 1 }
            i += 1
        }
        let size = Size(width: 80, height: 40)
        let scope: (String) -> Style = { name in name == "ui.selection" ? Style(attributes: .reverse) : .plain }
        let text = sampleText(lines: lines)
        var loadTimes: [Double] = []
        for _ in 0..<5 { loadTimes.append(microseconds { _ = TextBuffer(text) }) }

        // Typing: letters, spaces, brackets and a line break every 60 keys, in the middle of the text.
        var state = TextEditorState(text: text)
        state.setCursor(TextPosition(line: lines / 2, column: 0))
        var style = KeymapEditingStyle(flavour: .standard, trie: KeyTrie([
            KeyBinding(keys: [Key(.enter)], command: "editor:newline"),
            KeyBinding(keys: [Key(.backspace)], command: "editor:delete-backward"),
            KeyBinding(keys: [Key(.down)], command: "editor:cursor-down"),
            KeyBinding(keys: [Key(.right)], command: "editor:cursor-right"),
            KeyBinding(keys: [Key(.char("f"), .ctrl)], command: "editor:cursor-word-right"),
            KeyBinding(keys: [Key(.pageDown)], command: "editor:cursor-page-down"),
        ]))
        var view = TextEditorView(options: .init(lineNumbers: true, softWrap: true))
        var screen = CellBuffer(size: size)
        let pattern = Array("x = foo(bar, [1, 2]) + 'baz' ")
        var typing: [Double] = [], editOnly: [Double] = []
        for k in 0..<keys {
            let key: Key = k % 60 == 59 ? Key(.enter) : Key(.char(pattern[k % pattern.count].unicodeScalars.first!))
            let env = TextEditorEnvironment(now: Double(k) * 0.05, viewportHeight: size.height)
            var edit = 0.0
            typing.append(microseconds {
                edit = microseconds { _ = style.handle(key, state: &state, env: env) }
                view.scrollToCursor(state, size: size)
                view.render(state, into: &screen, rect: screen.bounds, scope: scope)
            })
            editOnly.append(edit)
        }

        // Moving: down, right, word right and page down, each with a render.
        var moving: [Double] = []
        state.setCursor(.zero)
        let moves = [Key(.down), Key(.right), Key(.char("f"), .ctrl), Key(.down), Key(.pageDown)]
        for k in 0..<keys {
            let env = TextEditorEnvironment(now: 0, viewportHeight: size.height)
            moving.append(microseconds {
                _ = style.handle(moves[k % moves.count], state: &state, env: env)
                view.scrollToCursor(state, size: size)
                view.render(state, into: &screen, rect: screen.bounds, scope: scope)
            })
        }

        // Undo of one burst of `keys` characters typed without a pause.
        var undo: [Double] = []
        for _ in 0..<5 {
            var s = TextEditorState(text: text)
            s.setCursor(TextPosition(line: lines / 2, column: 0))
            for k in 0..<keys { s.type(String(pattern[k % pattern.count]), now: 0) }
            undo.append(microseconds { s.undo() })
        }

        let result: [String: Any] = [
            "lines": lines, "keys": keys,
            "load_us_median": median(loadTimes),
            "keystroke_us_median": median(typing), "keystroke_us_p95": percentile(typing, 0.95),
            "keystroke_edit_only_us_median": median(editOnly),
            "move_us_median": median(moving), "move_us_p95": percentile(moving, 0.95),
            "undo_burst_us_median": median(undo),
        ]
        let data = try! JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}
