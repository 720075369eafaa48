import EditorCore
import Foundation
import TermCore
import TerminalEmulator

extension WorkspaceApp {
    /// The workspace commands of terminals.
    static var terminalHandlers: [CommandID: Handler] {
        var h: [CommandID: Handler] = [:]
        h["terminal:create-new"] = { $0.openTerminal() }
        h["terminal:restart"] = { app in
            guard let pane = app.workspace.focusedContent as? TerminalPane else { app.show("not a terminal"); return }
            app.openTerminal(in: pane.directory)
        }
        return h
    }

    /// The directory a new terminal starts in: the focused document's folder, else the current one.
    public var terminalDirectory: String {
        if let pane = workspace.focusedContent as? TerminalPane { return pane.directory }
        if let path = workspace.focusedContent?.path {
            let dir = (path as NSString).deletingLastPathComponent
            let absolute = dir.hasPrefix("/") ? dir : FileManager.default.currentDirectoryPath + (dir.isEmpty ? "" : "/" + dir)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: absolute, isDirectory: &isDir), isDir.boolValue { return absolute }
        }
        return FileManager.default.currentDirectoryPath
    }

    /// Opens a terminal running the configured shell (`terminal.shell`, else `$SHELL`, else /bin/sh)
    /// in `directory` in a new tab of the focused group.
    @discardableResult
    public func openTerminal(in directory: String? = nil) -> TerminalPane? {
        let config = settings.configuration
        let escape = Key.sequence(config.terminalEscapeKey)?.first ?? .ctrl("\\")
        var command = PtyCommand.shell()
        if !config.terminalShell.isEmpty { command.executable = config.terminalShell }
        let area = bodyArea(workspace.focused)
        let size = Size(width: max(2, area.width), height: max(2, area.height))
        do {
            let pane = try TerminalPane(command: command, directory: directory ?? terminalDirectory, size: size,
                                        escapeKey: escape, scrollback: config.terminalScrollback)
            open(pane)
            return pane
        } catch {
            show("terminal: \(error)", error: true)
            return nil
        }
    }

    /// Every terminal shown in a tab.
    public var terminalPanes: [TerminalPane] { workspace.allContents.compactMap { $0 as? TerminalPane } }

    /// Housekeeping after a loop turn: closes ended terminals whose tab asked for it, hangs up
    /// terminals whose tab was closed, reports bells. Returns the text copied in copy mode since the
    /// last call (for the OSC 52 clipboard).
    public func serviceTerminals() -> [String] {
        var copied = copiedText
        copiedText.removeAll()
        for (tab, content) in workspace.contents {
            guard let pane = content as? TerminalPane else { continue }
            if pane.needsRender { needsRender = true }
            if !pane.copied.isEmpty {
                copied += pane.copied
                let chars = pane.copied.last!.count
                pane.copied.removeAll()
                show("copied \(chars) characters")
            }
            if pane.wantsClose { workspace.close(tab) }
        }
        for closedTab in workspace.closed {
            if let pane = closedTab.content as? TerminalPane, !pane.isShutDown { pane.shutDown() }
        }
        return copied
    }

    /// Hangs up every terminal (on exit).
    public func shutDownTerminals() {
        for pane in terminalPanes { pane.shutDown() }
        for closedTab in workspace.closed { (closedTab.content as? TerminalPane)?.shutDown() }
    }
}
