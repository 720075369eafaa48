import EditorCore
import EditorUI
import Foundation
import NotebookFormat
import TermCore

/// `callisto-bench notebook PATH`: the notebook editor in process, at 120×40 — opening PATH to the
/// first frame, `j` (next cell) with its frame, typing into a cell, page down, resident memory
/// after load; and typing into a 10,000-line cell.
enum NotebookBench {
    static func run(_ arguments: [String]) {
        guard let path = arguments.first else {
            FileHandle.standardError.write(Data("usage: callisto-bench notebook PATH\n".utf8))
            exit(2)
        }
        let size = Size(width: 120, height: 40)
        let settings = EditorSettings.load(configuration: Configuration.parse(text: "", file: "config.toml").0,
                                           locator: ResourceLocator(userDirectory: nil, installedDirectory: nil))
        var buffer = CellBuffer(size: size)
        let rssBefore = residentMB()
        let start = DispatchTime.now().uptimeNanoseconds
        let app = WorkspaceApp(settings: settings, size: size)
        app.openFiles([path])
        app.render(into: &buffer)
        let firstFrame = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let rssAfter = residentMB()
        let j = timings(app, &buffer, keys: Array(repeating: Key(.char("j")), count: 300))
        let pageDown = timings(app, &buffer, keys: Array(repeating: Key(.pageDown), count: 50))
        _ = timings(app, &buffer, keys: [Key(.enter)])
        let typing = timings(app, &buffer, keys: typed("value = 42 + 1"))
        let bigCell = bigCellTyping(settings: settings, size: size)
        let fileMB = Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1_048_576
        let result: [String: Any] = [
            "file_mb": fileMB,
            "cells": (app.workspace.focusedContent as? NotebookView)?.model.cells.count ?? 0,
            "first_frame_ms": firstFrame,
            "rss_after_load_mb": rssAfter,
            "rss_growth_mb": rssAfter - rssBefore,
            "key_j_us": stats(j),
            "page_down_us": stats(pageDown),
            "typing_us": stats(typing),
            "big_cell_typing_us": stats(bigCell),
        ]
        let data = (try? JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])) ?? Data("{}".utf8)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    /// Each key handled and its frame drawn, in microseconds.
    static func timings(_ app: WorkspaceApp, _ buffer: inout CellBuffer, keys: [Key]) -> [Double] {
        keys.map { key in
            let t = DispatchTime.now().uptimeNanoseconds
            app.handle(.key(key), now: .now)
            app.render(into: &buffer)
            return Double(DispatchTime.now().uptimeNanoseconds - t) / 1e3
        }
    }

    /// Typing in the middle of a 10,000-line code cell.
    static func bigCellTyping(settings: EditorSettings, size: Size) -> [Double] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("callisto-bench-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("big-cell.ipynb").path
        var nb = Notebook()
        let source = (0..<10_000).map { "total_\($0) = sum(range(\($0)))  # line \($0)" }.joined(separator: "\n")
        nb.cells = [nb.makeCell(.markdown, source: "# Big"), nb.makeCell(.code, source: source)]
        try? NotebookFile.save(nb, to: path)
        let app = WorkspaceApp(settings: settings, size: size)
        app.openFiles([path])
        var buffer = CellBuffer(size: size)
        app.render(into: &buffer)
        _ = timings(app, &buffer, keys: [Key(.char("j")), Key(.enter)] + Array(repeating: Key(.pageDown), count: 120))
        return timings(app, &buffer, keys: typed("x = 1") + Array(repeating: Key(.down), count: 20))
    }

    /// The keys that type `text`.
    static func typed(_ text: String) -> [Key] {
        text.unicodeScalars.map { $0 == " " ? Key(.space) : Key(.char($0)) }
    }

    static func stats(_ values: [Double]) -> [String: Double] {
        let s = values.sorted()
        guard !s.isEmpty else { return [:] }
        func q(_ p: Double) -> Double { s[min(s.count - 1, Int(Double(s.count - 1) * p))] }
        return ["median": q(0.5), "p99": q(0.99), "max": s.last!, "n": Double(s.count)]
    }

    /// Resident memory in MB (`VmRSS`).
    static func residentMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }
}
