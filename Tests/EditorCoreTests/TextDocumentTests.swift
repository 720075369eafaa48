import EditorCore
import Foundation
import NotebookFormat
import Testing
import TestSupport

@Suite("Text document: safe save, changes on disk, recovery copies")
struct TextDocumentTests {
    static func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-textdoc")
        let path = dir.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    @Test func editAndSaveWritesTheTextKeepingModeLineEndingsAndBOM() throws {
        let path = try Self.file("crlf.txt", [0xEF, 0xBB, 0xBF] + Array("one\r\ntwo\r\n".utf8))
        #expect(chmod(path, 0o640) == 0)
        let doc = try TextDocument.open(path: path)
        #expect(doc.state.buffer.lines == ["one", "two", ""])
        #expect(!doc.isModified)
        doc.state.setCursor(TextPosition(line: 1, column: 3))
        doc.state.type("!", now: 0)
        #expect(doc.isModified)
        try doc.save()
        #expect(!doc.isModified)
        #expect(try Self.bytes(path) == [0xEF, 0xBB, 0xBF] + Array("one\r\ntwo!\r\n".utf8))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o640)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
        #expect(leftovers == ["crlf.txt"], "no temporary file is left: \(leftovers)")
    }

    @Test func aFileChangedOnDiskIsNotOverwrittenUnlessForced() throws {
        let path = try Self.file("a.py", Array("x = 1\n".utf8))
        let doc = try TextDocument.open(path: path)
        doc.state.type("# mine\n", now: 0)
        try Data("x = 2  # theirs, longer\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(doc.changedOnDisk)
        #expect(throws: NotebookFileError.changedOnDisk(path: path)) { try doc.save() }
        #expect(try Self.bytes(path) == Array("x = 2  # theirs, longer\n".utf8))
        try doc.save(force: true)
        #expect(try Self.bytes(path) == Array("# mine\nx = 1\n".utf8))
        #expect(!doc.changedOnDisk)
    }

    @Test func reloadTakesTheFileAsItIsNow() throws {
        let path = try Self.file("r.md", Array("# Old\n".utf8))
        let doc = try TextDocument.open(path: path)
        doc.state.type("draft ", now: 0)
        try Data("# New\n".utf8).write(to: URL(fileURLWithPath: path))
        try doc.reload()
        #expect(doc.state.text == "# New\n")
        #expect(!doc.isModified && !doc.changedOnDisk)
    }

    @Test func saveAsMovesTheDocumentAndRefusesToReplaceAFile() throws {
        let path = try Self.file("s.txt", Array("text\n".utf8))
        let other = (path as NSString).deletingLastPathComponent + "/other.txt"
        try Data("keep\n".utf8).write(to: URL(fileURLWithPath: other))
        let doc = try TextDocument.open(path: path)
        #expect(throws: NotebookFileError.self) { try doc.save(to: other) }
        #expect(try Self.bytes(other) == Array("keep\n".utf8))
        let fresh = (path as NSString).deletingLastPathComponent + "/fresh.txt"
        try doc.save(to: fresh)
        #expect(doc.path == fresh && doc.title == "fresh.txt")
        #expect(try Self.bytes(fresh) == Array("text\n".utf8))
    }

    @Test func binaryFilesAreRefusedWithTheReason() throws {
        let nul = try Self.file("nul.bin", [0x61, 0x00, 0x62])
        #expect(throws: TextDocument.OpenError.binary(path: nul, size: 3, reason: "it contains NUL bytes")) { try TextDocument.open(path: nul) }
        let latin1 = try Self.file("latin1.txt", [0x63, 0x61, 0x66, 0xE9, 0x0A])
        #expect(throws: TextDocument.OpenError.binary(path: latin1, size: 5, reason: "it is not valid UTF-8")) { try TextDocument.open(path: latin1) }
        let error = TextDocument.OpenError.binary(path: latin1, size: 5, reason: "it is not valid UTF-8")
        #expect(error.description.contains("latin1.txt is a binary file"))
    }

    @Test func aMissingFileIsANewEmptyDocumentSavedOnDemand() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-textdoc")
        let path = dir.appendingPathComponent("new.toml").path
        let doc = try TextDocument.open(path: path)
        #expect(doc.state.text == "" && !doc.isOnDisk && doc.language == "toml")
        doc.state.type("a = 1\n", now: 0)
        try doc.save()
        #expect(try Self.bytes(path) == Array("a = 1\n".utf8))
    }

