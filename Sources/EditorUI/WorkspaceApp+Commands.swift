import EditorCore
import TermCore

extension WorkspaceApp {
    typealias Handler = @Sendable (WorkspaceApp) -> Void

    /// The commands the workspace itself performs. Every other command goes to the focused content.
    static let handlers: [CommandID: Handler] = {
        var h: [CommandID: Handler] = [:]
        h["application:quit"] = { $0.quit() }
        h["application:close"] = { $0.closeTab() }
        h["application:close-all"] = { $0.closeTabs(all: true) }
        h["application:close-other-tabs"] = { $0.closeTabs(all: false) }
        h["application:reopen-closed"] = { app in
            if app.workspace.reopenClosed() == nil { app.show("no closed tab to reopen") }
        }
        h["application:activate-next-tab"] = { $0.workspace.cycleTab(1) }
        h["application:activate-previous-tab"] = { $0.workspace.cycleTab(-1) }
        h["application:activate-previously-used-tab"] = { $0.workspace.activatePreviouslyUsedTab() }
        h["application:move-tab-left"] = { $0.workspace.moveTab(by: -1) }
        h["application:move-tab-right"] = { $0.workspace.moveTab(by: 1) }
        h["application:move-tab-to-next-pane"] = { app in
            if !app.workspace.moveTabToNextGroup() { app.show("there is no other pane; split first (<C-w> v)") }
        }
        h["application:split-right"] = { $0.split(.horizontal) }
        h["application:split-down"] = { $0.split(.vertical) }
        h["application:close-pane"] = { app in
            if app.workspace.groups.count == 1 { app.show("this is the only pane") } else { app.workspace.closeGroup() }
        }
        h["application:focus-next-pane"] = { $0.focusCycle(1) }
        h["application:focus-previous-pane"] = { $0.focusCycle(-1) }
        h["application:focus-pane-left"] = { $0.focus(.left) }
        h["application:focus-pane-right"] = { $0.focus(.right) }
        h["application:focus-pane-up"] = { $0.focus(.up) }
        h["application:focus-pane-down"] = { $0.focus(.down) }
        h["application:grow-pane"] = { $0.resizeFocused(grow: true) }
        h["application:shrink-pane"] = { $0.resizeFocused(grow: false) }
        h["application:equalize-panes"] = { $0.workspace.equalize() }
        h["application:toggle-maximize-pane"] = { app in
            if app.workspace.groups.count == 1 { app.show("there is only one pane") } else { app.workspace.toggleMaximize() }
        }
        h["application:toggle-left-area"] = { app in
            app.sidePanelVisible.toggle()
            if !app.sidePanelVisible { app.sidePanelFocused = false }
        }
        h["application:focus-side-panel"] = { app in
            app.sidePanelVisible = true
            app.sidePanelFocused = true
        }
        h["application:toggle-statusbar"] = { $0.statusBarVisible.toggle() }
        h["application:reset-layout"] = { app in
            while app.workspace.groups.count > 1 { app.workspace.closeGroup(app.workspace.groupOrder.last!) }
            app.sidePanelVisible = true
        }
        h["application:redraw"] = { $0.requests.append(.redraw) }
        h["application:suspend"] = { $0.requests.append(.suspend) }
        h["apputils:activate-command-palette"] = { app in
            app.keyHelp = nil
            let context = app.keyContext == .palette ? .global : app.keyContext
            app.palette = CommandPalette(registry: app.registry, trie: app.settings.keymap.trie(for: context))
        }
        h["apputils:display-shortcuts"] = { app in
            app.palette = nil
            app.keyHelp = KeyHelpView(keymap: app.settings.keymap, context: app.keyContext, registry: app.registry)
        }
        h["apputils:change-theme"] = { $0.chooseTheme() }
        h["apputils:toggle-mouse"] = { app in
            app.mouseEnabled.toggle()
            app.requests.append(.mouse(app.mouseEnabled))
            app.show(app.mouseEnabled ? "mouse on" : "mouse off: the terminal selects text")
        }
        h["help:which-key"] = { app in
            if app.pending.isEmpty { app.show("no key sequence started") }
        }
        h["help:cancel-sequence"] = { $0.pending = [] }
        h["docmanager:save"] = { $0.save() }
        h["docmanager:new-untitled-notebook"] = { $0.newNotebook() }
        h["docmanager:save-all"] = { app in
            let modified = app.workspace.allContents.filter(\.isModified)
            if modified.isEmpty { app.show("nothing to save") }
            for c in modified { app.report(c.save()) }
        }
        h["palette:select-next"] = { $0.palette?.move(1) }
        h["palette:select-previous"] = { $0.palette?.move(-1) }
        h["palette:page-down"] = { $0.palette?.page(1) }
        h["palette:page-up"] = { $0.palette?.page(-1) }
        h["palette:close"] = { $0.palette = nil }
        h["palette:run"] = { app in
            guard let command = app.palette?.selection?.id else { return }
            app.palette = nil
            app.run(command)
        }
        h["dialog:accept"] = { app in
            guard let d = app.dialogs.last else { return }
            app.finishDialog(d.acceptAnswer)
        }
        h["dialog:cancel"] = { $0.finishDialog(.cancelled) }
        h["dialog:focus-next"] = { app in if !app.dialogs.isEmpty { app.dialogs[app.dialogs.count - 1].focus(1) } }
        h["dialog:focus-previous"] = { app in if !app.dialogs.isEmpty { app.dialogs[app.dialogs.count - 1].focus(-1) } }
        h.merge(terminalHandlers) { mine, _ in mine }
        h.merge(fileBrowserHandlers) { mine, _ in mine }
        return h
    }()

