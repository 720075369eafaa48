import EditorCore
import Foundation

/// `callisto-bench files DIR [--repeat N]`: the file browser's time to list DIR (names and types,
/// sorted folders first) and to filter the listing by a few patterns, in seconds per run, as JSON.
enum FilesBench {
    static func run(_ args: [String]) -> Int32 {
        guard let dir = args.first else {
            FileHandle.standardError.write(Data("usage: callisto-bench files DIR [--repeat N]\n".utf8))
            return 2
        }
        let repeatCount = args.firstIndex(of: "--repeat").flatMap { Int(args[safe: $0 + 1] ?? "") } ?? 5
        var list: [Double] = []
        var filter: [Double] = []
        var count = 0
        for _ in 0..<repeatCount {
            let t0 = ContinuousClock.now
            var model = FileBrowserModel(folder: dir)
            list.append(seconds(since: t0))
            count = model.entries.count
            let t1 = ContinuousClock.now
            for pattern in ["9", "99", "999", "12345", ""] { model.setFilter(pattern) }
            filter.append(seconds(since: t1) / 5)
        }
        let json = "{\"entries\": \(count), \"list\": \(list), \"filter\": \(filter)}"
        print(json)
        return 0
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = start.duration(to: .now)
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
