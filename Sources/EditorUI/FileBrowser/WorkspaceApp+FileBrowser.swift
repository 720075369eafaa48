import EditorCore
import Foundation
import NotebookFormat
import TermCore

extension WorkspaceApp {
    /// The workspace commands of the file browser; they act on the side panel's browser.
    static var fileBrowserHandlers: [CommandID: Handler] {
        var h: [CommandID: Handler] = [:]
        h["filebrowser:toggle-main"] = { app in
            app.sidePanelVisible = true
            app.sidePanelFocused = true
            app.fileBrowser.model.reload()
        }
        h["filebrowser:open"] = { $0.openBrowserSelection() }
        h["filebrowser:open-in-split"] = { app in
            app.split(.horizontal)
            app.openBrowserSelection()
        }
        h["filebrowser:go-up"] = { app in app.report(app.fileBrowser.model.goUp()) }
        h["filebrowser:go-home"] = { app in app.report(app.fileBrowser.model.go(to: FileManager.default.currentDirectoryPath)) }
        h["filebrowser:go-to-path"] = { app in
            app.present(.prompt("Go to folder", message: "Path:", initial: app.fileBrowser.model.folder) { [weak app] answer in
                guard let app, case let .button(0, text) = answer else { return }
                app.report(app.fileBrowser.model.go(to: (text as NSString).expandingTildeInPath))
            })
        }
        h["filebrowser:select-next"] = { $0.fileBrowser.model.move(1) }
        h["filebrowser:select-previous"] = { $0.fileBrowser.model.move(-1) }
        h["filebrowser:select-first"] = { $0.fileBrowser.model.selectFirst() }
        h["filebrowser:select-last"] = { $0.fileBrowser.model.selectLast() }
        h["filebrowser:toggle-mark"] = { $0.fileBrowser.model.toggleMark() }
        h["filebrowser:select-all"] = { $0.fileBrowser.model.markAll() }
        h["filebrowser:toggle-hidden-files"] = { app in
            app.fileBrowser.model.toggleHidden()
            app.show(app.fileBrowser.model.showHidden ? "hidden files shown" : "hidden files hidden")
        }
        h["filebrowser:filter"] = { $0.fileBrowser.isFiltering = true }
        h["filebrowser:refresh"] = { app in
            app.fileBrowser.model.reload()
            app.show("read \(app.fileBrowser.model.entries.count) entries")
        }
        h["filebrowser:toggle-details"] = { app in
            app.fileBrowser.showDetails.toggle()
            app.show(app.fileBrowser.showDetails ? "sizes and times shown" : "sizes and times hidden")
        }
        h["filebrowser:open-as-notebook"] = { app in
            if app.sidePanelFocused, let e = app.fileBrowser.model.selectedEntry, !e.isFolder {
                app.openAsNotebook(String(decoding: app.fileBrowser.model.path(of: e), as: UTF8.self))
            } else if let path = app.workspace.focusedContent?.path, !app.sidePanelFocused {
                app.openAsNotebook(path)
            } else {
                app.show("select a percent-format .py file to open as a notebook")
            }
        }
        h["filebrowser:open-terminal-here"] = { app in app.openTerminal(in: app.fileBrowser.model.folder) }
        h["filebrowser:copy-path"] = { app in
            guard let e = app.fileBrowser.model.selectedEntry else { return }
            let path = app.fileBrowser.model.displayPath(of: e)
            app.copiedText.append(path)
            app.show("copied \(path)")
        }
        h["filebrowser:create-new-file"] = { app in
            app.promptForName("New file", action: "created", open: true) { folder, name in try FileOperations.createFile(in: folder, name: name) }
        }
        h["filebrowser:create-new-directory"] = { $0.promptForName("New folder", action: "created") { folder, name in try FileOperations.createFolder(in: folder, name: name) } }
        h["filebrowser:create-new-notebook"] = { app in
            app.promptForName("New notebook", initial: Self.untitledNotebookName(in: app.fileBrowser.model.folder), action: "created", open: true) { folder, name in
                try FileOperations.createFile(in: folder, name: name, contents: Array(Self.emptyNotebook))
            }
        }
        h["filebrowser:rename"] = { app in
            guard let e = app.fileBrowser.model.selectedEntry else { return }
            app.promptForName("Rename \(e.name)", initial: e.name, action: "renamed") { folder, name in
                try FileOperations.rename(in: folder, e.rawName, to: name)
            }
        }
        h["filebrowser:duplicate"] = { app in
            guard let e = app.fileBrowser.model.selectedEntry else { return }
            app.fileOperation("duplicated") { try FileOperations.duplicate(in: app.fileBrowser.model.folder, e.rawName) }
        }
        h["filebrowser:delete"] = { $0.confirmDelete() }
        h["filebrowser:cut"] = { $0.putOnClipboard(move: true) }
        h["filebrowser:copy"] = { $0.putOnClipboard(move: false) }
        h["filebrowser:paste"] = { app in
            guard let clip = app.fileBrowser.model.clipboard else { app.show("nothing cut or copied"); return }
            let folder = app.fileBrowser.model.folder
            app.fileOperation(clip.move ? "moved" : "pasted") {
                let done = try FileOperations.paste(clip.paths, into: folder, move: clip.move)
                if clip.move { app.fileBrowser.model.clipboard = nil }
                return done.last ?? []
            }
        }
        return h
    }

    /// An empty nbformat 4.5 notebook for the default Python kernel, as nbformat writes it.
    static var emptyNotebook: Data { Notebook(metadata: NotebookDocument.python3Metadata).serialized() }

