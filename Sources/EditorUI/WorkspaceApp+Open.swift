import EditorCore
import TermCore

extension WorkspaceApp {
    /// Opens each path in a tab (notebooks in the notebook editor, other files read-only); with no
    /// path, a welcome tab. The first file's tab is shown.
    public func openFiles(_ paths: [String]) {
        guard !paths.isEmpty else {
            open(WelcomeContent(keys: welcomeKeys))
            return
        }
        var first: TabID?
        for path in paths {
            let content: any TabContent = path.lowercased().hasSuffix(".ipynb") ? notebookContent(path: path) : TextViewer(ReadOnlyText.load(path: path))
            let tab = workspace.open(content)
            first = first ?? tab
        }
        if let first { workspace.activate(first) }
        needsRender = true
    }

    /// The first keys to know, from the live keymap.
    var welcomeKeys: [(String, String)] {
        let commands: [CommandID] = [
            "apputils:activate-command-palette", "apputils:display-shortcuts", "application:split-right",
            "application:split-down", "application:focus-next-pane", "application:activate-next-tab",
            "application:toggle-left-area", "application:close", "application:quit",
        ]
        let trie = settings.keymap.trie(for: .global)
        return commands.compactMap { id in
            guard let b = trie.displayBindings(for: id).first, let info = registry[id] else { return nil }
            return (b.notation, info.title)
        }
    }

    /// Adopts what the terminal turned out to support once it was entered (colours, line drawing).
    public func update(capabilities: TerminalCapabilities) {
        self.capabilities = capabilities
        styles = StyleSheet(theme: settings.theme, monochrome: capabilities.prefersReverseVideo)
        needsRender = true
    }
}
