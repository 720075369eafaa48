import Foundation
import Testing
import TestSupport
@testable import NotebookFormat

/// py:percent conversions against jupytext 1.19.6 on the generated corpus.
@Suite struct JupytextDifferentialTests {
    /// The corpus notebooks copied to a fresh folder with jupytext's scripts beside them.
    static let scripts: Result<URL, Error> = Result {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-jupytext")
        for input in try Reference.corpusInputs() {
            try FileManager.default.copyItem(at: input, to: dir.appendingPathComponent(input.lastPathComponent))
        }
        _ = try Reference.script("jupytext_batch.py", ["to-py", dir.path])
        // jupytext's own scripts become the inputs of the reverse direction.
        for py in try FileManager.default.contentsOfDirectory(atPath: dir.path) where py.hasSuffix(".jupytext.py") {
            let name = String(py.dropLast(".jupytext.py".count)) + ".py"
            try FileManager.default.copyItem(atPath: dir.appendingPathComponent(py).path,
                                             toPath: dir.appendingPathComponent(name).path)
        }
        _ = try Reference.script("jupytext_batch.py", ["to-ipynb", dir.path])
        return dir
    }

    @Test func notebookToPercentMatchesJupytextByteForByte() throws {
        let dir = try Self.scripts.get()
        var failures: [String] = []
        var checked = 0
        for input in try Reference.corpusInputs() {
            let notebook = try Notebook(data: Data(contentsOf: input))
            let mine = Data(PercentScript.script(from: notebook).utf8)
            let name = input.deletingPathExtension().lastPathComponent
            let theirs = try Data(contentsOf: dir.appendingPathComponent(name + ".jupytext.py"))
            checked += 1
            if mine != theirs { failures.append("\(name): \(firstDifference(mine, theirs))") }
        }
        #expect(checked >= 100)
        #expect(failures.isEmpty, "\(failures.count) scripts differ:\n\(failures.prefix(3).joined(separator: "\n"))")
    }

    @Test func percentToNotebookMatchesJupytextReading() throws {
        let dir = try Self.scripts.get()
        var failures: [String] = []
        var checked = 0
        for input in try Reference.corpusInputs() {
            let name = input.deletingPathExtension().lastPathComponent
            let script = try String(contentsOf: dir.appendingPathComponent(name + ".py"), encoding: .utf8)
            var mine = PercentScript.notebook(from: script).jsonObject
            let theirsValue = try JSONParser.parse(Data(contentsOf: dir.appendingPathComponent(name + ".jupytext.json")))
            var theirs = try #require(theirsValue.objectValue)
            Self.normalize(&mine)
            Self.normalize(&theirs)
            checked += 1
            if mine != theirs {
                failures.append("\(name):\n callisto \(JSONWriter.string(.object(mine)).prefix(1500))\n jupytext \(JSONWriter.string(.object(theirs)).prefix(1500))")
            }
        }
        #expect(checked >= 100)
        #expect(failures.isEmpty, "\(failures.count) notebooks differ:\n\(failures.prefix(2).joined(separator: "\n"))")
    }

    /// Ids are random on both sides; jupytext lists the cell metadata filter in set order.
    static func normalize(_ nb: inout JSONObject) {
        if case .array(var cells)? = nb["cells"] {
            for i in cells.indices {
                guard case .object(var c) = cells[i] else { continue }
                c.removeValue(forKey: "id")
                cells[i] = .object(c)
            }
            nb["cells"] = .array(cells)
        }
        if case .object(var m)? = nb["metadata"], case .object(var j)? = m["jupytext"],
           let filter = j["cell_metadata_filter"]?.stringValue {
            j["cell_metadata_filter"] = .string(filter.split(separator: ",").map(String.init).sorted().joined(separator: ","))
            m["jupytext"] = .object(j)
            nb["metadata"] = .object(m)
        }
    }
}
