import EditorCore
import Foundation
import NotebookFormat
import TermCore

extension WorkspaceApp {
    /// Opens each path in a tab by its kind (see `content(for:)`); a file already open shows its tab
    /// again; a folder is shown in the file browser. With no path, a welcome tab. The first file's tab
    /// is shown.
    public func openFiles(_ paths: [String]) {
        guard !paths.isEmpty else {
            open(WelcomeContent(keys: welcomeKeys))
            return
        }
        var first: TabID?
        for path in paths {
            if let tab = openTab(of: path) {
                first = first ?? tab
                continue
            }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                report(fileBrowser.model.go(to: path))
                sidePanelVisible = true
                sidePanelFocused = true
                continue
            }
            let tab = workspace.open(content(for: path))
            first = first ?? tab
        }
        if let first {
            workspace.activate(first)
            sidePanelFocused = false
        }
        needsRender = true
    }

    /// The tab already showing `path`, if any.
    func openTab(of path: String) -> TabID? {
        let wanted = Self.standardized(path)
        return workspace.groupOrder.flatMap { workspace.groups[$0]?.tabs ?? [] }
            .first { tab in workspace.contents[tab]?.path.map(Self.standardized) == wanted }
    }

    static func standardized(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    /// The tab content for a file: `.ipynb` in the notebook editor, PNG/JPEG/GIF in the image view,
    /// UTF-8 text in a text tab, anything else (NUL bytes, invalid UTF-8) as a "binary file" notice.
    func content(for path: String) -> any TabContent {
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "ipynb" { return notebookContent(path: path) }
        if Self.imageExtensions.contains(ext) { return ImageView(path: path) }
        return textContent(path: path)
    }

    /// File extensions opened in the image view.
    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif"]

    /// A text tab for `path`, or a read-only notice of why the file is not edited as text.
    func textContent(path: String) -> any TabContent {
        let title = (path as NSString).lastPathComponent
        do {
            let doc = try TextDocument.open(path: path, options: textEditingOptions)
            offerRecovery(doc)
            return makeTextFileView(doc)
        } catch let .tooLarge(path, _) {
            show("\(title) is too large to edit: opened read-only", error: true)
            return TextViewer(ReadOnlyText.load(path: path))
        } catch {
            return TextViewer(ReadOnlyText.notice(title: title, path: path, error.description))
        }
    }

    func makeTextFileView(_ doc: TextDocument) -> TextFileView {
        let view = TextFileView(document: doc, settings: settings)
        view.app = self
        view.startTimers(now: now, autosave: settings.configuration.autosaveInterval)
        return view
    }

    /// Offers a recovery copy of `doc` that differs from it: restore or discard.
    func offerRecovery(_ doc: TextDocument) {
        let recovery = self.recovery
        guard let copy = recovery.text(for: doc.path) else { return }
        guard copy != doc.state.text else { recovery.discardText(for: doc.path); return }
        present(.confirm("Recover \(doc.title)?", message: "Unsaved changes to \(doc.title) were kept when Callisto stopped.",
                         buttons: ["Restore", "Discard"], defaultButton: 0) { [weak self] answer in
            if case .button(0, _) = answer {
                doc.restore(copy)
                self?.show("restored unsaved changes of \(doc.title); save to keep them")
            } else if case .button(1, _) = answer {
                recovery.discardText(for: doc.path)
            }
            self?.needsRender = true
        })
    }

    /// Opens a jupytext percent-format script (`# %%` cells) in the notebook editor; saving writes
    /// the percent script back to the same file.
    public func openAsNotebook(_ path: String) {
        if let tab = openTab(of: path), let content = workspace.contents[tab] {
            if content is NotebookView { workspace.activate(tab); return }
            if content.isModified { show("\(content.title) has unsaved changes in its text tab: save or close it first", error: true); return }
            workspace.close(tab)
        }
        do {
            let doc = try NotebookDocument.openPercentScript(path: path, textOptions: textEditingOptions)
            offerRecovery(doc)
            open(makeNotebookView(doc))
            show("\(doc.title) opened as a notebook (\(doc.model.cells.count) cells); saving writes the percent script")
        } catch {
            show("cannot open \((path as NSString).lastPathComponent) as a notebook: \(error)", error: true)
        }
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
