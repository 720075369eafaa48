import EditorCore
import Foundation
import TermCore
import TerminalEmulator

/// A tab running a program on a pty: a `TerminalSession` shown in the tab's body.
///
/// While focused in `.typing` every key no `terminal` binding took goes to the program (encoded by
/// the session, so the program's modes are honoured); the escape key (`terminal.escape-key`, `<C-\>`
/// by default) leaves to `.browsing`, where the `terminal-normal` keys scroll back and copy mode
/// selects text. The event loop polls `session.fd`, calls `pump()` when it is readable and `reap()`
/// on SIGCHLD or hang-up; the driver draws at most one frame per frame interval, so a flood of
/// output only costs a bounded read per turn. Once the program ended the tab says how, and any key
/// asks the workspace to close it (`wantsClose`).
public final class TerminalPane: TabContent {
    /// Whether keys go to the program or to scrollback and copy mode.
    public enum Focus: Hashable, Sendable { case typing, browsing }

    /// The program's life.
    public enum State: Hashable, Sendable {
        case running
        /// It ended; `wantsClose` once a key was pressed after that.
        case ended(ProcessExit)
    }

    public let session: TerminalSession
    /// The directory the program started in.
    public let directory: String
    /// The key that leaves the terminal.
    public let escapeKey: Key
    public private(set) var focus = Focus.typing
    public private(set) var state = State.running
    /// Set when the program ended and a key asked to close the tab.
    public private(set) var wantsClose = false
    /// Whether the tab was closed and the program hung up.
    public private(set) var isShutDown = false
    /// Bells rung since the pane was last shown focused.
    public private(set) var unseenBells = 0
    /// Text copied in copy mode, for the clipboard and OSC 52; taken by the workspace.
    public var copied: [String] = []
    private var seenBells = 0
    /// Something changed that the next frame must show (state, bells), beside the screen's damage.
    private var changed = false

    /// Whether a frame would differ from the last one.
    public var needsRender: Bool { changed || session.needsRender }

    /// Starts `command` in `directory` on a pty of `size`.
    public init(command: PtyCommand, directory: String, size: Size, escapeKey: Key = .ctrl("\\"),
                scrollback: Int = 10_000) throws(PtyError) {
        var command = command
        command.workingDirectory = directory
        self.directory = directory
        self.escapeKey = escapeKey
        session = try TerminalSession(command: command, size: size, scrollbackLines: scrollback)
    }

    deinit { shutDown() }

    // MARK: TabContent

    public var title: String {
        let base = session.title.isEmpty ? "Terminal" : session.title
        let bell = unseenBells > 0 ? "🔔 " : ""
        if case .ended = state { return "\(bell)\(base) [done]" }
        return bell + base
    }

    public var path: String? { nil }

    public var keyContext: KeyContext { focus == .typing && state == .running ? .terminal : .terminalNormal }

    public var status: ContentStatus {
        let leave = escapeKey.description
        switch (state, focus) {
        case let (.ended(exit), _):
            return ContentStatus(mode: "TERM", modeScope: "ui.statusbar.mode.terminal", position: "\(exit) · any key closes")
        case (.running, .typing):
            return ContentStatus(mode: "TERM", modeScope: "ui.statusbar.mode.terminal", position: "\(leave) leaves")
        case (.running, .browsing):
            let what = session.copyMode == nil ? "scrollback" : "copy mode: v select, y copy"
            return ContentStatus(mode: "SCROLL", modeScope: "ui.statusbar.mode.command", position: "\(what) · i/Enter types")
        }
    }

    public func render(into buffer: inout CellBuffer, area: Rect, styles: StyleSheet, focused: Bool) {
        guard area.width > 0, area.height > 0 else { return }
        let rows = isEnded ? max(1, area.height - 1) : area.height
        if session.size != Size(width: area.width, height: rows), !isShutDown {
            session.resize(Size(width: area.width, height: rows))
        }
        buffer.fill(area, with: .blank(styles.style("terminal")))
        session.render(into: &buffer, at: Point(x: area.x, y: area.y))
        if focused { seenBells = session.bellCount; unseenBells = 0 }
        changed = false
        if case let .ended(exit) = state {
            let line = " [\(exit) — press a key to close] "
            buffer.draw(line, at: Point(x: area.x, y: area.y + area.height - 1), style: styles.style("ui.text.dim"), clip: area)
        } else if session.view.offset > 0 {
            let mark = " ↑\(session.view.offset) "
            buffer.draw(mark, at: Point(x: area.x + max(0, area.width - mark.count), y: area.y),
                        style: styles.style("terminal.scrollback"), clip: area)
        }
    }

    public func cursor(in area: Rect) -> Point? {
        guard focus == .typing, !isEnded, let p = session.cursorPosition else { return nil }
        guard p.x < area.width, p.y < area.height else { return nil }
        return Point(x: area.x + p.x, y: area.y + p.y)
    }

