import Foundation

/// `cell i of N, elapsed` on stderr while `callisto run` works, only when stderr is a terminal.
struct RunProgress {
    let enabled: Bool
    let total: Int
    private var lastDraw = Date.distantPast
    private let start = Date()
    private var cellStart = Date()
    private var current = 0

    init(total: Int, enabled: Bool = isatty(2) != 0) {
        self.total = total
        self.enabled = enabled
    }

    /// A new cell begins.
    mutating func begin(cell: Int) {
        current = cell
        cellStart = Date()
        draw(force: true)
    }

    /// Redraws at most a few times a second.
    mutating func draw(force: Bool = false) {
        guard enabled, force || Date().timeIntervalSince(lastDraw) >= 0.25 else { return }
        lastDraw = Date()
        let line = String(format: "cell %d of %d  %.1fs (total %.1fs)", current, total,
                          Date().timeIntervalSince(cellStart), Date().timeIntervalSince(start))
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(line)".utf8))
    }

    /// Clears the line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
