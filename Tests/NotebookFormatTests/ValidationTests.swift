import Foundation
import Testing
import TestSupport
@testable import NotebookFormat

@Suite struct ValidationTests {
    /// A valid 4.5 notebook with one cell of each type and every output type.
    static let base = """
        {"cells": [
          {"cell_type": "markdown", "id": "m1", "metadata": {"tags": ["a"]}, "source": "# T",
           "attachments": {"x.png": {"image/png": "iVBOR"}}},
          {"cell_type": "code", "id": "c1", "metadata": {"collapsed": false, "scrolled": "auto",
             "execution": {"iopub.status.busy": "2026-11-21T10:00:00Z"}, "jupyter": {"source_hidden": true}},
           "execution_count": 1, "source": "print(1)", "outputs": [
             {"output_type": "stream", "name": "stdout", "text": "1\\n"},
             {"output_type": "display_data", "data": {"text/plain": "x", "application/json": {"a": [1]}}, "metadata": {}},
             {"output_type": "execute_result", "execution_count": 1, "data": {"text/plain": ["a", "b"]}, "metadata": {}},
             {"output_type": "error", "ename": "E", "evalue": "v", "traceback": ["t"]}]},
          {"cell_type": "raw", "id": "r1", "metadata": {"format": "text/html"}, "source": "<b>"}],
         "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}, "language_info": {"name": "python"},
                      "title": "T", "authors": [{"name": "A"}]},
         "nbformat": 4, "nbformat_minor": 5}
        """

    /// JSON edits that make the base notebook invalid, with the path Callisto must name.
    static let mutations: [(name: String, edit: @Sendable (inout JSONObject) -> Void, path: String)] = [
        ("extra-top-key", { $0["extra"] = 1 }, "extra"),
        ("nbformat-3-minor", { $0["nbformat_minor"] = -1 }, "nbformat_minor"),
        ("kernelspec-no-name", { edit(&$0, ["metadata", "kernelspec"]) { $0["name"] = nil } }, "metadata.kernelspec.name"),
        ("kernelspec-display-int", { edit(&$0, ["metadata", "kernelspec"]) { $0["display_name"] = 3 } },
         "metadata.kernelspec.display_name"),
        ("language-info-no-name", { edit(&$0, ["metadata", "language_info"]) { $0["name"] = nil } },
         "metadata.language_info.name"),
        ("title-int", { edit(&$0, ["metadata"]) { $0["title"] = 1 } }, "metadata.title"),
        ("cell-extra-key", { editCell(&$0, 0) { $0["foo"] = 1 } }, "cells[0].foo"),
        ("cell-no-source", { editCell(&$0, 0) { $0["source"] = nil } }, "cells[0].source"),
        ("cell-no-metadata", { editCell(&$0, 2) { $0["metadata"] = nil } }, "cells[2].metadata"),
        ("cell-bad-id", { editCell(&$0, 0) { $0["id"] = "bad id!" } }, "cells[0].id"),
        ("cell-long-id", { editCell(&$0, 0) { $0["id"] = .string(String(repeating: "a", count: 65)) } }, "cells[0].id"),
        ("cell-unknown-type", { editCell(&$0, 2) { $0["cell_type"] = "heading" } }, "cells[2].cell_type"),
        ("code-attachments", { editCell(&$0, 1) { $0["attachments"] = .object([:]) } }, "cells[1].attachments"),
        ("code-no-outputs", { editCell(&$0, 1) { $0["outputs"] = nil } }, "cells[1].outputs"),
        ("negative-count", { editCell(&$0, 1) { $0["execution_count"] = -1 } }, "cells[1].execution_count"),
        ("string-count", { editCell(&$0, 1) { $0["execution_count"] = "1" } }, "cells[1].execution_count"),
        ("float-count", { editCell(&$0, 1) { $0["execution_count"] = 1.5 } }, "cells[1].execution_count"),
        ("source-list-of-ints", { editCell(&$0, 0) { $0["source"] = [1, 2] } }, "cells[0].source[0]"),
        ("tags-comma", { editCell(&$0, 0) { $0["metadata"] = ["tags": ["a,b"]] } }, "cells[0].metadata.tags[0]"),
        ("tags-repeated", { editCell(&$0, 0) { $0["metadata"] = ["tags": ["a", "a"]] } }, "cells[0].metadata.tags[1]"),
        ("name-empty", { editCell(&$0, 0) { $0["metadata"] = ["name": ""] } }, "cells[0].metadata.name"),
        ("scrolled-bad", { editCell(&$0, 1) { $0["metadata"] = ["scrolled": "yes"] } }, "cells[1].metadata.scrolled"),
        ("collapsed-bad", { editCell(&$0, 1) { $0["metadata"] = ["collapsed": 1] } }, "cells[1].metadata.collapsed"),
        ("execution-int", { editCell(&$0, 1) { $0["metadata"] = ["execution": ["shell.execute_reply": 1]] } },
         "cells[1].metadata.execution[\"shell.execute_reply\"]"),
        ("raw-format-int", { editCell(&$0, 2) { $0["metadata"] = ["format": 1] } }, "cells[2].metadata.format"),
        ("output-unknown", { editOutput(&$0, 0) { $0["output_type"] = "future" } }, "cells[1].outputs[0].output_type"),
        ("output-no-type", { editOutput(&$0, 0) { $0["output_type"] = nil } }, "cells[1].outputs[0].output_type"),
        ("stream-no-name", { editOutput(&$0, 0) { $0["name"] = nil } }, "cells[1].outputs[0].name"),
        ("stream-extra", { editOutput(&$0, 0) { $0["transient"] = .object([:]) } }, "cells[1].outputs[0].transient"),
        ("display-no-metadata", { editOutput(&$0, 1) { $0["metadata"] = nil } }, "cells[1].outputs[1].metadata"),
        ("mime-int", { editOutput(&$0, 1) { $0["data"] = ["text/plain": 1] } }, "cells[1].outputs[1].data[\"text/plain\"]"),
        ("result-no-count", { editOutput(&$0, 2) { $0["execution_count"] = nil } }, "cells[1].outputs[2].execution_count"),
        ("error-traceback-string", { editOutput(&$0, 3) { $0["traceback"] = "t" } }, "cells[1].outputs[3].traceback"),
        ("error-no-evalue", { editOutput(&$0, 3) { $0["evalue"] = nil } }, "cells[1].outputs[3].evalue"),
        ("id-in-4.4", { $0["nbformat_minor"] = 4 }, "cells[0].id"),
    ]

