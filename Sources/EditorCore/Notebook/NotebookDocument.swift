import Foundation
import NotebookFormat

/// A notebook open for editing, tied to its file: the editing model, whether it changed since it
/// was loaded or saved, and saving through the safe writer (refusing to overwrite a file that
/// changed on disk unless forced). Several views of one document share it.
public final class NotebookDocument {
    public var model: NotebookModel
    /// The file (path, fingerprint of what was read or written).
    public private(set) var file: NotebookFile
    private var savedChangeCount: Int
    /// Warnings from reading the file.
    public let warnings: [String]
    /// Whether the file is a jupytext percent script (`.py` with `# %%` cells), written back as one.
    public internal(set) var isPercentScript = false
    /// Whether the percent script had a jupytext `# ---` header (one is written only then).
    var percentScriptHeader = false

    /// A document of a notebook read from `file`.
    public init(file: NotebookFile, textOptions: TextEditingOptions = TextEditingOptions()) {
        self.file = file
        model = NotebookModel(file.notebook, textOptions: textOptions)
        savedChangeCount = 0
        warnings = file.warnings
        self.file.notebook.cells = []
    }

    /// Opens the notebook at `path`.
    public static func open(path: String, textOptions: TextEditingOptions = TextEditingOptions()) throws(NotebookFileError) -> NotebookDocument {
        NotebookDocument(file: try NotebookFile.open(path: path), textOptions: textOptions)
    }

    /// The metadata of a new notebook: the `python3` kernelspec and Python as its language.
    public static let python3Metadata: JSONObject = [
        "kernelspec": .object(["display_name": .string("Python 3 (ipykernel)"), "language": .string("python"), "name": .string("python3")]),
        "language_info": .object(["name": .string("python")]),
    ]

    /// A new, empty nbformat 4.5 notebook (Python kernel) to be saved at `path`.
    public static func new(path: String, textOptions: TextEditingOptions = TextEditingOptions()) -> NotebookDocument {
        let doc = NotebookDocument(file: NotebookFile(path: path, notebook: Notebook(metadata: python3Metadata)), textOptions: textOptions)
        doc.savedChangeCount = -1
        return doc
    }

    /// The file's path.
    public var path: String { file.path }

    /// The file name.
    public var title: String { (path as NSString).lastPathComponent }

    /// Whether there are unsaved changes (a new notebook counts as changed until saved).
    public var isModified: Bool { model.changeCount != savedChangeCount }

    /// Whether the file changed on disk since it was read or saved.
    public var changedOnDisk: Bool { (try? file.changedOnDisk()) ?? false }

    /// Saves to the file (or to `newPath`, which then becomes the document's file). Without `force`
    /// a file changed on disk is not overwritten (`NotebookFileError.changedOnDisk`). A notebook
    /// whose cells did not change is written byte for byte as it was read.
    public func save(to newPath: String? = nil, force: Bool = false) throws(NotebookFileError) {
        for i in model.cells.indices { model.cells[i].syncSource() }
        var target = file
        target.notebook = model.notebook
        if let newPath, newPath != file.path {
            target = NotebookFile(path: newPath, notebook: target.notebook)
        }
        if isPercentScript {
            try savePercentScript(&target, force: force || newPath != nil && newPath != file.path)
        } else {
            try target.save(force: force || newPath != nil && newPath != file.path)
        }
        // Ids repaired by the writer go back into the cells.
        for (i, c) in target.notebook.cells.enumerated() where model.cells[i].cell.id != c.id {
            model.cells[i].cell.id = c.id
        }
        target.notebook.cells = []
        file = target
        savedChangeCount = model.changeCount
    }

    /// Reads the file again, dropping unsaved changes.
    public func reload() throws(NotebookFileError) {
        let fresh = isPercentScript ? try Self.percentScriptFile(path: file.path).0 : try NotebookFile.open(path: file.path)
        model = model.reloaded(fresh.notebook)
        file = fresh
        file.notebook.cells = []
        savedChangeCount = model.changeCount
    }
}
