// callisto-bench screen [--width W] [--height H] [--frames N]: times building a full-screen frame
// (tab bar, gutter, styled code lines with some CJK and emoji, a box, a status bar) into a TermCore
// CellBuffer, and diffing it against the previous frame (content scrolled by one line, so most rows
// change). Prints one JSON object: {"schema": "callisto-bench.screen.v1", width, height, frames,
// build_ms, diff_ms, frame_ms (medians), idle_diff_ms (identical frames), changed_cells (median),
// width_ascii_mb_s, width_mixed_mb_s (display-width throughput over the same text)}.
import Foundation
import TermCore

enum ScreenBench {
    static let words = ["let", "value", "=", "compute(", "x,", "y)", "# comment", "return", "for", "i", "in",
                        "range(10):", "print(f\"{i}\")", "日本語", "😀", "naïve", "résumé", "🇫🇷", "data[\"key\"]"]
    static let styles: [Style] = [
        Style(foreground: .rgb(198, 120, 221), attributes: .bold), Style(foreground: .rgb(171, 178, 191)),
        Style(foreground: .rgb(152, 195, 121)), Style(foreground: .rgb(92, 99, 112), attributes: .italic),
        Style(foreground: .rgb(97, 175, 239)), Style(foreground: .indexed(208)),
    ]

    /// The source lines, each a line of styled spans.
    static func lines(count: Int) -> [Line] {
        (0..<count).map { i in
            var spans: [Span] = [Span(String(repeating: " ", count: (i % 4) * 4))]
            for k in 0..<(8 + i % 9) {
                let w = words[(i * 7 + k * 3) % words.count]
                spans.append(Span(w + " ", style: styles[(i + k) % styles.count]))
            }
            return Line(spans)
        }
    }

    static func frame(_ size: Size, lines: [Line], top: Int) -> CellBuffer {
        let background = Style(foreground: .rgb(171, 178, 191), background: .rgb(40, 44, 52))
        var buf = CellBuffer(size: size, fill: .blank(background))
        let rows = buf.bounds.rows([.fixed(1), .fill(1), .fixed(1)])
        buf.fill(rows[0], with: .blank(Style(background: .rgb(33, 37, 43))))
        var x = 0
        for t in 0..<5 {
            let tab = Span(" notebook-\(t).ipynb ", style: t == 1 ? Style(foreground: .rgb(255, 255, 255), attributes: .bold) : Style(foreground: .rgb(120, 120, 120)))
            x = buf.draw(tab, at: Point(x: x, y: 0), clip: rows[0]) + 1
        }
        let inner = buf.drawBox(rows[1].inset(left: 1, right: 1), border: .rounded, style: Style(foreground: .rgb(97, 175, 239)),
                                title: Line("[\(top + 1)] python", style: Style(attributes: .bold)))
        let columns = inner.columns([.fixed(6), .fill(1)])
        for row in 0..<inner.height {
            let n = top + row
            guard n < lines.count else { break }
            buf.draw(String(n + 1).padding(toLength: 5, withPad: " ", startingAt: 0), at: Point(x: columns[0].x, y: inner.y + row),
                     style: Style(foreground: .rgb(92, 99, 112)), clip: columns[0])
            buf.draw(lines[n], at: Point(x: columns[1].x, y: inner.y + row), clip: columns[1])
        }
        buf.fill(rows[2], with: .blank(Style(foreground: .rgb(40, 44, 52), background: .rgb(152, 195, 121))))
        buf.draw(Line(" NORMAL  python3 ● idle  \(top + 1):\(1) ").truncated(to: rows[2].width), at: rows[2].origin)
        return buf
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.isEmpty ? 0 : s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// Display-width throughput in MB/s of UTF-8 (median of 9 passes) over the source lines as plain
    /// text (mixed: some CJK, emoji, flags, accents) and over their ASCII-only form.
    static func widthThroughput(_ source: [Line]) -> (ascii: Double, mixed: Double) {
        let mixed = source.map(\.plainText)
        let ascii = mixed.map { String($0.unicodeScalars.filter(\.isASCII)) }
        func rate(_ texts: [String]) -> Double {
            let bytes = Double(texts.reduce(0) { $0 + $1.utf8.count })
            var passes: [Double] = []
            var sink = 0
            for _ in 0..<9 {
                let t0 = DispatchTime.now().uptimeNanoseconds
                for t in texts { sink &+= t.displayWidth }
                passes.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
            }
            precondition(sink > 0)
            return bytes / 1e6 / median(passes)
        }
        return (rate(ascii), rate(mixed))
    }

    static func run(_ arguments: [String]) -> Int32 {
        var width = 200, height = 60, frames = 300
        var i = 0
        while i + 1 < arguments.count {
            let v = Int(arguments[i + 1]) ?? 0
            switch arguments[i] {
            case "--width": width = max(1, v)
            case "--height": height = max(3, v)
            case "--frames": frames = max(1, v)
            default:
                FileHandle.standardError.write(Data("callisto-bench screen: unknown option \(arguments[i])\n".utf8))
                return 2
            }
            i += 2
        }
        let size = Size(width: width, height: height)
        let source = lines(count: frames + height + 1)
        var previous = frame(size, lines: source, top: 0)
        var build: [Double] = [], diff: [Double] = [], total: [Double] = [], idle: [Double] = [], changed: [Double] = []
        for f in 1...frames {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let next = frame(size, lines: source, top: f)
            let t1 = DispatchTime.now().uptimeNanoseconds
            let d = next.diff(from: previous)
            let t2 = DispatchTime.now().uptimeNanoseconds
            let same = next.diff(from: next)
            let t3 = DispatchTime.now().uptimeNanoseconds
            precondition(same.isEmpty)
            build.append(Double(t1 - t0) / 1e6)
            diff.append(Double(t2 - t1) / 1e6)
            total.append(Double(t2 - t0) / 1e6)
            idle.append(Double(t3 - t2) / 1e6)
            changed.append(Double(d.cellCount))
            previous = next
        }
        let (asciiRate, mixedRate) = widthThroughput(source)
        let fmt = { (x: Double) in String(format: "%.4f", x) }
        print("{\"schema\": \"callisto-bench.screen.v1\", \"width\": \(width), \"height\": \(height), \"frames\": \(frames), "
            + "\"build_ms\": \(fmt(median(build))), \"diff_ms\": \(fmt(median(diff))), \"frame_ms\": \(fmt(median(total))), "
            + "\"idle_diff_ms\": \(fmt(median(idle))), \"changed_cells\": \(Int(median(changed))), "
            + "\"width_ascii_mb_s\": \(fmt(asciiRate)), \"width_mixed_mb_s\": \(fmt(mixedRate))}")
        return 0
    }
}
