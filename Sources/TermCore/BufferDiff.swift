/// The changes between two buffers, as runs of consecutive changed cells on a row.
///
/// A run starts on a whole character: when only the right half of a wide character changed, the run
/// begins at its left half. Continuation cells stay in runs (so columns line up); a backend skips them
/// when writing, since the terminal advances two columns for a wide character.
public struct BufferDiff: Hashable, Sendable {
    /// Consecutive changed cells on one row.
    public struct Run: Hashable, Sendable {
        public var row: Int
        public var column: Int
        public var cells: [Cell]
        public init(row: Int, column: Int, cells: [Cell]) { self.row = row; self.column = column; self.cells = cells }
    }

    public var runs: [Run]
    /// True when this diff redraws everything (sizes differed or there was no previous frame).
    public var isFull: Bool

    public init(runs: [Run], isFull: Bool) { self.runs = runs; self.isFull = isFull }

    /// Number of changed cells.
    public var cellCount: Int { runs.reduce(0) { $0 + $1.cells.count } }
    public var isEmpty: Bool { runs.isEmpty }
}

extension CellBuffer {
    /// What changed from `previous` to this buffer. A nil or differently sized `previous` gives a full
    /// diff: every row as one run.
    public func diff(from previous: CellBuffer?) -> BufferDiff {
        let w = size.width
        guard let previous, previous.size == size else {
            var runs: [BufferDiff.Run] = []
            runs.reserveCapacity(size.height)
            for y in 0..<size.height where w > 0 {
                runs.append(.init(row: y, column: 0, cells: Array(cells[y * w..<(y + 1) * w])))
            }
            return BufferDiff(runs: runs, isFull: true)
        }
        var runs: [BufferDiff.Run] = []
        cells.withUnsafeBufferPointer { new in
            previous.cells.withUnsafeBufferPointer { old in
                for y in 0..<size.height {
                    let row = y * w
                    var x = 0
                    while x < w {
                        if new[row + x] == old[row + x] { x += 1; continue }
                        var start = x
                        if new[row + x].width == 0 && x > 0 { start = x - 1 }
                        var end = x + 1
                        while end < w && (new[row + end] != old[row + end] || new[row + end].width == 0) { end += 1 }
                        if let last = runs.last, last.row == y, last.column + last.cells.count > start {
                            start = last.column + last.cells.count
                        }
                        if start < end { runs.append(.init(row: y, column: start, cells: Array(new[(row + start)..<(row + end)]))) }
                        x = end
                    }
                }
            }
        }
        return BufferDiff(runs: runs, isFull: false)
    }

    /// Applies a diff produced against this buffer's contents (used by in-memory backends).
    public mutating func apply(_ diff: BufferDiff) {
        for run in diff.runs where run.row < size.height {
            for (i, cell) in run.cells.enumerated() where run.column + i < size.width {
                cells[run.row * size.width + run.column + i] = cell
            }
        }
    }
}
