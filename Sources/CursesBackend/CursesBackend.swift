import Foundation
import Glibc
internal import CNcursesw
import TermCore

/// The ncurses backend: puts `CellBuffer` diffs on a real terminal and hands raw input bytes to
/// `InputDecoder`.
///
/// ncurses drives output and terminal state (alternate screen, attributes, colour pairs, cursor).
/// Input does not go through ncurses: keypad is off and the caller reads the tty fd itself
/// (`inputFD`, `readInput()`), so extended keys, paste and mouse reports are decoded by TermCore.
/// Not thread-safe: create and use it on the event loop's thread.
public final class CursesBackend: TerminalBackend {
    /// The fd to poll for input.
    public let inputFD: Int32
    /// The fd ncurses writes to.
    public let outputFD: Int32
    public private(set) var size: Size = .zero
    public internal(set) var capabilities: TerminalCapabilities
    /// The terminal type ncurses was started with (a fallback when `TERM` was missing or unknown).
    public internal(set) var terminalType = ""
    /// Colour combinations that had to fall back to the default pair since the last full redraw.
    public var pairFallbacks: Int { pairs.fallbacks }

    let environment: [String: String]
    let wantMouse: Bool
    let wantExtendedKeys: Bool
    var screen: OpaquePointer?
    var outFile: UnsafeMutablePointer<FILE>?
    var inFile: UnsafeMutablePointer<FILE>?
    var savedTermios: termios?
    var entered = false
    var pairs = ColorPairCache(capacity: 0)
    var directColor = false
    /// The depth ncurses draws at; below `capabilities.colorDepth` when the true-colour overlay is on.
    var drawDepth = ColorDepth.monochrome
    /// RGB cells written with raw SGR after ncurses' update, when COLORTERM asks for true colour but
    /// the terminfo entry has no direct colour.
    var overlay: TrueColorOverlay?
    var ownedFD: Int32 = -1
    let crashTest: String?
    /// The `images.protocol` setting.
    let graphicsChoice: GraphicsChoice
    /// Pictures drawn in pixels, when the terminal has graphics.
    var graphicsOverlay: GraphicsOverlay?
    /// The cell size the terminal reported (`CSI 16 t`), which wins over the kernel's pixel size.
    var reportedCellPixels: Size?