    static func edit(_ o: inout JSONObject, _ path: [String], _ body: (inout JSONObject) -> Void) {
        guard let first = path.first else { return body(&o) }
        var child = o[first]?.objectValue ?? [:]
        edit(&child, Array(path.dropFirst()), body)
        o[first] = .object(child)
    }

    static func editCell(_ nb: inout JSONObject, _ index: Int, _ body: (inout JSONObject) -> Void) {
        var cells = nb["cells"]!.arrayValue!
        var cell = cells[index].objectValue!
        body(&cell)
        cells[index] = .object(cell)
        nb["cells"] = .array(cells)
    }

    static func editOutput(_ nb: inout JSONObject, _ index: Int, _ body: (inout JSONObject) -> Void) {
        editCell(&nb, 1) { cell in
            var outputs = cell["outputs"]!.arrayValue!
            var o = outputs[index].objectValue!
            body(&o)
            outputs[index] = .object(o)
            cell["outputs"] = .array(outputs)
        }
    }

    static func mutated(_ index: Int) throws -> JSONObject {
        var nb = try JSONParser.parse(base).objectValue!
        mutations[index].edit(&nb)
        return nb
    }

    @Test func theBaseNotebookIsValid() throws {
        let nb = try Notebook(data: Data(Self.base.utf8))
        #expect(NotebookValidator.validate(nb) == [])
    }

    @Test(arguments: 0..<mutations.count)
    func eachMutationIsReportedAtItsPath(_ index: Int) throws {
        let nb = try Notebook(data: JSONWriter.serialize(.object(try Self.mutated(index))))
        let issues = NotebookValidator.validate(nb)
        #expect(issues.contains { $0.path == Self.mutations[index].path },
                "\(Self.mutations[index].name): \(issues.map(\.description))")
    }

    @Test func duplicateIdsAreRepairedOnReadLikeNbformat() throws {
        var nb = try JSONParser.parse(Self.base).objectValue!
        Self.editCell(&nb, 2) { $0["id"] = "m1" }
        Self.editCell(&nb, 1) { $0["id"] = nil }
        let result = try NotebookReader.read(JSONWriter.serialize(.object(nb)))
        #expect(result.warnings.count == 2)
        #expect(Set(result.notebook.cells.compactMap(\.id)).count == 3)
        #expect(NotebookValidator.validate(result.notebook) == [])
        var model = result.notebook
        model.cells[2].id = "m1"
        #expect(NotebookValidator.validate(model).map(\.path) == ["cells[2].id"])
    }

    @Test func newerMinorVersionsAreRelaxed() throws {
        var nb = try JSONParser.parse(Self.base).objectValue!
        nb["nbformat_minor"] = 7
        nb["future_key"] = true
        Self.editCell(&nb, 2) { $0["cell_type"] = "future_cell"; $0["payload"] = 1 }
        let result = try NotebookReader.read(JSONWriter.serialize(.object(nb)))
        #expect(result.warnings.contains { $0.contains("4.7") })
        #expect(NotebookValidator.validate(result.notebook) == [])
    }

    @Test func verdictsAgreeWithNbformat() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-validate")
        var files: [String: Notebook] = [:]
        for i in Self.mutations.indices {
            let name = "m\(i)-\(Self.mutations[i].name).ipynb"
            let data = JSONWriter.serialize(.object(try Self.mutated(i)))
            try data.write(to: dir.appendingPathComponent(name))
            files[name] = try Notebook(data: data)
        }
        try Data(Self.base.utf8).write(to: dir.appendingPathComponent("base.ipynb"))
        files["base.ipynb"] = try Notebook(data: Data(Self.base.utf8))
        for input in try Reference.corpusInputs() {
            let name = "corpus-" + input.lastPathComponent
            try FileManager.default.copyItem(at: input, to: dir.appendingPathComponent(name))
            files[name] = try Notebook(data: Data(contentsOf: input))
        }
        let verdicts = try Reference.script("validate_batch.py", [dir.path]).stdoutText
        var disagreements: [String] = []
        var valid = 0, invalid = 0
        for line in verdicts.split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let nb = try #require(files[parts[0]])
            let issues = NotebookValidator.validate(nb)
            let theirs = parts[1] == "valid"
            if theirs { valid += 1 } else { invalid += 1 }
            if issues.isEmpty != theirs {
                disagreements.append("\(parts[0]): nbformat \(parts.dropFirst().joined(separator: " ")); callisto \(issues)")
            }
        }
        #expect(valid >= 10 && invalid >= 40)
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
    }
}
