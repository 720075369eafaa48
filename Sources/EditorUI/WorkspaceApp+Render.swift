import EditorCore
import TermCore

extension WorkspaceApp {
    /// Draws the whole screen into `buffer` (of the app's size); returns where the terminal cursor
    /// goes, or nil to hide it.
    @discardableResult
    public func render(into buffer: inout CellBuffer) -> Point? {
        needsRender = false
        buffer.clear(styles.style("default"))
        if isTooSmall {
            TooSmallView.render(into: &buffer, styles: styles)
            return nil
        }
        let panes = paneArea
        let frames = workspace.frames(in: panes)
        tabHits = [:]
        var cursor: Point?
        for (g, rect) in frames.groups {
            guard let group = workspace.groups[g] else { continue }
            let contents = group.tabs.compactMap { workspace.contents[$0] }
            let isFocused = g == workspace.focused && !(sidePanelFocused && sidePanelVisible)
            workspace.scrollTabs(g, widths: TabBarView.widths(contents, limit: max(8, rect.width / 2)), available: rect.width)
            let shown = workspace.groups[g] ?? group
            tabHits[g] = TabBarView.render(shown, contents: contents, into: &buffer, area: rect, styles: styles, focused: isFocused)
            let body = rect.inset(top: 1)
            if let content = shown.activeTab.flatMap({ workspace.contents[$0] }) {
                content.render(into: &buffer, area: body, styles: styles, focused: isFocused)
                if isFocused { cursor = content.cursor(in: body) }
            } else {
                renderEmpty(into: &buffer, area: body)
            }
        }
        BorderView.render(frames, focused: frames.groups.count > 1 ? frames.groups[workspace.focused] : nil, into: &buffer,
                          styles: styles, unicode: capabilities.unicodeLineDrawing)
        if let side = sidePanelArea {
            renderSidePanel(into: &buffer, area: side)
        }
        if statusBarVisible {
            StatusBarView.render(statusModel, into: &buffer, area: Rect(x: 0, y: size.height - 1, width: size.width, height: 1), styles: styles)
        }
        let screen = Rect(size: size)
        let aboveStatus = statusBarVisible ? screen.inset(bottom: 1) : screen
        if !pending.isEmpty {
            WhichKeyView.render(pending: pending, continuations: continuations, registry: registry, into: &buffer, area: aboveStatus, styles: styles)
        }
        if palette != nil {
            palette!.render(into: &buffer, area: aboveStatus, styles: styles)
            cursor = palette!.cursorPosition
        }
        if keyHelp != nil {
            keyHelp!.render(into: &buffer, area: aboveStatus, styles: styles)
            cursor = nil
        }
        if let dialog = dialogs.last {
            cursor = dialog.render(into: &buffer, area: screen, styles: styles)
        }
        return cursor
    }

    /// What the status bar shows now.
    public var statusModel: StatusBarModel {
        var model = StatusBarModel()
        if sidePanelFocused && sidePanelVisible {
            model.mode = "PANEL"
            model.title = "Side panel"
        } else if let content = workspace.focusedContent {
            let s = content.status
            model.mode = s.mode
            model.modeScope = s.modeScope
            model.title = content.title
            model.modified = content.isModified
            model.position = s.position
        } else {
            model.mode = "EMPTY"
        }
        if palette != nil { model.mode = "PALETTE" }
        if !dialogs.isEmpty { model.mode = "DIALOG" }
        model.pendingKeys = pending.notation
        model.message = message.map { ($0.text, $0.isError) }
        model.kernel = focusedKernelStatus ?? kernelStatus
        return model
    }

    private func renderEmpty(into buffer: inout CellBuffer, area: Rect) {
        buffer.fill(area, with: .blank(styles.style("ui.window")))
        let palette = settings.keymap.trie(for: .global).displayBindings(for: "apputils:activate-command-palette").first?.notation ?? "the palette"
        let text = "No tabs here. \(palette): commands."
        buffer.draw(text, at: Point(x: area.x + 1, y: area.y + 1), style: styles.style("ui.text.dim"), clip: area)
    }
}
