/// Removes outputs, execution counts and volatile metadata from a notebook, with nbstripout's
/// defaults.
public enum NotebookStripper {
    /// What to keep.
    public struct Options: Sendable {
        /// Keep every cell's outputs.
        public var keepOutput = false
        /// Keep execution counts (of cells and of `execute_result` outputs).
        public var keepCount = false
        /// Notebook metadata keys removed (nbstripout's default extra keys).
        public var notebookMetadataKeys = ["signature", "widgets"]
        /// Cell metadata keys removed (nbstripout's default extra keys).
        public var cellMetadataKeys = ["collapsed", "ExecuteTime", "execution", "heading_collapsed", "hidden", "scrolled"]

        public init() {}
    }

    /// Whether a cell asks to keep its outputs: tag `keep_output` or `metadata.keep_output: true`.
    public static func keepsOutput(_ cell: Cell) -> Bool {
        cell.tags.contains("keep_output") || cell.metadata["keep_output"] == .bool(true)
    }

    /// Strips `notebook` in place.
    public static func strip(_ notebook: inout Notebook, options: Options = Options()) {
        for key in options.notebookMetadataKeys { notebook.metadata.removeValue(forKey: key) }
        for i in notebook.cells.indices {
            var cell = notebook.cells[i]
            if cell.fields.contains("metadata") {
                var m = cell.metadata
                for key in options.cellMetadataKeys { m.removeValue(forKey: key) }
                if m != cell.metadata { cell.metadata = m }
            }
            if cell.outputStorage != nil {
                if !options.keepOutput && !keepsOutput(cell) {
                    cell.outputs = []
                } else if !options.keepCount {
                    for j in cell.outputs.indices where cell.outputs[j].fields.contains("execution_count") {
                        cell.outputs[j].fields["execution_count"] = .null
                    }
                }
            }
            if !options.keepCount && cell.fields.contains("execution_count") { cell.fields["execution_count"] = .null }
            notebook.cells[i] = cell
        }
    }
}
