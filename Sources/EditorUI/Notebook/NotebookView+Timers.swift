import EditorCore
import NotebookFormat
import TermCore

/// Autosave (the configured interval; 0 turns it off) and periodic recovery copies, run from the
/// app's timers.
extension NotebookView: DocumentView {
    var recoverable: any RecoverableDocument { document }
}
