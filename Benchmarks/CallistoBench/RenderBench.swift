// callisto-bench render KIND FILE [--runs N] [--width W]: times Rendering in process on one file.
// KIND is `ansi` (AnsiText.lines of the bytes), `markdown` (Markdown.render at the width) or
// `highlight` (Highlighter python over every line). Prints one JSON object:
// {"schema": "callisto-bench.render.v1", "kind", "bytes", "lines" (output lines), "ms": [wall per run],
//  "cpu_ms": [thread CPU per run]}.
import Foundation
import Rendering

enum RenderBench {
    static func threadCPU() -> Double { FormatBench.threadCPU() }

    static func run(_ arguments: [String]) -> Int32 {
        var runs = 7, width = 100
        var positional: [String] = []
        var i = 0
        while i < arguments.count {
            switch arguments[i] {
            case "--runs" where i + 1 < arguments.count: runs = max(1, Int(arguments[i + 1]) ?? runs); i += 2
            case "--width" where i + 1 < arguments.count: width = max(10, Int(arguments[i + 1]) ?? width); i += 2
            default: positional.append(arguments[i]); i += 1
            }
        }
        guard positional.count == 2, let data = FileManager.default.contents(atPath: positional[1]) else {
            FileHandle.standardError.write(Data("usage: callisto-bench render ansi|markdown|highlight FILE [--runs N] [--width W]\n".utf8))
            return 2
        }
        let kind = positional[0]
        let text = String(decoding: data, as: UTF8.self)
        let work: () -> Int
        switch kind {
        case "ansi": work = { AnsiText.lines(bytes: data).count }
        case "markdown": work = { Markdown.render(text, width: width).count }
        case "highlight": work = { Highlighter(language: .python).highlight(text).count }
        default:
            FileHandle.standardError.write(Data("callisto-bench render: unknown kind \(kind)\n".utf8))
            return 2
        }
        var wall: [Double] = [], cpu: [Double] = []
        var lines = 0
        for _ in 0..<runs {
            let c0 = threadCPU()
            let t0 = DispatchTime.now().uptimeNanoseconds
            lines = work()
            wall.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
            cpu.append(threadCPU() - c0)
        }
        let list = { (xs: [Double]) in xs.map { String(format: "%.3f", $0) }.joined(separator: ", ") }
        print("{\"schema\": \"callisto-bench.render.v1\", \"kind\": \"\(kind)\", \"bytes\": \(data.count), "
              + "\"lines\": \(lines), \"ms\": [\(list(wall))], \"cpu_ms\": [\(list(cpu))]}")
        return 0
    }
}
