import EditorCore
import Foundation
import NotebookFormat
import TermCore

/// Saving (with the changed-on-disk question), save as, rename and reload.
extension TextFileView {
    public func save() -> SaveOutcome {
        do {
            try document.save()
            if let app { document.discardRecovery(app.recovery) }
            return .saved("saved \(document.path)")
        } catch .changedOnDisk {
            askChangedOnDisk(overwrite: { [weak self] in self?.forceSave() },
                             reload: { [weak self] in self?.reload() },
                             saveElsewhere: { [weak self] in self?.promptSaveAs() })
            return .failed("\(document.title) changed on disk since it was read: not overwritten")
        } catch {
            return .failed("could not save: \(describe(error))")
        }
    }

    func forceSave() {
        trySave("saved \(document.path)") { () throws(NotebookFileError) in try document.save(force: true) }
    }

    func reload() {
        reloadFromDisk({ try document.reload() }, reset: { revealPending = true })
    }

    /// Commands about the document as a whole.
    func performDocumentCommand(_ command: CommandID) -> Bool {
        switch command.rawValue {
        case "docmanager:save-as": promptSaveAs()
        case "docmanager:rename": promptRename()
        case "docmanager:reload": reloadAsking { [weak self] in self?.reload() }
        default: return false
        }
        return true
    }

    func promptSaveAs() {
        app?.present(.prompt("Save as", message: "Save the file to:", initial: document.path) { [weak self] answer in
            guard let self, case let .button(0, text) = answer, !text.isEmpty else { return }
            let target = (text as NSString).expandingTildeInPath
            let old = self.document.path
            self.trySave("saved \(target)") { () throws(NotebookFileError) in try self.document.save(to: target) }
            if self.document.path != old, let app = self.app { app.recovery.discardText(for: old) }
        })
    }

    func promptRename() {
        app?.present(.prompt("Rename", message: "New path of the file:", initial: document.path) { [weak self] answer in
            guard let self, case let .button(0, text) = answer, !text.isEmpty, text != self.document.path else { return }
            let old = self.document.path
            do {
                try self.document.save(to: (text as NSString).expandingTildeInPath)
                try? FileManager.default.removeItem(atPath: old)
                self.app?.recovery.discardText(for: old)
                self.show("renamed to \(self.document.path)")
            } catch {
                self.show("could not rename: \(error)", error: true)
            }
        })
    }
}
