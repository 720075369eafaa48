extension BuiltinCommands {
    /// Output commands of command mode: long outputs, output focus, the pager.
    static let notebookOutputs = table(.notebook, [
        ("notebook:focus-output", "Focus output",
         "Scroll the active cell's output with the keyboard: lines, pages and sideways; Esc leaves."),
        ("notebook:toggle-output-expanded", "Expand or collapse long output",
         "Show the active cell's long outputs whole, or only their last lines again."),
        ("notebook:open-output-in-pager", "Open output in pager", "Show the active cell's whole output, with its colours, in a read-only tab."),
    ])

    /// Keys of output focus.
    static let notebookOutputFocus = table(.notebookOutput, [
        ("notebook:output-scroll-up", "Output: line up", "Scroll the focused output up by a line."),
        ("notebook:output-scroll-down", "Output: line down", "Scroll the focused output down by a line."),
        ("notebook:output-page-up", "Output: page up", "Scroll the focused output up by a page."),
        ("notebook:output-page-down", "Output: page down", "Scroll the focused output down by a page."),
        ("notebook:output-scroll-left", "Output: scroll left", "Scroll the focused output's wide lines to the left."),
        ("notebook:output-scroll-right", "Output: scroll right", "Scroll the focused output's wide lines to the right."),
        ("notebook:output-line-start", "Output: first column", "Scroll the focused output back to its first column."),
        ("notebook:output-top", "Output: top", "Show the first lines of the focused output."),
        ("notebook:output-bottom", "Output: bottom", "Show the last lines of the focused output and follow new ones."),
        ("notebook:leave-output", "Leave output", "Stop scrolling the output: back to command mode."),
    ])
}
