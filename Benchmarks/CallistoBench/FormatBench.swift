// callisto-bench format FILE… [--runs N]: times NotebookFormat reading (bytes → Notebook, what
// nbformat.reads does) and writing (Notebook → nbformat's exact bytes) of each file, in process.
// Prints one JSON object: {"schema": "callisto-bench.format.v1", "files": [{path, bytes, cells,
// read_ms, write_ms (wall), read_cpu_ms, write_cpu_ms (thread CPU time), identical}]}.
import Foundation
import NotebookFormat

enum FormatBench {
    /// CPU time of the calling thread in milliseconds (robust against other load on the machine).
    static func threadCPU() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) * 1e3 + Double(ts.tv_nsec) / 1e6
    }

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
            var readMs: [Double] = [], writeMs: [Double] = [], readCPU: [Double] = [], writeCPU: [Double] = []
            var identical = false
            var cells = 0
            for _ in 0..<runs {
                let c0 = threadCPU()
                let t0 = DispatchTime.now().uptimeNanoseconds
                guard let notebook = try? Notebook(data: data) else {
                    FileHandle.standardError.write(Data("callisto-bench format: \(path) is not a notebook\n".utf8))
                    return 1
                }
                let t1 = DispatchTime.now().uptimeNanoseconds
                let c1 = threadCPU()
                let out = notebook.serialized()
                let t2 = DispatchTime.now().uptimeNanoseconds
                let c2 = threadCPU()
                readCPU.append(c1 - c0)
                writeCPU.append(c2 - c1)
                readMs.append(Double(t1 - t0) / 1e6)
                writeMs.append(Double(t2 - t1) / 1e6)
                identical = out == data
                cells = notebook.cells.count
            }
            let list = { (xs: [Double]) in xs.map { String(format: "%.3f", $0) }.joined(separator: ", ") }
            let (r, w, rc, wc) = (list(readMs), list(writeMs), list(readCPU), list(writeCPU))
            let quoted = JSONWriter.string(.string(path))
            files.append("{\"path\": \(quoted), \"bytes\": \(data.count), \"cells\": \(cells), "
                + "\"read_ms\": [\(r)], \"write_ms\": [\(w)], \"read_cpu_ms\": [\(rc)], \"write_cpu_ms\": [\(wc)], "
                + "\"identical\": \(identical)}")
        }
        print("{\"schema\": \"callisto-bench.format.v1\", \"files\": [\(files.joined(separator: ", "))]}")
        return 0
    }
}
