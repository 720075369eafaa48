import EditorCore
import Foundation
import NotebookFormat
import Testing
import TestSupport

@Suite("Notebook document: saving through the safe writer")
struct NotebookDocumentTests {
    /// A notebook written by nbformat itself, with outputs and metadata.
    static func nbformatNotebook(at path: String) throws {
        let code = """
        import nbformat, sys
        from nbformat.v4 import new_notebook, new_code_cell, new_markdown_cell, new_output
        nb = new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
        nb.cells = [new_markdown_cell("# Title\\nSome *text* – ünïcode"),
                    new_code_cell("x = 1\\nprint(x)", execution_count=1, outputs=[new_output("stream", name="stdout", text="1\\n")]),
                    new_code_cell("x", execution_count=2, outputs=[new_output("execute_result", data={"text/plain": "1"}, execution_count=2)])]
        nbformat.write(nb, sys.argv[1])
        """
        let r = try ProcessRunner.python(code, arguments: [path])
        #expect(r.status == 0, "\(r.stderrText)")
    }

    @Test func unchangedNotebookSavesByteIdentical() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-nbdoc")
        let path = dir.appendingPathComponent("a.ipynb").path
        try Self.nbformatNotebook(at: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let doc = try NotebookDocument.open(path: path)
        #expect(!doc.isModified)
        doc.model.moveActive(by: 1)
        try doc.save()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func editsChangeOnlyTheEditedParts() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-nbdoc")
        let path = dir.appendingPathComponent("b.ipynb").path
        try Self.nbformatNotebook(at: path)
        let doc = try NotebookDocument.open(path: path)
        doc.model.select(1)
        doc.model.enterEditMode()
        doc.model.editActive { $0.setCursor(TextPosition(line: 0, column: 4)) }
        doc.model.editActive { $0.type("2", now: 0) }
        #expect(doc.isModified)
        try doc.save()
        #expect(!doc.isModified)
        let r = try ProcessRunner.python("""
        import nbformat, sys
        nb = nbformat.read(sys.argv[1], as_version=4)
        nbformat.validate(nb)
        print(nb.cells[1].source)
        print(nb.cells[1].outputs[0].text, end="")
        print(nb.cells[0].source.splitlines()[0])
        """, arguments: [path])
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(r.stdoutText == "x = 21\nprint(x)\n1\n# Title\n")
    }

    @Test func changedOnDiskIsNotOverwrittenUnlessForced() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-nbdoc")
        let path = dir.appendingPathComponent("c.ipynb").path
        try Self.nbformatNotebook(at: path)
        let doc = try NotebookDocument.open(path: path)
        doc.model.insertCell(below: true)
        try Self.nbformatNotebook(at: path)
        try "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(doc.changedOnDisk)
        #expect(throws: NotebookFileError.changedOnDisk(path: path)) { try doc.save() }
        try doc.save(force: true)
        let saved = try NotebookFile.open(path: path)
        #expect(saved.notebook.cells.count == 4)
    }

    @Test func saveAsMovesTheDocumentAndReloadDropsChanges() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-nbdoc")
        let path = dir.appendingPathComponent("d.ipynb").path
        try Self.nbformatNotebook(at: path)
        let doc = try NotebookDocument.open(path: path)
        doc.model.deleteSelected()
        let other = dir.appendingPathComponent("e.ipynb").path
        try doc.save(to: other)
        #expect(doc.path == other)
        #expect(try NotebookFile.open(path: other).notebook.cells.count == 2)
        #expect(try NotebookFile.open(path: path).notebook.cells.count == 3)
        doc.model.deleteSelected()
        try doc.reload()
        #expect(doc.model.cells.count == 2)
        #expect(!doc.isModified)
    }

    @Test func newNotebookIsModifiedAndValidOnceSaved() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-nbdoc")
        let path = dir.appendingPathComponent("new.ipynb").path
        let doc = NotebookDocument.new(path: path)
        #expect(doc.isModified)
        doc.model.enterEditMode()
        doc.model.editActive { $0.type("print('hi')", now: 0) }
        doc.model.enterCommandMode()
        doc.model.insertCell(below: true, type: .markdown, source: "# Notes")
        try doc.save()
        let r = try ProcessRunner.python("""
        import nbformat, sys
        nb = nbformat.read(sys.argv[1], as_version=4)
        nbformat.validate(nb)
        print([c.cell_type for c in nb.cells], [c.source for c in nb.cells])
        """, arguments: [path])
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(r.stdoutText.hasPrefix("['code', 'markdown'] [\"print('hi')\", '# Notes']"))
    }

    @Test func damagedFileGivesALocatedError() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-nbdoc")
        let path = dir.appendingPathComponent("bad.ipynb").path
        try "{\"cells\": [\n  {\"cell_type\": \"code\",, }\n]}".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try NotebookDocument.open(path: path)
            Issue.record("a damaged file opened")
        } catch {
            #expect("\(error)".contains("line 2"), "\(error)")
        }
    }
}
