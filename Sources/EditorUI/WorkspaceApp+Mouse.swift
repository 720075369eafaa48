import EditorCore
import TermCore

extension WorkspaceApp {
    /// Mouse reports go to what is under the pointer: split borders (drag to resize), tab bars
    /// (click to show a tab), the side panel, or a pane's content (click focuses, the wheel scrolls).
    func handleMouse(_ event: MouseEvent) {
        let p = event.position
        if !dialogs.isEmpty || keyHelp != nil { return }
        if palette != nil {
            switch event.kind {
            case .scrollUp: palette?.move(-1)
            case .scrollDown: palette?.move(1)
            case .press: if !CommandPalette.frame(in: Rect(size: size)).contains(p) { palette = nil }
            default: break
            }
            return
        }
        if isTooSmall { return }
        let panes = paneArea
        let frames = workspace.frames(in: panes)
        switch event.kind {
        case .press(.left):
            if let border = frames.border(at: p) { dragging = border.path; return }
            if let side = sidePanelArea, side.contains(p) { sidePanelFocused = true; return }
            guard let g = frames.group(at: p), let rect = frames.groups[g] else { return }
            sidePanelFocused = false
            if p.y == rect.y {
                if let hit = tabHits[g]?.first(where: { $0.columns.contains(p.x) }) { workspace.activate(group: g, index: hit.index) }
                else { workspace.focus(g) }
                return
            }
            workspace.focus(g)
            _ = workspace.focusedContent?.handleMouse(event, area: rect.inset(top: 1))
        case .drag(.left):
            if let path = dragging { workspace.dragBorder(path, to: p, in: panes) }
        case .release:
            dragging = nil
        case .scrollUp, .scrollDown, .scrollLeft, .scrollRight:
            guard let g = frames.group(at: p), let rect = frames.groups[g], let tab = workspace.groups[g]?.activeTab,
                  let content = workspace.contents[tab] else { return }
            _ = content.handleMouse(event, area: rect.inset(top: 1))
        default:
            break
        }
    }
}
