import EditorCore
import Foundation
import NotebookFormat
import TermCore

/// Saving (with the changed-on-disk question), save as, rename, reload, find and replace, go to cell.
extension NotebookView {
    public func save() -> SaveOutcome {
        do {
            try document.save()
            app?.recovery.discard(for: document.path)
            return .saved("saved \(document.path)")
        } catch .changedOnDisk {
            askChangedOnDisk()
            return .failed("\(document.title) changed on disk since it was read: not overwritten")
        } catch {
            return .failed("could not save: \(error)")
        }
    }

    /// Overwrite, reload or save elsewhere, for a file that changed on disk.
    func askChangedOnDisk() {
        askChangedOnDisk(overwrite: { [weak self] in
            guard let self else { return }
            self.trySave("saved \(self.document.path)") { () throws(NotebookFileError) in try self.document.save(force: true) }
        }, reload: { [weak self] in self?.reload() }, saveElsewhere: { [weak self] in self?.promptSaveAs() })
    }

    func reload() {
        reloadFromDisk({ try document.reload() }, reset: {
            topCell = 0
            topRow = 0
        })
    }

    /// Commands about the document as a whole.
    func performDocumentCommand(_ command: CommandID) -> Bool {
        switch command.rawValue {
        case "docmanager:save-as": promptSaveAs()
        case "docmanager:rename": promptRename()
        case "docmanager:reload": reloadAsking { [weak self] in self?.reload() }
        case "documentsearch:start": promptFind(replace: false)
        case "documentsearch:start-with-replace": promptFind(replace: true)
        case "documentsearch:highlight-next": findNext(forward: true)
        case "documentsearch:highlight-previous": findNext(forward: false)
        case "documentsearch:end": search = nil
        default: return false
        }
        return true
    }

    func promptSaveAs() {
        app?.present(.prompt("Save as", message: "Save the notebook to:", initial: document.path) { [weak self] answer in
            guard let self, case let .button(0, text) = answer, !text.isEmpty else { return }
            self.trySave("saved \(text)") { () throws(NotebookFileError) in try self.document.save(to: text) }
        })
    }

    func promptRename() {
        app?.present(.prompt("Rename", message: "New path of the notebook:", initial: document.path) { [weak self] answer in
            guard let self, case let .button(0, text) = answer, !text.isEmpty, text != self.document.path else { return }
            let old = self.document.path
            if FileManager.default.fileExists(atPath: text) {
                self.show("\(text) exists already: not renamed", error: true)
                return
            }
            do {
                try self.document.save(to: text)
                try? FileManager.default.removeItem(atPath: old)
                self.show("renamed to \(text)")
            } catch {
                self.show("could not rename: \(error)", error: true)
            }
        })
    }

    func promptGoToCell() {
        app?.present(.prompt("Go to cell", message: "Cell number (1–\(model.cells.count)):") { [weak self] answer in
            guard let self, case let .button(0, text) = answer else { return }
            guard let n = Int(text.trimmingCharacters(in: .whitespaces)), n >= 1, n <= self.model.cells.count else {
                self.show("no cell \(text)", error: true)
                return
            }
            self.model.enterCommandMode()
            self.model.select(n - 1)
            self.revealPending = true
        })
    }

    /// The find dialog: the buttons choose plain or regular expression, ignoring or matching case.
    func promptFind(replace: Bool) {
        let buttons = ["Find", "Match case", "Regex", "Regex, match case", "Cancel"]
        app?.present(Dialog(title: replace ? "Find and replace" : "Find", message: "Search all cells for:", buttons: buttons,
                            focused: 0, text: search?.pattern ?? "") { [weak self] answer in
            guard let self, case let .button(i, text) = answer, i < 4 else { return }
            do {
                let s = try NotebookSearch(text, isRegex: i >= 2, caseSensitive: i == 1 || i == 3)
                self.search = s
                if replace { self.promptReplace(s) } else { self.findNext(forward: true) }
            } catch let error as NotebookSearch.InvalidPattern {
                self.show(error.description, error: true)
            } catch {
                self.show("\(error)", error: true)
            }
        })
    }

    func promptReplace(_ s: NotebookSearch) {
        let count = s.matches(in: model).count
        guard count > 0 else { show("no match for \(s.pattern)"); return }
        app?.present(.prompt("Replace", message: "Replace \(count) match\(count == 1 ? "" : "es") of \(s.pattern) with:") { [weak self] answer in
            guard let self, case let .button(0, text) = answer else { return }
            let n = self.model.replaceAll(s, with: text)
            self.revealPending = true
            self.show("replaced \(n) match\(n == 1 ? "" : "es") (z undoes)")
        })
    }

    /// Goes to the next (or previous) match: the cell is edited with the match selected.
    func findNext(forward: Bool) {
        guard let s = search else { promptFind(replace: false); return }
        var offset = forward ? -1 : Int.max
        if model.mode == .edit, let e = model.activeCell.editor {
            offset = e.buffer.utf16Offset(of: forward ? e.selection.start : e.selection.start)
        }
        guard let match = s.next(in: model, from: model.active, offset: offset, forward: forward) else {
            show("no match for \(s.pattern)")
            return
        }
        model.enterCommandMode()
        model.select(match.cell)
        model.enterEditMode()
        model.editActive { state in
            let start = state.buffer.position(utf16Offset: match.range.lowerBound)
            let end = state.buffer.position(utf16Offset: match.range.upperBound)
            state.selection = Selection(anchor: start, head: end)
        }
        revealPending = true
        let all = s.matches(in: model)
        let k = (all.firstIndex(of: match) ?? 0) + 1
        show("match \(k) of \(all.count)")
    }

    /// Edits the active cell's source in `$VISUAL`/`$EDITOR`: the screen is left while it runs.
    func editExternally() {
        let cell = model.activeCell
        let ext = cell.cellType == .code ? (model.language == "python" ? "py" : model.language) : cell.cellType == .markdown ? "md" : "txt"
        do {
            let editor = try ExternalEditor.prepare(text: cell.source, fileExtension: ext, environment: editorEnvironment)
            model.enterCommandMode()
            pendingExternal = (editor, cell.uid)
            app?.requests.append(.runProgram(editor.command))
        } catch {
            show("cannot start the editor: \(error)", error: true)
        }
    }

    /// The external editor exited with `status`: its text replaces the cell's source (undoable).
    func externalEditorFinished(status: Int32) {
        guard let (editor, uid) = pendingExternal else { return }
        pendingExternal = nil
        defer { editor.cleanUp() }
        guard status == 0 else {
            show("\(editor.editor) exited with status \(status): the cell is unchanged", error: true)
            return
        }
        do {
            let text = try editor.readResult()
            guard let index = model.cells.firstIndex(where: { $0.uid == uid }) else { return }
            if model.setSource(text, at: index) { show("cell \(index + 1) updated from \(editor.editor)") }
            revealPending = true
        } catch {
            show("\(error)", error: true)
        }
    }
}
