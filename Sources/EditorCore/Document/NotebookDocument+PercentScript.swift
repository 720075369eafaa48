import Foundation
import NotebookFormat

/// Notebooks kept as jupytext percent scripts: a `.py` file whose `# %%` markers start cells, read
/// and written with `PercentScript` (jupytext's `py:percent`), saved safely like any notebook.
extension NotebookDocument {
    /// Opens the percent script at `path` as a notebook.
    public static func openPercentScript(path: String, textOptions: TextEditingOptions = TextEditingOptions()) throws(NotebookFileError) -> NotebookDocument {
        let (file, header) = try percentScriptFile(path: path)
        let doc = NotebookDocument(file: file, textOptions: textOptions)
        doc.isPercentScript = true
        doc.percentScriptHeader = header
        return doc
    }

    /// The percent script at `path` read as a notebook file (with the fingerprint of the script), and
    /// whether it starts with a jupytext header.
    static func percentScriptFile(path: String) throws(NotebookFileError) -> (NotebookFile, header: Bool) {
        let (data, fingerprint) = try SafeFile.read(path)
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .system(path: path, operation: "read", message: "not UTF-8 text")
        }
        var file = NotebookFile(path: path, notebook: PercentScript.notebook(from: text))
        file.fingerprint = fingerprint
        return (file, text.hasPrefix("# ---"))
    }

    /// Writes `file`'s notebook as a percent script, refusing to overwrite a file changed on disk
    /// unless `force`.
    func savePercentScript(_ file: inout NotebookFile, force: Bool) throws(NotebookFileError) {
        if !force, try file.changedOnDisk() { throw .changedOnDisk(path: file.path) }
        var script = PercentScript.script(from: file.notebook)
        if !percentScriptHeader { script = Self.withoutHeader(script) }
        file.fingerprint = try SafeFile.write(Data(script.utf8), to: file.path)
    }

    /// `script` without its leading `# ---` … `# ---` metadata header and the blank line after it.
    static func withoutHeader(_ script: String) -> String {
        guard script.hasPrefix("# ---\n"), let end = script.range(of: "\n# ---\n") else { return script }
        var rest = script[end.upperBound...]
        if rest.hasPrefix("\n") { rest = rest.dropFirst() }
        return String(rest)
    }
}
