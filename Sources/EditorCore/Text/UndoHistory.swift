/// What kind of edit a change is, for grouping undo steps.
public enum EditKind: Hashable, Sendable {
    /// Typing characters.
    case insert
    /// Deleting characters one by one (Backspace, Delete).
    case delete
    /// A line break: ends the group it joins.
    case newline
    /// Anything else (paste, indent, vim operators): a group of its own.
    case other
}

/// Undo and redo of text changes, grouped into typing bursts.
///
/// A group collects consecutive edits of the same kind (`insert` or `delete`) and ends when the
/// kind switches, when the cursor jumped since the group's last edit, after a pause longer than
/// `pauseLimit` seconds, after a line break, or when `close()` is called. Time is passed in (no clock
/// inside). Undoing a group restores the selection from before it; redo the one after it.
public struct UndoHistory: Hashable, Sendable {
    /// One undo step.
    public struct Group: Hashable, Sendable {
        public var changes: [TextChange]
        public var selectionBefore: Selection
        public var selectionAfter: Selection
        public var kind: EditKind
        public var lastTime: Double
        public var isOpen: Bool
    }

    public private(set) var undoStack: [Group] = []
    public private(set) var redoStack: [Group] = []
    /// Seconds of pause that end a typing burst.
    public var pauseLimit: Double = 1.0
    /// How many groups are kept.
    public var limit: Int = 1_000
    /// Between `beginGroup()` and `endGroup()` every edit joins one group (a vim insert session).
    public private(set) var isGrouping = false

    public init() {}

    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    /// Records `changes` made by one edit.
    public mutating func record(_ changes: [TextChange], kind: EditKind, before: Selection, after: Selection, now: Double) {
        guard !changes.isEmpty else { return }
        redoStack.removeAll()
        if isGrouping, var top = undoStack.last, top.isOpen {
            Self.append(changes, to: &top.changes)
            top.selectionAfter = after
            top.lastTime = now
            undoStack[undoStack.count - 1] = top
            return
        }
        if var top = undoStack.last, top.isOpen, kind != .other,
           top.kind == kind || (kind == .newline && top.kind == .insert),
           now - top.lastTime <= pauseLimit, now >= top.lastTime,
           Self.samePlace(top.selectionAfter, before) {
            Self.append(changes, to: &top.changes)
            top.selectionAfter = after
            top.lastTime = now
            top.isOpen = kind != .newline
            undoStack[undoStack.count - 1] = top
            return
        }
        close()
        undoStack.append(Group(changes: changes, selectionBefore: before, selectionAfter: after,
                               kind: kind == .newline ? .insert : kind, lastTime: now,
                               isOpen: isGrouping || kind == .insert || kind == .delete))
        if undoStack.count > limit { undoStack.removeFirst(undoStack.count - limit) }
    }

    /// Ends the current group: the next edit starts a new one.
    public mutating func close() {
        if !undoStack.isEmpty { undoStack[undoStack.count - 1].isOpen = false }
    }

    /// Starts a group that every edit joins until `endGroup()`.
    public mutating func beginGroup() {
        close()
        isGrouping = true
    }

    /// Ends the group started by `beginGroup()`.
    public mutating func endGroup() {
        isGrouping = false
        close()
    }

    /// Takes the latest group for undoing (moved to the redo stack).
    public mutating func popUndo() -> Group? {
        guard var g = undoStack.popLast() else { return nil }
        g.isOpen = false
        redoStack.append(g)
        return g
    }

    /// Takes the latest undone group for redoing (moved back to the undo stack).
    public mutating func popRedo() -> Group? {
        guard let g = redoStack.popLast() else { return nil }
        undoStack.append(g)
        return g
    }

    /// Forgets everything.
    public mutating func clear() {
        undoStack.removeAll()
        redoStack.removeAll()
    }

    /// Appends changes, folding each into the previous one when it continues it (typing on, or
    /// deleting on backward or forward), so undoing a long burst is one replacement.
    static func append(_ changes: [TextChange], to list: inout [TextChange]) {
        for c in changes {
            if let last = list.last, let merged = merge(last, c) { list[list.count - 1] = merged } else { list.append(c) }
        }
    }

    static func merge(_ a: TextChange, _ b: TextChange) -> TextChange? {
        if b.range.isEmpty && b.range.start == a.newEnd {
            return TextChange(range: a.range, oldText: a.oldText, newText: a.newText + b.newText, version: b.version)
        }
        guard a.newText.isEmpty && b.newText.isEmpty else { return nil }
        if b.range.end == a.range.start {
            let old = b.oldText + a.oldText
            return TextChange(range: TextRange(b.range.start, TextBuffer.end(of: old, from: b.range.start)), oldText: old, newText: "", version: b.version)
        }
        if b.range.start == a.range.start {
            let old = a.oldText + b.oldText
            return TextChange(range: TextRange(a.range.start, TextBuffer.end(of: old, from: a.range.start)), oldText: old, newText: "", version: b.version)
        }
        return nil
    }

    private static func samePlace(_ a: Selection, _ b: Selection) -> Bool { a.anchor == b.anchor && a.head == b.head }
}