    public func handleKey(_ key: Key, area: Rect) -> Bool {
        if isEnded { wantsClose = true; return true }
        if focus == .typing {
            if key == escapeKey { leave(); return true }
            if let byte = Self.controlByte(key) { session.scrollToBottom(); session.process.write([byte]) } else { session.send(key) }
            session.handleWritable()
            return true
        }
        return browse(key)
    }

    /// Ctrl+J, Ctrl+I, Ctrl+M, Ctrl+[ arrive as the control bytes a terminal sends for them (line
    /// feed, tab, return, escape); they go to the program as those bytes, not as extended key codes.
    static func controlByte(_ key: Key) -> UInt8? {
        guard key.modifiers == .ctrl, case let .char(s) = key.code else { return nil }
        switch s {
        case "j": return 0x0A
        case "i": return 0x09
        case "m": return 0x0D
        case "[": return 0x1B
        default: return nil
        }
    }

    public func handlePaste(_ text: String, area: Rect) -> Bool {
        guard !isEnded, focus == .typing else { return false }
        session.paste(text)
        session.handleWritable()
        return true
    }

    public func handleMouse(_ event: MouseEvent, area: Rect) -> Bool {
        var local = event
        local.position = Point(x: event.position.x - area.x, y: event.position.y - area.y)
        let used = session.mouse(local)
        session.handleWritable()
        return used
    }

    public func save() -> SaveOutcome { .notApplicable("a terminal has nothing to save") }

    /// A terminal cannot be shown twice: a new pane gets a fresh shell in the same directory.
    public func makeView() -> any TabContent {
        (try? TerminalPane(command: .shell(), directory: directory, size: session.size, escapeKey: escapeKey)) ?? self
    }

    // MARK: Commands

    public func perform(_ command: CommandID, area: Rect) -> Bool {
        switch command {
        case "terminal:leave": leave()
        case "terminal:enter": enter()
        case "terminal:send-leave-key": session.send(escapeKey); session.handleWritable()
        case "terminal:scroll-up": inCopyMode ? session.moveCopyCursor(.up(1)) : session.scroll(lines: 1)
        case "terminal:scroll-down": inCopyMode ? session.moveCopyCursor(.down(1)) : session.scroll(lines: -1)
        case "terminal:scroll-page-up": inCopyMode ? session.moveCopyCursor(.up(area.height)) : session.scroll(pages: 1)
        case "terminal:scroll-page-down": inCopyMode ? session.moveCopyCursor(.down(area.height)) : session.scroll(pages: -1)
        case "terminal:scroll-to-top": inCopyMode ? session.moveCopyCursor(.top) : session.scroll(lines: Int.max / 2)
        case "terminal:scroll-to-bottom": inCopyMode ? session.moveCopyCursor(.bottom) : session.scrollToBottom()
        case "terminal:copy": copySelection()
        default: return false
        }
        return true
    }

    private var inCopyMode: Bool { session.copyMode != nil }
    private var isEnded: Bool { if case .ended = state { return true } else { return false } }

    /// Back to typing into the program.
    public func enter() {
        focus = .typing
        session.scrollToBottom()
        if inCopyMode { session.exitCopyMode() }
    }

    /// Leaves the program: keys scroll back and drive copy mode.
    public func leave() {
        focus = .browsing
        if !inCopyMode { session.enterCopyMode() }
    }

    /// Copy-mode keys that are not bindings: vi motions, `v` to select, Escape to stop selecting.
    private func browse(_ key: Key) -> Bool {
        guard key.modifiers.isEmpty || key.modifiers == .shift else { return false }
        if !inCopyMode { session.enterCopyMode() }
        switch key.code {
        case .char("h"), .left: session.moveCopyCursor(.left(1))
        case .char("l"), .right: session.moveCopyCursor(.right(1))
        case .char("0"): session.moveCopyCursor(.lineStart)
        case .char("$"): session.moveCopyCursor(.lineEnd)
        case .char("v"), .space: session.toggleSelection()
        case .escape, .char("q"): enter()
        default: return false
        }
        return true
    }

    private func copySelection() {
        guard let text = session.selectedText else { return }
        copied.append(text)
        enter()
    }

    // MARK: Event loop

    /// Reads what the program wrote (a bounded amount); returns the bytes read.
    @discardableResult
    public func pump() -> Int {
        let n = session.handleReadable()
        session.handleWritable()
        if session.bellCount > seenBells + unseenBells { unseenBells = session.bellCount - seenBells; changed = true }
        if session.process.reachedEnd { reap() }
        return n
    }

    /// Collects the program's exit status, if it ended.
    public func reap() {
        guard case .running = state else { return }
        if let exit = session.reapChild() {
            state = .ended(exit)
            focus = .browsing
            changed = true
            if inCopyMode { session.exitCopyMode() }
        }
    }

    /// Whether the pty should be polled for reading.
    public var wantsRead: Bool { !isShutDown && session.fd >= 0 && !session.process.reachedEnd }

    /// Hangs up the program's process groups; nothing is left running.
    public func shutDown() {
        guard !isShutDown else { return }
        isShutDown = true
        session.close(grace: .milliseconds(300))
        reap()
    }
}
