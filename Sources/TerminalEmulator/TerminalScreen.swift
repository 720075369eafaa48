internal import CVTerm
import TermCore

/// A libvterm terminal behind one adapter: bytes from the child go in, TermCore cells, a scrollback
/// ring, damage, the cursor and the child's terminal properties come out; keys, pastes and mouse
/// events go back to the child as bytes through `onOutput`.
///
/// libvterm's parser and state layer interpret the bytes; the cells live in a `ScreenGrid` kept from
/// the state callbacks (a primary and an alternate grid), which scrolls by moving rows.
///
/// Not thread-safe: create and use it on the event loop's thread. libvterm keeps a pointer to the
/// callbacks struct and to this object, so both live exactly as long as the `VTerm`.
public final class TerminalScreen {
    let vt: OpaquePointer
    let state: OpaquePointer
    private let callbacks: UnsafeMutablePointer<VTermStateCallbacks>

    /// Rows and columns of the screen.
    public private(set) var size: Size
    /// What the child set through escape sequences: title, cursor, alternate screen, mouse reporting.
    public internal(set) var modes = TerminalModes()
    /// How many times the child rang the bell.
    public internal(set) var bellCount = 0
    /// The cursor cell on the screen.
    public internal(set) var cursor = Point.zero
    /// Lines that scrolled off the top of the primary screen, oldest first.
    public internal(set) var scrollback: ScrollbackBuffer
    /// Lines pushed into the scrollback since the owner last called `takeScrolledLines()`.
    var scrolledLines = 0
    /// Rows changed since the mirror was last refreshed.
    var damage: DamageTracker
    /// Whether the cursor, modes or bell changed since `refresh()`.
    var otherChanges = false
    /// The primary (0) and alternate (1) grids.
    var grids: [ScreenGrid]
    /// The current pen, packed like cell styles.
    var pen: UInt64 = 0
    /// The screen as TermCore cells, refreshed row by row from the grid where damaged.
    private(set) var mirror: CellBuffer

    /// Receives every byte meant for the child: key encodings, paste markers and answers to queries
    /// (device attributes, cursor position reports).
    public var onOutput: ((UnsafeRawBufferPointer) -> Void)?

    /// A screen of `size` (at least 1×1) keeping up to `scrollbackLines` lines of scrollback.
    public init(size: Size, scrollbackLines: Int = 10_000) {
        let rows = max(1, size.height), cols = max(1, size.width)
        self.size = Size(width: cols, height: rows)
        vt = vterm_new(Int32(rows), Int32(cols))
        vterm_set_utf8(vt, 1)
        state = vterm_obtain_state(vt)
        callbacks = UnsafeMutablePointer<VTermStateCallbacks>.allocate(capacity: 1)
        callbacks.initialize(to: TerminalScreen.makeCallbacks())
        scrollback = ScrollbackBuffer(capacity: scrollbackLines)
        damage = DamageTracker(rows: rows)
        grids = [ScreenGrid(width: cols, height: rows), ScreenGrid(width: cols, height: rows)]
        mirror = CellBuffer(size: self.size)
        let user = Unmanaged.passUnretained(self).toOpaque()
        vterm_state_set_callbacks(state, callbacks, user)
        vterm_output_set_callback(vt, { bytes, length, user in
            guard let bytes, let user, length > 0 else { return }
            let me = Unmanaged<TerminalScreen>.fromOpaque(user).takeUnretainedValue()
            me.onOutput?(UnsafeRawBufferPointer(start: bytes, count: length))
        }, user)
        vterm_state_reset(state, 1)
    }

    deinit {
        vterm_free(vt)
        callbacks.deinitialize(count: 1)
        callbacks.deallocate()
    }

    /// The grid being drawn on (the alternate one while a full-screen program runs).
    var active: Int { modes.altScreen ? 1 : 0 }

    // MARK: - Output from the child

    /// Interprets bytes written by the child.
    public func feed(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        _ = vterm_input_write(vt, base.assumingMemoryBound(to: CChar.self), bytes.count)
    }

    /// Interprets `bytes` (convenience for tests and small inputs).
    public func feed(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { feed($0) }
    }

    /// Interprets the UTF-8 of `text`.
    public func feed(_ text: String) {
        feed(Array(text.utf8))
    }

    // MARK: - Size

    /// Resizes the screen. Like libvterm's own screen layer, lines above the cursor go into the
    /// scrollback when the height shrinks and come back when it grows; wrapped lines are not reflowed
    /// when the width changes (libvterm 0.1.4 does not track line continuation).
    public func resize(_ newSize: Size) {
        let rows = max(1, newSize.height), cols = max(1, newSize.width)
        guard rows != size.height || cols != size.width else { return }
        size = Size(width: cols, height: rows)
        vterm_set_size(vt, Int32(rows), Int32(cols))
        mirror = CellBuffer(size: size)
        damage.resize(rows: rows)
        otherChanges = true
    }

    // MARK: - Reading the screen

    /// Whether anything visible changed since `refresh()`.
    public var hasChanges: Bool { damage.isDirty || otherChanges }

    /// Brings the cell mirror up to date for the damaged rows; returns those rows.
    @discardableResult
    public func refresh() -> [Int] {
        let dirty = damage.take()
        for row in dirty { readRow(row) }
        otherChanges = false
        return dirty
    }

    /// The screen's cells (call `refresh()` first to include the latest output).
    public var cells: CellBuffer { mirror }

    /// The text of screen row `row` (refreshed), trailing spaces trimmed.
    public func rowText(_ row: Int) -> String {
        refresh()
        guard row >= 0, row < size.height else { return "" }
        return CopyMode.text(of: (0..<size.width).map { mirror[$0, row] })
    }

    /// Every screen row as text (refreshed).
    public var rowTexts: [String] { (0..<size.height).map(rowText) }

    private func readRow(_ row: Int) {
        let grid = grids[active]
        guard row < grid.height else { return }
        let line = grid[row]
        let width = min(size.width, line.chars.count)
        for col in 0..<width {
            let ch = line.chars[col]
            if ch == PackedCell.continuation { continue }
            let wide = col + 1 < width && line.chars[col + 1] == PackedCell.continuation
            let combining = line.combining.isEmpty ? nil : line.combining[Int32(col)]
            mirror[col, row] = Cell(PackedCell.grapheme(ch, combining: combining), style: PackedCell.style(line.styles[col]),
                                    width: wide ? 2 : 1)
        }
    }

    /// Lines pushed into the scrollback since the last call.
    public func takeScrolledLines() -> Int {
        defer { scrolledLines = 0 }
        return scrolledLines
    }
}
