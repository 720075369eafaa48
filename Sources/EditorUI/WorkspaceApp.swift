import EditorCore
import TermCore

/// The whole interactive state of Callisto: the workspace, settings, overlays (palette, key help,
/// dialog), the pending key sequence and the status message. It takes events and turns keys into
/// named commands through the keymap; it draws itself into a `CellBuffer`. It never touches the
/// terminal: `AppDriver` and the event loop do.
public final class WorkspaceApp {
    public var workspace: Workspace
    public private(set) var settings: EditorSettings
    public let registry: CommandRegistry
    public internal(set) var styles: StyleSheet
    public private(set) var size: Size
    public internal(set) var capabilities: TerminalCapabilities

    /// The command palette, when open.
    public internal(set) var palette: CommandPalette?
    /// The key help screen, when shown.
    public internal(set) var keyHelp: KeyHelpView?
    /// Open dialogs, the top one last.
    public internal(set) var dialogs: [Dialog] = []
    /// Keys of a started sequence.
    public internal(set) var pending: [Key] = []
    var continuations: [KeyContinuation] = []
    public internal(set) var sidePanelVisible: Bool
    public internal(set) var sidePanelFocused = false
    /// The file browser of the side panel, once it was first used (see `fileBrowser`).
    var loadedFileBrowser: FileBrowserPanel?
    /// Text copied for the system clipboard (OSC 52), taken by the shell with `serviceTerminals()`.
    public internal(set) var copiedText: [String] = []
    /// Recovery copies kept ready for a crash handler, when the shell wants them.
    public var crashSnapshots: CrashSnapshots?
    /// Where themes are found when the user switches theme.
    public var resourceLocator = ResourceLocator.standard()
    public internal(set) var statusBarVisible: Bool
    public internal(set) var mouseEnabled: Bool
    /// The kernel or process slot of the status bar (text and theme scope), set by kernel features.
    public var kernelStatus: (text: String, scope: String)?
    /// The kernels of the open notebooks.
    public let kernels = KernelRegistry()
    /// Where and when the workspace is saved, when it is (see `WorkspaceApp+Restore`).
    public internal(set) var workspaceSaver: WorkspaceSaver?

    /// The status message and when it disappears.
    public internal(set) var message: (text: String, isError: Bool, expires: ContinuousClock.Instant)?
    /// How long a status message stays.
    public static let messageDuration: Duration = .seconds(4)
    /// Whether something changed since the last frame.
    public internal(set) var needsRender = true
    /// Set when the app should exit.
    public internal(set) var shouldQuit = false
    /// Things only the shell can do, taken by the driver.
    public internal(set) var requests: [Request] = []
    /// The time of the event being handled.
    public internal(set) var now: ContinuousClock.Instant

    /// Requests to the shell.
    public enum Request: Hashable, Sendable {
        /// Redraw the whole screen.
        case redraw
        /// Stop the process for job control.
        case suspend
        /// Turn mouse reports on or off.
        case mouse(Bool)
        /// Give the terminal to a program (an external editor) until it exits, then report its exit
        /// status with `programFinished(status:)`.
        case runProgram([String])
    }

    /// The split border being dragged with the mouse.
    var dragging: [Int]?
    /// Tab bar hits of the last frame by group.
    var tabHits: [GroupID: [TabBarView.Hit]] = [:]

    /// An app with one group; `diagnostics` of the settings show as a status message.
    public init(settings: EditorSettings, size: Size, capabilities: TerminalCapabilities = TerminalCapabilities(),
                registry: CommandRegistry = .builtin, now: ContinuousClock.Instant = .now) {
        self.settings = settings
        self.registry = registry
        self.size = size
        self.capabilities = capabilities
        self.now = now
        workspace = Workspace()
        styles = StyleSheet(theme: settings.theme, monochrome: capabilities.prefersReverseVideo)
        sidePanelVisible = settings.configuration.sidePanelVisible
        statusBarVisible = settings.configuration.statusBarVisible
        mouseEnabled = settings.configuration.mouse
        kernels.outputMemoryLimit = settings.configuration.outputMemoryLimit
        if let first = settings.diagnostics.first {
            let more = settings.diagnostics.count > 1 ? " (and \(settings.diagnostics.count - 1) more; see `callisto config check`)" : ""
            show("config: \(first.description)\(more)", error: true)
        }
    }

