/// Notebook-level undo: every cell action is one splice of the cell list (cells `index..<index +
/// inserted.count` were `removed` before it), with the selection before and after.
///
/// Undo puts the removed cells back in place of the inserted ones and records what it took out,
/// so a redo brings back the cells as they were at the undo (text typed in between included).
public struct CellHistory: Sendable {
    /// One cell action.
    public struct Step: Sendable {
        public var index: Int
        public var removed: [NotebookCell]
        public var inserted: [NotebookCell]
        public var selectionBefore: CellSelection
        public var selectionAfter: CellSelection
        public var modeBefore: NotebookMode
    }

    public private(set) var undoStack: [Step] = []
    public private(set) var redoStack: [Step] = []
    /// Steps kept at most.
    public static let limit = 500

    public init() {}

    /// Records a new action; clears the redo stack.
    public mutating func record(_ step: Step) {
        undoStack.append(step)
        if undoStack.count > Self.limit { undoStack.removeFirst(undoStack.count - Self.limit) }
        redoStack.removeAll()
    }

    mutating func popUndo() -> Step? { undoStack.popLast() }
    mutating func popRedo() -> Step? { redoStack.popLast() }
    mutating func pushRedo(_ step: Step) { redoStack.append(step) }
    mutating func pushUndo(_ step: Step) { undoStack.append(step) }

    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }
}