    /// `Untitled.ipynb`, or `Untitled1.ipynb` … when taken.
    static func untitledNotebookName(in folder: String) -> String {
        var n = 0
        while FileManager.default.fileExists(atPath: folder + "/Untitled\(n == 0 ? "" : String(n)).ipynb") { n += 1 }
        return "Untitled\(n == 0 ? "" : String(n)).ipynb"
    }

    /// Checks the shown folder for changes while the panel is visible.
    func tickFileBrowser(now: ContinuousClock.Instant) {
        guard sidePanelVisible, let fb = loadedFileBrowser else { return }
        if fb.scan(now: now) { needsRender = true }
    }

    /// When the file browser next checks its folder.
    var fileBrowserDeadline: ContinuousClock.Instant? {
        guard sidePanelVisible, let fb = loadedFileBrowser else { return nil }
        return fb.nextScan ?? now
    }

    /// The file browser of the side panel; it reads the start folder when first used.
    public var fileBrowser: FileBrowserPanel {
        if let fb = loadedFileBrowser { return fb }
        let fb = FileBrowserPanel(folder: FileBrowserPanel.startFolder)
        loadedFileBrowser = fb
        return fb
    }

    /// Draws the file browser once it is in use, else the side panel's introduction.
    func renderSidePanel(into buffer: inout CellBuffer, area: Rect) {
        if let fb = loadedFileBrowser ?? (sidePanelFocused ? fileBrowser : nil) {
            fb.render(into: &buffer, area: area, styles: styles, focused: sidePanelFocused)
        } else {
            SidePanelView.render(into: &buffer, area: area, styles: styles, focused: sidePanelFocused)
        }
    }

    /// The key context of the side panel.
    var sidePanelContext: KeyContext { .fileBrowser }

    /// Opens the selected entry: enters a folder, opens a file through the workspace's routing.
    func openBrowserSelection() {
        guard let e = fileBrowser.model.selectedEntry else { return }
        if e.isFolder { report(fileBrowser.model.enterSelected()); return }
        let path = fileBrowser.model.path(of: e)
        if e.isEscaped {
            open(TextViewer(Self.readOnly(path: path, title: e.name)))
            return
        }
        openFiles([String(decoding: path, as: UTF8.self)])
        sidePanelFocused = false
    }

    /// A file whose name is not UTF-8, read by its bytes and shown read-only (its path cannot be
    /// written as text, so it is not edited or saved).
    static func readOnly(path: [UInt8], title: String) -> ReadOnlyText {
        let display = FileOperations.display(path)
        do {
            let bytes = try FileOperations.read(path, limit: TextDocument.sizeLimit)
            let (text, _) = try TextDocument.decode(Data(bytes), path: display)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { [ScopedSpan(ReadOnlyText.sanitize(String($0)))] }
            return ReadOnlyText(title: title, path: display, lines: lines, note: "the name is not UTF-8: opened read-only")
        } catch let error as FileOperationError {
            return ReadOnlyText.notice(title: title, path: display, error.message)
        } catch {
            return ReadOnlyText.notice(title: title, path: display, "\(error)")
        }
    }

    static func describe(_ error: any Error) -> String { (error as? FileOperationError)?.message ?? "\(error)" }

    func report(_ error: FileOperationError?) {
        if let error { show(error.message, error: true) }
    }

    /// Runs an operation; on success re-reads the folder and selects the result (and opens it with
    /// `open`), on failure says why.
    func fileOperation(_ verb: String, open: Bool = false, _ body: () throws -> [UInt8]) {
        do {
            let path = try body()
            fileBrowser.model.reload()
            let name = Array(path.split(separator: UInt8(ascii: "/")).last ?? [])
            // A result the filter would hide is shown by clearing the filter.
            if !fileBrowser.model.isVisible(name) { fileBrowser.model.setFilter("") }
            fileBrowser.model.select(name)
            show("\(verb) \(FileOperations.display(name))")
            if open { openBrowserSelection() }
        } catch {
            fileBrowser.model.reload()
            show(Self.describe(error), error: true)
        }
    }

    func promptForName(_ title: String, initial: String = "", action: String, open: Bool = false,
                       _ body: @escaping (String, String) throws -> [UInt8]) {
        let folder = fileBrowser.model.folder
        present(.prompt(title, message: "Name:", initial: initial) { [weak self] answer in
            guard let self, case let .button(0, text) = answer else { return }
            self.fileOperation(action, open: open) { try body(folder, text) }
        })
    }

    func confirmDelete() {
        let targets = fileBrowser.model.targets
        guard !targets.isEmpty else { return }
        let paths = targets.map { fileBrowser.model.path(of: $0) }
        let what = targets.count == 1 ? targets[0].name : "\(targets.count) items"
        present(.confirm("Delete \(what)?", message: "This cannot be undone.", buttons: ["Delete", "Cancel"], defaultButton: 1) { [weak self] answer in
            guard let self, case .button(0, _) = answer else { return }
            do {
                try FileOperations.delete(paths)
                self.show("deleted \(what)")
            } catch {
                self.show(Self.describe(error), error: true)
            }
            self.fileBrowser.model.reload()
        })
    }

    func putOnClipboard(move: Bool) {
        let targets = fileBrowser.model.targets
        guard !targets.isEmpty else { return }
        fileBrowser.model.clipboard = .init(paths: targets.map { fileBrowser.model.path(of: $0) }, move: move)
        show("\(move ? "cut" : "copied") \(targets.count == 1 ? targets[0].name : "\(targets.count) items"); paste in another folder")
    }

    /// A key for the side panel that no binding took: the filter line's text.
    func fileBrowserInput(_ key: Key) {
        if fileBrowser.filterKey(key) { return }
        if case let .char(s) = key.code, key.modifiers.isEmpty {
            fileBrowser.isFiltering = true
            _ = fileBrowser.filterKey(Key(.char(s)))
        }
    }
}