    // MARK: Layout

    /// The rectangle of the panes (without side panel and status bar).
    public var paneArea: Rect {
        var r = Rect(size: size)
        if statusBarVisible { r = r.inset(bottom: 1) }
        if sidePanelVisible { r = r.inset(left: sidePanelWidth) }
        return r
    }

    /// The side panel's width (border included), limited to half the screen.
    var sidePanelWidth: Int { min(settings.configuration.sidePanelWidth + 1, size.width / 2) }

    /// The side panel's rectangle, when shown.
    var sidePanelArea: Rect? {
        guard sidePanelVisible else { return nil }
        return Rect(x: 0, y: 0, width: sidePanelWidth, height: size.height - (statusBarVisible ? 1 : 0))
    }

    /// The content area of `group` (below its tab bar).
    public func bodyArea(_ group: GroupID) -> Rect {
        (workspace.frames(in: paneArea).groups[group] ?? .init(size: .zero)).inset(top: 1)
    }

    /// Whether the screen is too small to draw the workspace.
    public var isTooSmall: Bool { size.width < TooSmallView.minimum.width || size.height < TooSmallView.minimum.height }

    // MARK: Events

    /// Handles one event at `now`.
    public func handle(_ event: Event, now: ContinuousClock.Instant) {
        self.now = now
        switch event {
        case let .key(key): handleKey(key)
        case let .paste(text): handlePaste(text)
        case let .mouse(m): if mouseEnabled { handleMouse(m) } else { return }
        case let .resize(newSize): resize(to: newSize)
        case .focus, .report: return
        }
        needsRender = true
        workspaceSaver?.noteActivity(now: now)
    }

    /// The terminal changed size.
    public func resize(to newSize: Size) {
        size = newSize
        needsRender = true
    }

    /// Switches to `theme`: new styles, every cached layout dropped, a full redraw.
    public func apply(theme: Theme) {
        settings.theme = theme
        styles = StyleSheet(theme: theme, monochrome: capabilities.prefersReverseVideo)
        themeChanged()
        needsRender = true
    }

    /// Lets timers run: drops an expired status message.
    public func tick(now: ContinuousClock.Instant) {
        self.now = now
        if let m = message, now >= m.expires {
            message = nil
            needsRender = true
        }
        tickDocuments(now: now)
        tickFileBrowser(now: now)
        tickKernels(now: now)
        saveWorkspaceIfDue(now: now)
    }

    /// The next time `tick` has something to do, or nil.
    public var nextDeadline: ContinuousClock.Instant? {
        [message?.expires, documentDeadline, kernelDeadline, workspaceSaver?.deadline, fileBrowserDeadline].compactMap { $0 }.min()
    }

    /// Shows a transient status message.
    public func show(_ text: String, error: Bool = false) {
        message = (text, error, now.advanced(by: Self.messageDuration))
        needsRender = true
    }

    /// Takes the requests for the shell.
    public func takeRequests() -> [Request] {
        defer { requests.removeAll() }
        return requests
    }

    /// The key context in force: the top overlay's, or the focused content's.
    public var keyContext: KeyContext {
        if !dialogs.isEmpty { return .dialog }
        if palette != nil { return .palette }
        if sidePanelFocused && sidePanelVisible { return sidePanelContext }
        return workspace.focusedContent?.keyContext ?? .global
    }

