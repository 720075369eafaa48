import EditorCore
import EditorUI
import Foundation
import JupyterClient
import NotebookFormat
import TermCore

/// `callisto-bench outputs`: outputs in process. A 1,000,000-line stream through `OutputArea` in
/// 1,000-line chunks, unbounded (as `callisto run` keeps it) and bounded to 64 MiB and 4 MiB (as the
/// editor keeps it): time and bytes kept. Then the notebook view at 120×40 on a cell holding a
/// 1,000,000-line stream: the first frame, and `j`/`k` frames (the tail is laid out, not the lines).
enum OutputsBench {
    static func run(_ arguments: [String]) {
        var result: [String: Any] = [:]
        for (name, limit) in [("unbounded", nil), ("limit_64mb", 64 << 20), ("limit_4mb", 4 << 20)] as [(String, Int?)] {
            let start = DispatchTime.now().uptimeNanoseconds
            var area = OutputArea(memoryLimit: limit)
            var chunk = ""
            for i in 0..<1_000_000 {
                chunk += "flood line \(i)\n"
                if i % 1000 == 999 { area.add(.stream("stdout", chunk)); chunk = "" }
            }
            result["stream_\(name)_ms"] = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            result["stream_\(name)_kept_mb"] = Double(area.approximateBytes) / 1_048_576
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("callisto-bench-outputs-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = (0..<1_000_000).map { "flood line \($0)\n" }.joined()
        var flood = Cell(.code, source: "for i in range(1_000_000): print(i)", id: "flood")
        flood.outputs = [.stream(name: "stdout", text: text)]
        let notebook = Notebook(cells: [flood, Cell(.code, source: "x = 1", id: "next")])
        let path = dir.appendingPathComponent("flood.ipynb").path
        try? NotebookFile.save(notebook, to: path)
        let size = Size(width: 120, height: 40)
        let settings = EditorSettings.load(configuration: Configuration.parse(text: "", file: "config.toml").0,
                                           locator: ResourceLocator(userDirectory: nil, installedDirectory: nil))
        var buffer = CellBuffer(size: size)
        let app = WorkspaceApp(settings: settings, size: size)
        let start = DispatchTime.now().uptimeNanoseconds
        app.openFiles([path])
        app.render(into: &buffer)
        result["view_first_frame_ms"] = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let keys = (0..<100).map { Key(.char($0 % 2 == 0 ? "j" : "k")) }
        result["view_key_frame_us"] = NotebookBench.stats(NotebookBench.timings(app, &buffer, keys: keys))
        let data = (try? JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])) ?? Data("{}".utf8)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}
