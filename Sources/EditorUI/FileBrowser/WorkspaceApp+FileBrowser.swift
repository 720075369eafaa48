import EditorCore
import Foundation
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
            app.fileBrowser.showDetails.toggle()
        }
        h["filebrowser:open-terminal-here"] = { app in app.openTerminal(in: app.fileBrowser.model.folder) }
        h["filebrowser:copy-path"] = { app in
            guard let e = app.fileBrowser.model.selectedEntry else { return }
            let path = app.fileBrowser.model.displayPath(of: e)
            app.copiedText.append(path)
            app.show("copied \(path)")
        }
        h["filebrowser:create-new-file"] = { $0.promptForName("New file", action: "created") { folder, name in try FileOperations.createFile(in: folder, name: name) } }
        h["filebrowser:create-new-directory"] = { $0.promptForName("New folder", action: "created") { folder, name in try FileOperations.createFolder(in: folder, name: name) } }
        h["filebrowser:create-new-notebook"] = { app in
            app.promptForName("New notebook", initial: "Untitled.ipynb", action: "created") { folder, name in
                try FileOperations.createFile(in: folder, name: name, contents: Array(Self.emptyNotebook.utf8))
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

    static let emptyNotebook = """
    {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}

    """

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
        openFiles([String(decoding: path, as: UTF8.self)])
        sidePanelFocused = false
    }

    static func describe(_ error: any Error) -> String { (error as? FileOperationError)?.message ?? "\(error)" }

    func report(_ error: FileOperationError?) {
        if let error { show(error.message, error: true) }
    }

    /// Runs an operation; on success re-reads the folder and selects the result, on failure says why.
    func fileOperation(_ verb: String, _ body: () throws -> [UInt8]) {
        do {
            let path = try body()
            fileBrowser.model.reload()
            let name = Array(path.split(separator: UInt8(ascii: "/")).last ?? [])
            fileBrowser.model.select(name)
            show("\(verb) \(FileOperations.display(name))")
        } catch {
            fileBrowser.model.reload()
            show(Self.describe(error), error: true)
        }
    }

    func promptForName(_ title: String, initial: String = "", action: String, _ body: @escaping (String, String) throws -> [UInt8]) {
        let folder = fileBrowser.model.folder
        present(.prompt(title, message: "Name:", initial: initial) { [weak self] answer in
            guard let self, case let .button(0, text) = answer else { return }
            self.fileOperation(action) { try body(folder, text) }
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
