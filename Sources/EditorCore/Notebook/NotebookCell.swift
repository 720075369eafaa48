import NotebookFormat

/// One cell of an open notebook: the file's cell (every key kept), the text being edited once the
/// cell was entered, and view state (collapsed input or outputs).
///
/// `uid` names the cell for the life of the document (caches key on it); `revision` changes with
/// every change of the cell's content, so a cached layout is valid while the revision is the same.
public struct NotebookCell: Sendable {
    /// The cell as stored; its `source` is current unless `editor` holds newer text.
    public var cell: Cell
    /// The text state once the cell was edited (kept for the cell's own undo history).
    public var editor: TextEditorState?
    /// A stable name for the cell within its document.
    public let uid: Int
    /// Changes with every change of content.
    public var revision: Int
    /// Whether the input is collapsed to one line.
    public var inputCollapsed = false
    /// Whether the outputs are collapsed to one line.
    public var outputsCollapsed = false
    /// Whether the editor's text differs from `cell.source`.
    public var sourceIsStale = false
    /// Changes whenever running the cell writes its outputs or count (not a cell action): undo and
    /// redo keep such results rather than bring back older ones.
    public var runStamp = 0

    public init(cell: Cell, uid: Int, revision: Int) {
        self.cell = cell
        self.uid = uid
        self.revision = revision
    }

    /// The current source text.
    public var source: String { sourceIsStale ? (editor?.text ?? cell.source) : cell.source }

    /// The cell type.
    public var cellType: CellType { cell.cellType }

    /// Writes the editor's text into the stored cell.
    public mutating func syncSource() {
        guard sourceIsStale, let editor else { return }
        cell.source = editor.text
        sourceIsStale = false
    }

    /// The stored cell with current source.
    public var currentCell: Cell {
        var c = cell
        if sourceIsStale, let editor { c.source = editor.text }
        return c
    }
}

/// The selected cells: a contiguous range from `anchor` to `active` (the cell with the cursor).
public struct CellSelection: Hashable, Sendable {
    /// Where the selection was started.
    public var anchor: Int
    /// The active cell.
    public var active: Int

    public init(_ active: Int, anchor: Int? = nil) {
        self.active = active
        self.anchor = anchor ?? active
    }

    /// The selected indices.
    public var range: ClosedRange<Int> { min(anchor, active)...max(anchor, active) }
    /// Whether more than one cell is selected.
    public var isMultiple: Bool { anchor != active }
}

/// Command mode (cells are selected) or edit mode (the active cell's text is edited).
public enum NotebookMode: Hashable, Sendable {
    case command
    case edit
}
