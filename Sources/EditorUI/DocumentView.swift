import EditorCore
import NotebookFormat
import TermCore

/// A tab showing a document with a file: autosave, periodic recovery copies and the copies written
/// on SIGHUP and SIGTERM go through this, for notebooks and text files alike.
protocol DocumentView: TabContent {
    /// The document (shared by the views of one file).
    var recoverable: any RecoverableDocument { get }
    /// The view's timers.
    var timers: DocumentTimers { get set }
    /// The app, for status messages.
    var app: WorkspaceApp? { get }
}

extension DocumentView {
    /// When this view next has something to do.
    var deadline: ContinuousClock.Instant? { timers.deadline(modified: recoverable.isModified) }

    /// Starts the timers at `now` with autosave every `autosave` seconds (nil: off).
    func startTimers(now: ContinuousClock.Instant, autosave: Int?) {
        timers = DocumentTimers(now: now, autosaveSeconds: autosave)
    }

    /// Runs what is due at `now`.
    func tick(now: ContinuousClock.Instant, recovery: NotebookRecovery) {
        if let m = timers.tick(now: now, document: recoverable, recovery: recovery, title: title) { app?.show(m.text, error: m.isError) }
    }
}

extension DocumentView {
    /// Asks what to do about a file that changed on disk since it was read: overwrite it, reload it
    /// (dropping unsaved changes) or save elsewhere.
    func askChangedOnDisk(overwrite: @escaping () -> Void, reload: @escaping () -> Void, saveElsewhere: @escaping () -> Void) {
        app?.present(.confirm("\(title) changed on disk", message: "The file was changed by another program since it was read.",
                              buttons: ["Overwrite", "Reload", "Save elsewhere", "Cancel"], defaultButton: 3) { answer in
            guard case let .button(i, _) = answer else { return }
            switch i {
            case 0: overwrite()
            case 1: reload()
            case 2: saveElsewhere()
            default: break
            }
        })
    }

    /// Runs `reload` at once, or after asking when there are unsaved changes.
    func reloadAsking(_ reload: @escaping () -> Void) {
        guard recoverable.isModified else { reload(); return }
        app?.present(.confirm("Reload \(title)?", message: "Unsaved changes will be lost.", buttons: ["Reload", "Cancel"], defaultButton: 1) { answer in
            if case .button(0, _) = answer { reload() }
        })
    }

    /// Reads the file again with `read`, then lets the view `reset` its own state; says how it went.
    func reloadFromDisk(_ read: () throws -> Void, reset: () -> Void) {
        do {
            try read()
            reset()
            app?.show("reloaded \(path ?? title)")
        } catch {
            app?.show("could not reload: \(error)", error: true)
        }
    }

    /// Saves with `body`; on success the recovery copy goes and `message` shows, else the error.
    func trySave(_ message: String, _ body: () throws(NotebookFileError) -> Void) {
        do {
            try body()
            if let app { recoverable.discardRecovery(app.recovery) }
            app?.show(message)
        } catch {
            app?.show("could not save: \(describe(error))", error: true)
        }
    }

    /// A file error for the status bar: the file named by its title, not its whole path.
    func describe(_ error: NotebookFileError) -> String {
        guard let path, !path.isEmpty else { return error.description }
        return error.description.replacingOccurrences(of: path, with: title)
    }
}
