import EditorCore
import Foundation
import NotebookFormat
import TermCore

/// Opening notebooks for editing, new notebooks, their timers and recovery copies.
extension WorkspaceApp {
    /// The tab content for a `.ipynb` path: the notebook editor, a new notebook for a path that does
    /// not exist yet, or (for a damaged file) its text read-only, with the located error as message.
    func notebookContent(path: String) -> any TabContent {
        do {
            let doc = try NotebookDocument.open(path: path, textOptions: textEditingOptions)
            if !doc.warnings.isEmpty { show("\(doc.title): \(doc.warnings.joined(separator: "; "))") }
            offerRecovery(doc)
            return makeNotebookView(doc)
        } catch .notFound {
            let doc = NotebookDocument.new(path: path, textOptions: textEditingOptions)
            offerRecovery(doc)
            return makeNotebookView(doc)
        } catch {
            // The located error goes to the status bar; the file is shown as text to look at.
            show("cannot open as a notebook: \(error)", error: true)
            return TextViewer(ReadOnlyText.load(path: path))
        }
    }

    func makeNotebookView(_ doc: NotebookDocument) -> NotebookView {
        let view = NotebookView(document: doc, settings: settings)
        view.app = self
        view.startTimers(now: now, autosave: settings.configuration.autosaveInterval)
        return view
    }

    /// Text options for notebook cells from the configuration.
    var textEditingOptions: TextEditingOptions {
        var o = TextEditingOptions()
        o.tabWidth = settings.configuration.tabWidth
        o.autoCloseBrackets = settings.configuration.autoCloseBrackets
        return o
    }

    /// Opens a new untitled notebook (`Untitled.ipynb`, `Untitled1.ipynb`, … not yet on disk or open).
    public func newNotebook(directory: String = FileManager.default.currentDirectoryPath) {
        let open = Set(workspace.allContents.compactMap(\.path))
        var n = 0
        var path: String
        repeat {
            path = (directory as NSString).appendingPathComponent("Untitled\(n == 0 ? "" : String(n)).ipynb")
            n += 1
        } while FileManager.default.fileExists(atPath: path) || open.contains(path)
        self.open(makeNotebookView(.new(path: path, textOptions: textEditingOptions)))
        show("new notebook \(path) (not saved yet)")
    }

    /// A program run with `Request.runProgram` exited with `status`.
    public func programFinished(status: Int32) {
        for view in notebookViews { view.externalEditorFinished(status: status) }
        needsRender = true
    }

    // MARK: Recovery and timers

    /// Where recovery copies go (`$XDG_STATE_HOME/callisto/recovery`).
    public var recovery: NotebookRecovery { NotebookRecovery.fromEnvironment() }

    /// Every open notebook view.
    var notebookViews: [NotebookView] { workspace.allContents.compactMap { $0 as? NotebookView } }

    /// Every open view of a document with a file (notebooks, text files).
    var documentViews: [any DocumentView] { workspace.allContents.compactMap { $0 as? any DocumentView } }

    /// Writes a recovery copy of every modified document (on SIGHUP and SIGTERM); returns how many.
    @discardableResult
    public func writeRecoveryCopies() -> Int {
        var seen = Set<ObjectIdentifier>()
        var written = 0
        for view in documentViews where seen.insert(ObjectIdentifier(view.recoverable)).inserted {
            if view.recoverable.writeRecovery(recovery) { written += 1 }
        }
        return written
    }

    /// Runs the documents' timers (autosave, periodic recovery copies).
    func tickDocuments(now: ContinuousClock.Instant) {
        let views = documentViews
        let recovery = self.recovery
        crashSnapshots?.refresh(notebookViews.map(\.document), recovery: recovery, now: now)
        guard !views.isEmpty else { return }
        for view in views where (view.deadline.map { now >= $0 } ?? false) {
            view.tick(now: now, recovery: recovery)
            needsRender = true
        }
    }

    /// The next time a document timer (or a crash snapshot) is due.
    var documentDeadline: ContinuousClock.Instant? { (documentViews.compactMap(\.deadline) + [crashSnapshots?.due].compactMap { $0 }).min() }

    /// Offers a recovery copy of `doc` that differs from it: restore or discard.
    func offerRecovery(_ doc: NotebookDocument) {
        let recovery = self.recovery
        guard let copy = recovery.copy(for: doc.path) else { return }
        guard copy.cells != doc.model.notebook.cells else { recovery.discard(for: doc.path); return }
        present(.confirm("Recover \(doc.title)?", message: "Unsaved changes to \(doc.title) were kept when Callisto stopped (\(copy.cells.count) cells).",
                         buttons: ["Restore", "Discard"], defaultButton: 0) { [weak self] answer in
            if case .button(0, _) = answer {
                doc.restore(copy)
                self?.show("restored unsaved changes of \(doc.title); save to keep them")
            } else if case .button(1, _) = answer {
                recovery.discard(for: doc.path)
            }
            self?.needsRender = true
        })
    }
}