    /// The commands the workspace performs itself.
    public static var handledCommands: Set<CommandID> { Set(handlers.keys) }

    func split(_ axis: SplitAxis) {
        let paneRoom = axis == .horizontal ? paneArea.width : paneArea.height
        let needed = workspace.layout.minimumSize(workspace.geometry.minimumPane)
        let current = axis == .horizontal ? needed.width : needed.height
        let minimum = axis == .horizontal ? workspace.geometry.minimumPane.width : workspace.geometry.minimumPane.height
        if current + 1 + minimum > paneRoom {
            show("not enough room to split \(axis == .horizontal ? "right" : "down")")
            return
        }
        workspace.split(axis, showing: workspace.focusedContent?.makeView())
        sidePanelFocused = false
    }

    func focus(_ direction: Direction) {
        if sidePanelFocused {
            if direction == .right { sidePanelFocused = false }
            return
        }
        if !workspace.focusNeighbour(direction, in: paneArea) {
            if direction == .left && sidePanelVisible { sidePanelFocused = true; return }
            show("no pane \(direction == .left ? "on the left" : direction == .right ? "on the right" : direction == .up ? "above" : "below")")
        }
    }

    func focusCycle(_ step: Int) {
        sidePanelFocused = false
        workspace.focusCycle(step)
    }

    func resizeFocused(grow: Bool) {
        guard workspace.groups.count > 1 else { show("there is only one pane"); return }
        let axis = workspace.layout.path(to: workspace.focused).flatMap { path -> SplitAxis? in
            guard let parent = workspace.layout.node(at: Array(path.dropLast())), case let .split(a, _, _, _) = parent else { return nil }
            return a
        } ?? .horizontal
        let step = axis == .horizontal ? 4 : 2
        workspace.resizeFocused(by: grow ? step : -step, in: paneArea)
    }

    func closeTab() {
        guard let content = workspace.focusedContent else { show("no tab to close"); return }
        guard content.isModified else { workspace.close(); return }
        present(.confirm("Close \(content.title)?", message: "\(content.title) has unsaved changes.",
                         buttons: ["Save", "Discard", "Cancel"], defaultButton: 0) { [weak self] answer in
            guard let self, case let .button(i, _) = answer, i < 2 else { return }
            if i == 0, case let .failed(why) = content.save() { self.show(why, error: true); return }
            if let tab = self.workspace.contents.first(where: { $0.value === content })?.key { self.workspace.close(tab) }
        })
    }

    func closeTabs(all: Bool) {
        let group = workspace.focusedGroup
        let tabs = all ? workspace.groupOrder.flatMap { workspace.groups[$0]?.tabs ?? [] } : group.tabs.filter { $0 != group.activeTab }
        let modified = tabs.filter { workspace.contents[$0]?.isModified == true }
        let closeAll = { [weak self] in for t in tabs.reversed() { self?.workspace.close(t) } }
        if modified.isEmpty { closeAll(); return }
        present(.confirm("Close \(tabs.count) tabs?", message: "\(modified.count) of them have unsaved changes that will be lost.",
                         buttons: ["Discard and close", "Cancel"], defaultButton: 1) { answer in
            if case .button(0, _) = answer { closeAll() }
        })
    }

    func quit() {
        let modified = workspace.allContents.filter(\.isModified)
        guard !modified.isEmpty else { shouldQuit = true; return }
        let names = modified.map(\.title).joined(separator: ", ")
        present(.confirm("Quit Callisto?", message: "Unsaved changes in \(names) will be lost.",
                         buttons: ["Quit", "Cancel"], defaultButton: 1) { [weak self] answer in
            if case .button(0, _) = answer { self?.shouldQuit = true }
        })
    }

    func save() {
        guard let content = workspace.focusedContent else { show("no document to save"); return }
        report(content.save())
    }

    func report(_ outcome: SaveOutcome) {
        switch outcome {
        case let .saved(m), let .notApplicable(m): show(m)
        case let .failed(m): show(m, error: true)
        }
    }
}