    /// A backend on the process's terminal: stdin/stdout when both are ttys, otherwise `/dev/tty`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                mouse: Bool = true, extendedKeys: Bool = true, graphics: GraphicsChoice = .auto) throws {
        self.environment = environment
        graphicsChoice = graphics
        wantMouse = mouse
        wantExtendedKeys = extendedKeys
        crashTest = CrashTest.kind(environment)
        if isatty(0) == 1 && isatty(1) == 1 {
            inputFD = 0
            outputFD = 1
        } else {
            let fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY)
            guard fd >= 0 else { throw TerminalError("no terminal: standard input/output are not ttys and /dev/tty cannot be opened") }
            inputFD = fd
            outputFD = fd
            ownedFD = fd
        }
        capabilities = TerminalCapabilities(colorDepth: .monochrome, extendedKeys: extendedKeys, mouse: mouse)
    }

    deinit {
        leave()
        if let screen { delscreen(screen) }
        if ownedFD >= 0 { close(ownedFD) }
    }

    // MARK: - Entering and leaving

    public func enter() throws {
        guard !entered else { return }
        Self.setUTF8Locale()
        var tio = termios()
        if tcgetattr(inputFD, &tio) == 0 { savedTermios = tio }
        if screen == nil { try startCurses() } else { set_term(screen) }
        raw()
        noecho()
        nonl()
        intrflush(cnc_stdscr(), false)
        keypad(cnc_stdscr(), false)
        nodelay(cnc_stdscr(), true)
        typeahead(-1)
        leaveok(cnc_stdscr(), false)
        updateSize()
        refresh()
        writeOut(TerminalModes.enable(mouse: wantMouse, extendedKeys: wantExtendedKeys))
        startGraphics()
        TerminalGuard.arm(fd: outputFD, leaveSequence: emergencySequence(), saved: savedTermios)
        entered = true
    }

    public func leave() {
        guard entered else { return }
        entered = false
        if let bytes = graphicsOverlay?.takeClearing(), !bytes.isEmpty { writeOut(bytes) }
        writeOut(TerminalModes.disable(mouse: wantMouse, extendedKeys: wantExtendedKeys))
        curs_set(1)
        endwin()
        if var tio = savedTermios { tcsetattr(inputFD, TCSANOW, &tio) }
        TerminalGuard.disarm()
    }

    /// Leaves the terminal and stops the process (SIGTSTP with its default action); returns after
    /// SIGCONT. Call `resume()` next, and redraw in full.
    public func suspend() {
        leave()
        let previous = signal(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
        signal(SIGTSTP, previous)
    }

    /// Takes the terminal back (after `suspend()`, or after SIGCONT from an outside stop) and clears
    /// ncurses' idea of the screen so the next frame is drawn in full.
    public func resume() {
        if !entered { try? enter() } else { writeOut(TerminalModes.enable(mouse: wantMouse, extendedKeys: wantExtendedKeys)) }
        clearok(cnc_curscr(), true)
        overlay?.willRepaintAll()
        graphicsOverlay?.willRepaintAll()
        pairs.reset()
    }

    // MARK: - Size

    /// Reads the size from the kernel after SIGWINCH and resizes ncurses; returns the new size.
    @discardableResult
    public func handleResize() -> Size {
        var rows: Int32 = 0, cols: Int32 = 0
        if cnc_winsize(outputFD, &rows, &cols) == 0, rows > 0, cols > 0 {
            resizeterm(rows, cols)
        }
        updateSize()
        clearok(cnc_curscr(), true)
        overlay?.reset()
        graphicsOverlay?.willRepaintAll()
        graphicsOverlay?.cellPixels = cellPixels()
        capabilities.cellPixels = graphicsOverlay?.cellPixels
        return size
    }

    private func updateSize() {
        var rows: Int32 = 0, cols: Int32 = 0
        cnc_getmaxyx(cnc_stdscr(), &rows, &cols)
        size = Size(width: Int(cols), height: Int(rows))
    }

    // MARK: - Input

    /// Reads whatever input is available now without blocking (empty when none).
    public func readInput() -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var pfd = pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)
        while poll(&pfd, 1, 0) > 0, pfd.revents & Int16(POLLIN) != 0 {
            let n = read(inputFD, &buffer, buffer.count)
            if n <= 0 { break }
            out += buffer[0..<n]
            if n < buffer.count { break }
        }
        CrashTest.check(out, kind: crashTest)
        return out
    }

    // MARK: - Output

    public func draw(_ diff: BufferDiff) {
        guard entered else { return }
        if diff.isFull {
            pairs.reset()
            clearok(cnc_curscr(), true)
            overlay?.reset()
            graphicsOverlay?.willRepaintAll()
        }
        let win = cnc_stdscr()
        for run in diff.runs {
            graphicsOverlay?.damaged(row: run.row, columns: run.column..<(run.column + run.cells.count))
            var x = run.column
            for cell in run.cells {
                defer { x += 1 }
                if cell.isContinuation { continue }
                put(cell, row: Int32(run.row), column: Int32(x), window: win)
            }
        }
    }

    public func setCursor(_ position: Point?) {
        guard entered else { return }
        if let p = position, p.x >= 0, p.y >= 0, p.x < size.width, p.y < size.height {
            wmove(cnc_stdscr(), Int32(p.y), Int32(p.x))
            curs_set(1)
        } else {
            curs_set(0)
        }
    }

    public func flush() {
        guard entered else { return }
        for rows in graphicsOverlay?.rowsToRepaint() ?? [] { wredrawln(cnc_stdscr(), Int32(rows.lowerBound), Int32(rows.count)) }
        wnoutrefresh(cnc_stdscr())
        doupdate()
        guard overlay != nil || graphicsOverlay != nil else { return }
        var y: Int32 = 0, x: Int32 = 0
        cnc_getyx(cnc_curscr(), &y, &x)
        let cursor = Point(x: Int(x), y: Int(y))
        var bytes = overlay?.takeOutput(cursor: cursor) ?? ""
        bytes += graphicsOverlay?.takeOutput(cursor: cursor) ?? ""
        if !bytes.isEmpty { writeOut(bytes) }
    }

    public func showGraphics(_ placements: [GraphicsPlacement]) {
        graphicsOverlay?.show(placements, screen: size)
    }

    public func writeRaw(_ sequence: String) {
        guard entered else { return }
        flush()
        writeOut(sequence)
    }

    func writeOut(_ s: String) {
        var bytes = Array(s.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(outputFD, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            offset += n
        }
    }
}
