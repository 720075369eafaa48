import Foundation
import Testing
import TermCore

/// Screen snapshots: a `CellBuffer` as text compared with a golden file.
///
/// Goldens live in `Tests/<Target>/__Snapshots__/<name>.txt` beside the calling test file's target.
/// Each row is written between `|` delimiters; with `styled: true` the non-plain style runs of a row
/// follow it as indented `from-to style` lines. Set `CALLISTO_RECORD_SNAPSHOTS=1` to (re)write the
/// goldens; a missing golden is written and reported as a failure so that it gets reviewed.
public enum Snapshot {
    /// Whether goldens are being recorded.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["CALLISTO_RECORD_SNAPSHOTS"] == "1" }

    /// The text a buffer is compared as.
    public static func render(_ buffer: CellBuffer, styled: Bool) -> String {
        (styled ? buffer.styledSnapshot : buffer.textSnapshot) + "\n"
    }

    /// The golden file for `name` next to the test file at `filePath`.
    public static func goldenURL(named name: String, filePath: String) -> URL {
        var dir = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while dir.path != "/" && dir.deletingLastPathComponent().lastPathComponent != "Tests" {
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent("__Snapshots__").appendingPathComponent(name + ".txt")
    }

    /// A readable row diff of two snapshots: only differing lines, expected (`-`) above actual (`+`).
    public static func rowDiff(expected: String, actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(e.count, a.count) {
            let l = i < e.count ? String(e[i]) : "<none>"
            let r = i < a.count ? String(a[i]) : "<none>"
            if l != r { out.append("line \(i + 1):\n- \(l)\n+ \(r)") }
        }
        return out.joined(separator: "\n")
    }

    /// Compares `buffer` with the golden `name`; records an issue with a row diff on mismatch.
    public static func assert(_ buffer: CellBuffer, named name: String, styled: Bool = false,
                              filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = render(buffer, styled: styled)
        let url = goldenURL(named: name, filePath: filePath)
        let existing = try? String(contentsOf: url, encoding: .utf8)
        if isRecording || existing == nil {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("cannot write snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
                return
            }
            if existing == nil && !isRecording {
                Issue.record("recorded new snapshot \(url.lastPathComponent); review it and run again", sourceLocation: sourceLocation)
            }
            return
        }
        if existing != actual {
            Issue.record("snapshot \(name) differs:\n\(rowDiff(expected: existing!, actual: actual))\n(re-record with CALLISTO_RECORD_SNAPSHOTS=1)",
                         sourceLocation: sourceLocation)
        }
    }
}
