// callisto-bench format FILE… [--runs N]: times NotebookFormat reading (bytes → Notebook, what
// nbformat.reads does) and writing (Notebook → nbformat's exact bytes) of each file, in process.
// Prints one JSON object: {"schema": "callisto-bench.format.v1", "files": [{path, bytes, cells,
// read_ms: [...], write_ms: [...], identical}]}.
import Foundation
import NotebookFormat

enum FormatBench {
    static func run(_ arguments: [String]) -> Int32 {
        var runs = 9
        var paths: [String] = []
        var i = 0
        while i < arguments.count {
            if arguments[i] == "--runs", i + 1 < arguments.count {
                runs = max(1, Int(arguments[i + 1]) ?? runs)
                i += 2
            } else {
                paths.append(arguments[i])
                i += 1
            }
        }
        var files: [String] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("callisto-bench format: cannot read \(path)\n".utf8))
                return 1
            }
            var readMs: [Double] = [], writeMs: [Double] = []
            var identical = false
            var cells = 0
            for _ in 0..<runs {
                let t0 = DispatchTime.now().uptimeNanoseconds
                guard let notebook = try? Notebook(data: data) else {
                    FileHandle.standardError.write(Data("callisto-bench format: \(path) is not a notebook\n".utf8))
                    return 1
                }
                let t1 = DispatchTime.now().uptimeNanoseconds
                let out = notebook.serialized()
                let t2 = DispatchTime.now().uptimeNanoseconds
                readMs.append(Double(t1 - t0) / 1e6)
                writeMs.append(Double(t2 - t1) / 1e6)
                identical = out == data
                cells = notebook.cells.count
            }
            let r = readMs.map { String(format: "%.3f", $0) }.joined(separator: ", ")
            let w = writeMs.map { String(format: "%.3f", $0) }.joined(separator: ", ")
            let quoted = JSONWriter.string(.string(path))
            files.append("{\"path\": \(quoted), \"bytes\": \(data.count), \"cells\": \(cells), "
                + "\"read_ms\": [\(r)], \"write_ms\": [\(w)], \"identical\": \(identical)}")
        }
        print("{\"schema\": \"callisto-bench.format.v1\", \"files\": [\(files.joined(separator: ", "))]}")
        return 0
    }
}