    @Test func unreadableFilesSayWhy() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-textdoc")
        #expect(throws: TextDocument.OpenError.file(.isDirectory(path: dir.path))) { try TextDocument.open(path: dir.path) }
        // A pipe would block the reader until someone writes: refused before opening.
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(throws: TextDocument.OpenError.special(path: fifo)) { try TextDocument.open(path: fifo) }
    }

    @Test func recoveryCopiesAreWrittenOnlyForUnsavedChangesAndDiscarded() throws {
        let path = try Self.file("rec.py", Array("print(1)\n".utf8))
        let state = try ProjectPaths.makeTemporaryDirectory("callisto-textdoc-state")
        let recovery = NotebookRecovery(directory: state.appendingPathComponent("callisto/recovery").path)
        let doc = try TextDocument.open(path: path)
        #expect(!doc.writeRecovery(recovery))
        #expect(recovery.text(for: path) == nil)
        doc.state.type("import os\n", now: 0)
        #expect(doc.writeRecovery(recovery))
        #expect(recovery.text(for: path) == "import os\nprint(1)\n")
        // The copy is a plain text file named after the path, beside the notebooks' copies.
        #expect(recovery.textCopyPath(for: path).hasSuffix("-rec.py.text"))
        let reopened = try TextDocument.open(path: path)
        reopened.restore(try #require(recovery.text(for: path)))
        #expect(reopened.state.text == "import os\nprint(1)\n" && reopened.isModified)
        doc.discardRecovery(recovery)
        #expect(recovery.text(for: path) == nil)
    }

    @Test func timersAutosaveAndKeepRecoveryCopies() throws {
        let path = try Self.file("t.txt", Array("a\n".utf8))
        let state = try ProjectPaths.makeTemporaryDirectory("callisto-textdoc-state")
        let recovery = NotebookRecovery(directory: state.path)
        let doc = try TextDocument.open(path: path)
        let start = ContinuousClock.now
        var timers = DocumentTimers(now: start, autosaveSeconds: 60)
        #expect(timers.deadline(modified: false) == start.advanced(by: .seconds(60)))
        doc.state.type("b", now: 0)
        #expect(timers.deadline(modified: true) == start.advanced(by: DocumentTimers.recoveryInterval))
        #expect(timers.tick(now: start.advanced(by: .seconds(30)), document: doc, recovery: recovery, title: doc.title) == nil)
        #expect(recovery.text(for: path) == "ba\n")
        #expect(try Self.bytes(path) == Array("a\n".utf8))
        let saved = timers.tick(now: start.advanced(by: .seconds(60)), document: doc, recovery: recovery, title: doc.title)
        #expect(saved?.text == "autosaved t.txt")
        #expect(try Self.bytes(path) == Array("ba\n".utf8))
        #expect(recovery.text(for: path) == nil)
        // A file changed on disk is never autosaved over.
        doc.state.type("c", now: 0)
        try Data("theirs\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(timers.tick(now: start.advanced(by: .seconds(120)), document: doc, recovery: recovery, title: doc.title) == nil)
        #expect(try Self.bytes(path) == Array("theirs\n".utf8))
        #expect(DocumentTimers(now: start, autosaveSeconds: 0).deadline(modified: false) == nil)
    }

    @Test func aPercentScriptOpensAsANotebookAndSavesAsAScript() throws {
        let script = "# %% [markdown]\n# # Title\n\n# %%\nx = 1\n\n# %%\nprint(x)\n"
        let path = try Self.file("analysis.py", Array(script.utf8))
        let doc = try NotebookDocument.openPercentScript(path: path)
        #expect(doc.isPercentScript)
        #expect(doc.model.cells.map(\.source) == ["# Title", "x = 1", "print(x)"])
        doc.model.select(1)
        let changed = doc.model.setSource("x = 41 + 1", at: 1)
        #expect(changed)
        try doc.save()
        let written = String(decoding: try Self.bytes(path), as: UTF8.self)
        // Written like jupytext writes it; a script without a metadata header gets none.
        #expect(written == "# %% [markdown]\n# # Title\n\n# %%\nx = 41 + 1\n\n# %%\nprint(x)\n")
        #expect(PercentScript.script(from: doc.model.notebook).hasSuffix(written))
        try doc.reload()
        #expect(doc.model.cells.map(\.source) == ["# Title", "x = 41 + 1", "print(x)"])
    }

    @Test func aPercentScriptWithAHeaderKeepsIt() throws {
        let script = PercentScript.script(from: PercentScript.notebook(from: "# %%\nx = 1\n"))
        #expect(script.hasPrefix("# ---\n"))
        let path = try Self.file("with-header.py", Array(script.utf8))
        let doc = try NotebookDocument.openPercentScript(path: path)
        doc.model.insertCell(below: true)
        try doc.save()
        let written = String(decoding: try Self.bytes(path), as: UTF8.self)
        #expect(written.hasPrefix("# ---\n") && written.hasSuffix("# %%\nx = 1\n\n# %%\n"), "\(written)")
    }
}
