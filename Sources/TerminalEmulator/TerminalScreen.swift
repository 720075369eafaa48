internal import CVTerm
import TermCore

/// A libvterm screen behind one adapter: bytes from the child go in, TermCore cells, a scrollback ring,
/// damage, the cursor and the child's terminal properties come out; keys, pastes and mouse events go
/// back to the child as bytes through `onOutput`.
///
/// Not thread-safe: create and use it on the event loop's thread. libvterm keeps a pointer to the
/// callbacks struct and to this object, so both live exactly as long as the `VTerm`.
public final class TerminalScreen {
    let vt: OpaquePointer
    let screen: OpaquePointer
    private let callbacks: UnsafeMutablePointer<VTermScreenCallbacks>

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
    /// Whether the cursor, modes or bell changed since `takeChanges()`.
    var otherChanges = false
    /// The screen as TermCore cells, refreshed row by row from libvterm where damaged.
    private(set) var mirror: CellBuffer

    /// Receives every byte meant for the child: key encodings, paste markers and answers to queries
    /// (device attributes, cursor position reports).
    public var onOutput: ((UnsafeRawBufferPointer) -> Void)?

    // Scratch space for packing lines in libvterm callbacks.
    var packChars: [UInt32]
    var packStyles: [UInt64]

    /// A screen of `size` (at least 1×1) keeping up to `scrollbackLines` lines of scrollback.
    public init(size: Size, scrollbackLines: Int = 10_000) {
        let rows = max(1, size.height), cols = max(1, size.width)
        self.size = Size(width: cols, height: rows)
        vt = vterm_new(Int32(rows), Int32(cols))
        vterm_set_utf8(vt, 1)
        screen = vterm_obtain_screen(vt)
        callbacks = UnsafeMutablePointer<VTermScreenCallbacks>.allocate(capacity: 1)
        callbacks.initialize(to: TerminalScreen.makeCallbacks())
        scrollback = ScrollbackBuffer(capacity: scrollbackLines)
        damage = DamageTracker(rows: rows)
        mirror = CellBuffer(size: self.size)
        packChars = [UInt32](repeating: 0, count: cols)
        packStyles = [UInt64](repeating: 0, count: cols)
        let user = Unmanaged.passUnretained(self).toOpaque()
        vterm_screen_set_callbacks(screen, callbacks, user)
        vterm_output_set_callback(vt, { bytes, length, user in
            guard let bytes, let user, length > 0 else { return }
            let me = Unmanaged<TerminalScreen>.fromOpaque(user).takeUnretainedValue()
            me.onOutput?(UnsafeRawBufferPointer(start: bytes, count: length))
        }, user)
        vterm_screen_enable_altscreen(screen, 1)
        vterm_screen_set_damage_merge(screen, VTERM_DAMAGE_SCROLL)
        vterm_screen_reset(screen, 1)
    }

    deinit {
        vterm_free(vt)
        callbacks.deinitialize(count: 1)
        callbacks.deallocate()
    }

    // MARK: - Output from the child

    /// Interprets bytes written by the child. Damage is flushed at the end, so a large chunk costs one
    /// damage pass.
    public func feed(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        _ = vterm_input_write(vt, base.assumingMemoryBound(to: CChar.self), bytes.count)
        vterm_screen_flush_damage(screen)
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

    /// Resizes the screen. libvterm 0.1.4 keeps the cursor line visible by pushing lines into the
    /// scrollback when the height shrinks and pulls them back when it grows; it does not reflow
    /// wrapped lines when the width changes.
    public func resize(_ newSize: Size) {
        let rows = max(1, newSize.height), cols = max(1, newSize.width)
        guard rows != size.height || cols != size.width else { return }
        size = Size(width: cols, height: rows)
        if packChars.count < cols {
            packChars = [UInt32](repeating: 0, count: cols)
            packStyles = [UInt64](repeating: 0, count: cols)
        }
        mirror = CellBuffer(size: size)
        damage.resize(rows: rows)
        vterm_set_size(vt, Int32(rows), Int32(cols))
        vterm_screen_flush_damage(screen)
        damage.markAll()
        otherChanges = true
    }

    // MARK: - Reading the screen

    /// Whether anything visible changed since `refresh()` / `takeChanges()`.
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
        var s = ""
        for x in 0..<size.width where !mirror[x, row].isContinuation { s += mirror[x, row].grapheme }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// Every screen row as text (refreshed).
    public var rowTexts: [String] { (0..<size.height).map(rowText) }

    private func readRow(_ row: Int) {
        var cell = VTermScreenCell()
        var ch: UInt32 = 0, style: UInt64 = 0
        for col in 0..<size.width {
            guard cvt_read_cell(screen, Int32(row), Int32(col), &ch, &style, &cell) else { continue }
            if ch == PackedCell.continuation { continue }
            let wide = cell.width == 2 && col + 1 < size.width
            let combining = ch != 0 ? TerminalScreen.combining(of: cell) : nil
            mirror[col, row] = Cell(PackedCell.grapheme(ch, combining: combining), style: PackedCell.style(style),
                                    width: wide ? 2 : 1)
        }
    }

    /// The code points after the first in a libvterm cell, as a string; nil when there are none.
    static func combining(of cell: VTermScreenCell) -> String? {
        withUnsafeBytes(of: cell.chars) { raw -> String? in
            let scalars = raw.bindMemory(to: UInt32.self)
            guard scalars.count > 1, scalars[1] != 0 else { return nil }
            var s = ""
            for i in 1..<scalars.count {
                guard scalars[i] != 0 else { break }
                if let u = Unicode.Scalar(scalars[i]) { s.unicodeScalars.append(u) }
            }
            return s.isEmpty ? nil : s
        }
    }

    /// Lines pushed into the scrollback since the last call.
    public func takeScrolledLines() -> Int {
        defer { scrolledLines = 0 }
        return scrolledLines
    }
}
