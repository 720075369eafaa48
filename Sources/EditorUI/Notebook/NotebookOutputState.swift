/// What the notebook view remembers about outputs besides the notebook: which cells' long outputs
/// are expanded, whether text wraps, the output being scrolled with the keyboard (output focus),
/// and the rendered rich outputs.
final class NotebookOutputState {
    /// Cells (by uid) whose long outputs are shown whole.
    var expanded: Set<Int> = []
    /// Whether long output lines wrap (else they are cut at the edge and scroll sideways in output focus).
    var wrap = false
    /// The output scrolled with the keyboard, when output focus is on.
    var focus: OutputFocus?
    /// Rendered images, tables and other rich outputs.
    let rich = RichOutputCache()
}

/// Output focus: a sub-state of command mode where keys scroll the active cell's output, up and
/// down by lines and pages and sideways by columns. The output shows a window of its lines.
struct OutputFocus: Equatable {
    /// The cell whose output is focused.
    var uid: Int
    /// The first output line shown.
    var top = 0
    /// The first column shown.
    var left = 0
    /// Whether the window stays on the last lines as output arrives.
    var followsTail = true
    /// Lines the window showed at the last frame (page size) and the output's line count.
    var rows = 1
    var total = 0
    /// The farthest the window may scroll right: the widest line's end at the right edge.
    var maxLeft = 0

    /// Moves the window by `lines`; `Int.min`/`Int.max` go to the ends.
    mutating func scroll(by lines: Int) {
        let last = max(0, total - rows)
        switch lines {
        case .min: top = 0
        case .max: top = last
        default: top = min(max(0, top + lines), last)
        }
        followsTail = top >= last
    }

    /// Moves the window sideways by `columns`, not past the widest line.
    mutating func scroll(columns: Int) {
        left = min(max(0, left + columns), maxLeft)
    }
}