    func handleKey(_ key: Key) {
        if keyHelp != nil {
            if keyHelp?.handle(key) == false { keyHelp = nil }
            return
        }
        if pending.isEmpty, dialogs.isEmpty, palette == nil, !(sidePanelFocused && sidePanelVisible),
           let content = workspace.focusedContent, content.interceptKey(key, area: bodyArea(workspace.focused)) {
            return
        }
        if pending.isEmpty, dialogs.isEmpty, palette == nil, sidePanelFocused, sidePanelVisible, fileBrowser.filterKey(key) { return }
        let keys = pending + [key]
        switch settings.keymap.lookup(keys, in: keyContext) {
        case let .matched(binding):
            pending = []
            if perform(binding.command) { return }
            // The focused content declined: the same keys may mean something in a more general context
            // (Ctrl+Z is undo in an editor, suspend elsewhere).
            let chain = keyContext.chain
            for start in chain.indices.dropFirst() {
                if case let .matched(general) = settings.keymap.trie(chain: Array(chain[start...])).lookup(keys),
                   general.command != binding.command, perform(general.command) { return }
            }
            run(binding.command)
        case let .pending(next):
            pending = keys
            continuations = next
        case .noMatch:
            if !pending.isEmpty {
                pending = []
                if key.code != .escape { show("\(keys.notation) is not bound") }
                return
            }
            input(key)
        }
    }

    /// A key no binding took: text for the top overlay, or input for the focused content.
    func input(_ key: Key) {
        var typed: String?
        if key.modifiers.isEmpty {
            if key.code == .space { typed = " " } else if case let .char(s) = key.code { typed = String(Character(s)) }
        }
        if !dialogs.isEmpty {
            if let typed { dialogs[dialogs.count - 1].insert(typed) } else if key.code == .backspace { dialogs[dialogs.count - 1].deleteBackward() }
            return
        }
        if palette != nil {
            if let typed { palette?.insert(typed) } else if key.code == .backspace { palette?.deleteBackward() }
            return
        }
        if sidePanelFocused && sidePanelVisible { fileBrowserInput(key); return }
        guard let content = workspace.focusedContent else { return }
        _ = content.handleKey(key, area: bodyArea(workspace.focused))
    }

    func handlePaste(_ text: String) {
        pending = []
        if !dialogs.isEmpty { dialogs[dialogs.count - 1].insert(text); return }
        if palette != nil { palette?.insert(text); return }
        guard let content = workspace.focusedContent else { return }
        if !content.handlePaste(text, area: bodyArea(workspace.focused)) {
            show("\(content.title) is read-only: the paste was not inserted")
        }
    }

    // MARK: Commands

    /// Runs a command by name: a workspace handler, or the focused content's.
    public func run(_ command: CommandID) {
        if perform(command) { return }
        if let info = registry[command] {
            show("\(info.title) (\(command)) is not available here")
        } else {
            show("unknown command \(command)", error: true)
        }
    }

    /// Performs a command if the workspace or the focused content handles it; false otherwise.
    @discardableResult
    public func perform(_ command: CommandID) -> Bool {
        needsRender = true
        if let handler = Self.handlers[command] {
            handler(self)
            return true
        }
        guard let content = workspace.focusedContent, !sidePanelFocused else { return false }
        return content.perform(command, area: bodyArea(workspace.focused))
    }

    /// Opens a dialog over everything.
    public func present(_ dialog: Dialog) {
        pending = []
        dialogs.append(dialog)
        needsRender = true
    }

    /// Closes the top dialog with `answer`.
    func finishDialog(_ answer: Dialog.Answer) {
        guard let dialog = dialogs.popLast() else { return }
        dialog.onAnswer(answer)
    }

    /// Opens `content` in a new tab of the focused group and shows it.
    @discardableResult
    public func open(_ content: any TabContent) -> TabID {
        let tab = workspace.open(content)
        workspace.activate(tab)
        sidePanelFocused = false
        needsRender = true
        return tab
    }
}
