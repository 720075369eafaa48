import EditorCore

/// The system clipboard: text copied in cells and cell copies go to the terminal's clipboard through
/// OSC 52 when `clipboard.osc52` is on. The app only queues the text (`copiedText`); the shell writes
/// the sequence, wrapped for tmux when it runs inside tmux.
extension WorkspaceApp {
    /// Whether copies go to the system clipboard.
    public var systemClipboardEnabled: Bool { settings.configuration.osc52Clipboard }

    /// Queues `text` for the system clipboard when that is enabled.
    public func copyToSystemClipboard(_ text: String) {
        guard systemClipboardEnabled, !text.isEmpty else { return }
        copiedText.append(text)
    }

    /// The clipboard text editors copy to, or nil when the system clipboard is off.
    var systemClipboard: (any SystemClipboard)? {
        systemClipboardEnabled ? WorkspaceClipboard(app: self) : nil
    }
}

/// `SystemClipboard` for text editors in the workspace: copies go through
/// `WorkspaceApp.copyToSystemClipboard`. Terminals do not let programs read the clipboard, so
/// `paste()` has nothing; pasted text arrives as a bracketed paste.
final class WorkspaceClipboard: SystemClipboard {
    private weak var app: WorkspaceApp?

    init(app: WorkspaceApp) { self.app = app }

    func copy(_ text: String) { app?.copyToSystemClipboard(text) }

    func paste() -> String? { nil }
}
