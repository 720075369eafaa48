import EditorCore
import Foundation
import TermCore

/// Saving the workspace (regularly, on exit and on hang-up) and bringing it back at the next start:
/// the split tree, tabs, shown tabs, focus, side panel, each document's view position, and terminals
/// as fresh shells in the directories they were in.
extension WorkspaceApp {
    /// Starts as `launch` says: restores its workspace (or opens `paths`, or a welcome tab), opens
    /// `paths` on top of a restored one, and keeps saving to its `save` key.
    public func start(paths: [String], launch: WorkspaceLaunch, store: WorkspaceStore) {
        if let key = launch.save { workspaceSaver = WorkspaceSaver(store: store, key: key) }
        var restored = false
        if let key = launch.restore {
            switch store.load(key) {
            case .none: break
            case let .loaded(snapshot): restored = restore(snapshot)
            case let .unreadable(message): show(message, error: true)
            }
        }
        // On top of a restored workspace a file already open shows its tab (`openFiles` does that).
        if !restored || !paths.isEmpty { openFiles(paths) }
        // A fresh start counts as a change: the workspace is written at the first interval.
        workspaceSaver?.noteActivity(now: now)
    }

    // MARK: Saving

    /// What the workspace is now, as it would be saved.
    public func workspaceSnapshot(directory: String = FileManager.default.currentDirectoryPath) -> WorkspaceSnapshot {
        let panel = WorkspaceSnapshot.SidePanel(visible: sidePanelVisible, focused: sidePanelFocused,
                                                folder: loadedFileBrowser?.model.folder,
                                                showHidden: loadedFileBrowser?.model.showHidden ?? false)
        return WorkspaceSnapshot(workspace: workspace, directory: directory, sidePanel: panel) { Self.describe($0) }
    }

    /// What a tab shows, for the saved workspace; nil for tabs that are not kept.
    static func describe(_ content: any TabContent) -> WorkspaceSnapshot.Tab? {
        let view = (content as? any ViewStateRestorable)?.viewState
        switch content {
        case let pane as TerminalPane:
            return .init(kind: .terminal, directory: pane.currentDirectory)
        case is WelcomeContent:
            return .init(kind: .welcome)
        case is NotebookView:
            return content.path.map { .init(kind: .notebook, path: standardized($0), view: view) }
        case is TextViewer, is TextFileView:
            return content.path.map { .init(kind: .text, path: standardized($0), view: view) }
        default:
            return content.path.map { .init(kind: .document, path: standardized($0), view: view) }
        }
    }

    /// Paths for a message: relative to the working directory when inside it.
    static func display(_ paths: [String]) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return paths.map { $0.hasPrefix(cwd) ? String($0.dropFirst(cwd.count)) : $0 }.joined(separator: ", ")
    }

    /// Saves the workspace now if it is saved at all and changed since the last save (on exit, on
    /// SIGHUP and SIGTERM). A failure is a status message. Returns whether a file was written.
    @discardableResult
    public func saveWorkspace() -> Bool {
        guard let saver = workspaceSaver else { return false }
        var directory = FileManager.default.currentDirectoryPath
        if case let .directory(d) = saver.key { directory = d }
        let snapshot = workspaceSnapshot(directory: directory)
        let before = saver.lastSaved
        if let error = saver.write(snapshot) { show(error, error: true) }
        return saver.lastSaved != before
    }

    /// The regular save, from `tick`: runs when a change has waited the saver's interval.
    func saveWorkspaceIfDue(now: ContinuousClock.Instant) {
        guard let saver = workspaceSaver, saver.isDue(now: now) else { return }
        saveWorkspace()
    }

    // MARK: Restoring

    /// Replaces the workspace by `snapshot`'s; documents that no longer exist are left out and named
    /// in the status bar. Returns false (and changes nothing) when nothing of it could be opened.
    @discardableResult
    public func restore(_ snapshot: WorkspaceSnapshot) -> Bool {
        let previous = workspace
        workspace = snapshot.makeWorkspaceFrame()
        var missing: [String] = []
        var movedTerminals: [String] = []
        for (i, group) in snapshot.groups.enumerated() {
            let g = GroupID(i)
            workspace.focus(g)
            var shown: Int?
            for (j, tab) in group.tabs.enumerated() {
                guard let content = openRestored(tab, missing: &missing, moved: &movedTerminals) else { continue }
                if let view = tab.view, let restorable = content as? any ViewStateRestorable { restorable.restore(view) }
                if j <= group.active { shown = (workspace.groups[g]?.tabs.count ?? 1) - 1 }
            }
            workspace.activate(group: g, index: shown ?? 0)
        }
        for g in workspace.groupOrder where workspace.groups[g]?.isEmpty == true { workspace.closeGroup(g) }
        guard !workspace.allContents.isEmpty else {
            workspace = previous
            if !missing.isEmpty { show("the saved workspace's files no longer exist: \(Self.display(missing))", error: true) }
            return false
        }
        workspace.focus(GroupID(snapshot.focusedGroup))
        if snapshot.maximized && workspace.maximized == nil { workspace.toggleMaximize() }
        restoreSidePanel(snapshot.sidePanel)
        if !missing.isEmpty {
            show("not found, left out of the restored workspace: \(Self.display(missing))", error: true)
        } else if !movedTerminals.isEmpty {
            show("folders gone, terminals started in the working directory instead: \(Self.display(movedTerminals))", error: true)
        }
        workspaceSaver?.lastSaved = snapshot
        needsRender = true
        return true
    }

    /// Opens one saved tab in the focused group; nil (and the path in `missing`) when its file is gone.
    private func openRestored(_ tab: WorkspaceSnapshot.Tab, missing: inout [String], moved: inout [String]) -> (any TabContent)? {
        switch tab.kind {
        case .welcome:
            workspace.open(WelcomeContent(keys: welcomeKeys))
        case .terminal:
            var isDir: ObjCBool = false
            let dir = tab.directory ?? FileManager.default.currentDirectoryPath
            let exists = FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) && isDir.boolValue
            if !exists { moved.append(dir) }
            guard openTerminal(in: exists ? dir : FileManager.default.currentDirectoryPath) != nil else { return nil }
        case .notebook, .text, .document:
            guard let path = tab.path else { return nil }
            guard FileManager.default.fileExists(atPath: path) else { missing.append(path); return nil }
            if let open = openTab(of: path).flatMap({ workspace.contents[$0] }) {
                // Another pane of the same document, as a split makes it: one document, two views.
                workspace.open(open.makeView())
            } else {
                workspace.open(content(for: path))
            }
        }
        return workspace.focusedContent
    }

    private func restoreSidePanel(_ panel: WorkspaceSnapshot.SidePanel) {
        sidePanelVisible = panel.visible
        sidePanelFocused = panel.visible && panel.focused
        guard panel.folder != nil || panel.showHidden else { return }
        let browser = fileBrowser
        if let folder = panel.folder, folder != browser.model.folder, browser.model.go(to: folder) != nil {
            show("the file browser's folder \(folder) cannot be read any more", error: true)
        }
        if browser.model.showHidden != panel.showHidden { browser.model.toggleHidden() }
    }
}

extension TerminalPane {
    /// The directory the program is in now (its working directory from `/proc`), else the one it
    /// started in.
    public var currentDirectory: String {
        guard !isShutDown, case .running = state,
              let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(session.process.pid)/cwd"),
              cwd.hasPrefix("/") else { return directory }
        return cwd
    }
}
