import Foundation
import TermCore

/// A terminal pane's engine: a child on a pty feeding a libvterm screen, driven by the event loop.
///
/// The loop polls `fd` for `pollEvents`; calls `handleReadable()` when readable (it reads at most
/// `readBudget` bytes per call, so a flood cannot starve the loop), `handleWritable()` when writable,
/// and `reapChild()` on SIGCHLD; renders a frame with `render(into:at:)` when `needsRender`, at its
/// own pace (damage accumulates between frames). Keys, pastes and mouse events go to the child;
/// the wheel and copy mode work on the scrollback.
public final class TerminalSession {
    public let screen: TerminalScreen
    public let process: PtyProcess
    /// The most bytes one `handleReadable()` call takes from the pty.
    public var readBudget = 256 << 10
    /// Scrollback position of the view.
    public private(set) var view = ScrollbackView()
    /// Copy mode, when active.
    public internal(set) var copyMode: CopyMode?
    var viewChanged = true
    private var readBuffer: UnsafeMutableRawBufferPointer

    /// Starts `command` (the user's shell by default) on a pty of `size`.
    public init(command: PtyCommand = .shell(), size: Size, scrollbackLines: Int = 10_000) throws(PtyError) {
        let size = Size(width: max(1, size.width), height: max(1, size.height))
        screen = TerminalScreen(size: size, scrollbackLines: scrollbackLines)
        process = try PtyProcess(command, size: size)
        readBuffer = .allocate(byteCount: 64 << 10, alignment: 16)
        let process = self.process
        screen.onOutput = { bytes in process.write(bytes) }
    }

    deinit {
        process.close(grace: .milliseconds(200))
        readBuffer.deallocate()
    }

    // MARK: - Event loop

    /// The master fd to poll; -1 once closed.
    public var fd: Int32 { process.fd }

    /// The poll events to wait for (POLLIN until the end of output, POLLOUT while input is queued).
    public var pollEvents: Int16 {
        var events: Int16 = 0
        if !process.reachedEnd && process.fd >= 0 { events |= Int16(POLLIN) }
        if process.hasPendingOutput { events |= Int16(POLLOUT) }
        return events
    }

    /// Reads what the child wrote, up to `readBudget` bytes, and feeds it to the screen. Returns the
    /// bytes read; more may be waiting when it returns the full budget.
    @discardableResult
    public func handleReadable() -> Int {
        var total = 0
        readLoop: while total < readBudget {
            let chunk = UnsafeMutableRawBufferPointer(rebasing: readBuffer[0..<min(readBuffer.count, readBudget - total)])
            switch process.read(into: chunk) {
            case let .data(n):
                screen.feed(UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
                total += n
            case .wouldBlock, .endOfFile:
                break readLoop
            }
        }
        let pushed = screen.takeScrolledLines()
        if pushed > 0 {
            view.follow(pushed: pushed, available: screen.scrollback.count)
            if copyMode != nil { clampCopyMode() }
            if !view.isLive { viewChanged = true }
        }
        return total
    }

    /// Writes queued input to the child.
    public func handleWritable() { process.flush() }

    /// Collects the child's exit status if it ended. Call on SIGCHLD.
    @discardableResult
    public func reapChild() -> ProcessExit? { process.reap() }

    /// Whether a frame would differ from the last one rendered.
    public var needsRender: Bool { viewChanged || screen.hasChanges }

    /// The window title the child set.
    public var title: String { screen.modes.title }
    /// How often the child rang the bell.
    public var bellCount: Int { screen.bellCount }
    /// How the child ended, once reaped.
    public var exitStatus: ProcessExit? { process.exit }
    /// Whether the child ended and all its output has been read.
    public var isFinished: Bool { process.exit != nil && process.reachedEnd }
    /// The size of the terminal.
    public var size: Size { screen.size }

    /// Resizes the screen and the pty (the child gets SIGWINCH).
    public func resize(_ size: Size) {
        screen.resize(size)
        process.resize(screen.size)
        view.scroll(by: 0, available: screen.scrollback.count)
        if copyMode != nil { clampCopyMode() }
        viewChanged = true
    }

    /// Ends the child: hang-up, then SIGKILL after a short grace period; nothing is left running.
    public func close(grace: Duration = .milliseconds(500)) { process.close(grace: grace) }

    // MARK: - Input

    /// Sends a key to the child (back to the live screen first).
    public func send(_ key: Key) {
        toLive()
        screen.send(key)
    }

    /// Types `text` into the child as keys.
    public func type(_ text: String) {
        toLive()
        screen.type(text)
    }

    /// Pastes `text` (bracketed when the child asked for it).
    public func paste(_ text: String) {
        toLive()
        screen.paste(text)
    }

    /// Handles a mouse event at a cell of the pane: passed to the child when it asked for mouse
    /// reporting and the live screen shows; otherwise the wheel scrolls the scrollback. Returns
    /// whether the event was used.
    @discardableResult
    public func mouse(_ event: MouseEvent) -> Bool {
        if view.isLive, copyMode == nil, screen.mouse(event) { return true }
        switch event.kind {
        case .scrollUp: scroll(lines: 3); return true
        case .scrollDown: scroll(lines: -3); return true
        default: return false
        }
    }

    private func toLive() {
        if !view.isLive || copyMode != nil { viewChanged = true }
        view.toBottom()
        copyMode = nil
    }

    // MARK: - Scrollback

    /// Scrolls back (positive) or forward (negative) by `lines`. The alternate screen has no scrollback.
    public func scroll(lines: Int) {
        guard !screen.modes.altScreen else { return }
        let before = view.offset
        view.scroll(by: lines, available: screen.scrollback.count)
        if view.offset != before { viewChanged = true }
    }

    /// Scrolls by `pages` screen heights (less one line of overlap).
    public func scroll(pages: Int) { scroll(lines: pages * max(1, screen.size.height - 1)) }

    /// Back to the live screen.
    public func scrollToBottom() {
        if !view.isLive { viewChanged = true }
        view.toBottom()
    }
}
