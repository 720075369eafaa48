import Foundation
import Testing
import TestSupport
@testable import NotebookFormat

@Suite struct SafeSaveTests {
    func makeFile(_ contents: String = NotebookModelTests.golden) throws -> String {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-save")
        let path = dir.appendingPathComponent("n.ipynb").path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func mode(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! Int
    }

    @Test func saveKeepsTheModeAndLeavesNoTemporaryFile() throws {
        let path = try makeFile()
        chmod(path, 0o640)
        var file = try NotebookFile.open(path: path)
        file.notebook.cells[0].source = "changed"
        try file.save()
        #expect(try mode(path) == 0o640)
        #expect(try Notebook.read(from: URL(fileURLWithPath: path)).cells[0].source == "changed")
        let dir = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["n.ipynb"])
    }

    @Test func saveRefusesWhenTheFileChangedOnDisk() throws {
        let path = try makeFile()
        var file = try NotebookFile.open(path: path)
        var other = file.notebook
        other.cells[0].source = "someone else"
        try other.serialized().write(to: URL(fileURLWithPath: path))
        file.notebook.cells[0].source = "mine"
        #expect(try file.changedOnDisk())
        #expect(throws: NotebookFileError.changedOnDisk(path: path)) { try file.save() }
        #expect(try Notebook.read(from: URL(fileURLWithPath: path)).cells[0].source == "someone else")
        try file.save(force: true)
        #expect(try Notebook.read(from: URL(fileURLWithPath: path)).cells[0].source == "mine")
        // After our own save the file is ours again.
        file.notebook.cells[0].source = "again"
        try file.save()
    }

    @Test func touchingWithoutChangingTheContentIsNoConflict() throws {
        let path = try makeFile()
        var file = try NotebookFile.open(path: path)
        var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
        utimensat(AT_FDCWD, path, &times, 0)
        #expect(try !file.changedOnDisk())
        try file.save()
    }

    @Test func savingThroughASymlinkReplacesTheTarget() throws {
        let path = try makeFile()
        let link = (path as NSString).deletingLastPathComponent + "/link.ipynb"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        var file = try NotebookFile.open(path: link)
        file.notebook.cells[0].source = "via link"
        try file.save()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == path)
        #expect(try Notebook.read(from: URL(fileURLWithPath: path)).cells[0].source == "via link")
    }

    @Test func clearErrorsForMissingDirectoryAndForbiddenFiles() throws {
        #expect(throws: NotebookFileError.notFound(path: "/nonexistent/x.ipynb")) {
            try NotebookFile.open(path: "/nonexistent/x.ipynb")
        }
        #expect(throws: NotebookFileError.isDirectory(path: "/tmp")) { try NotebookFile.open(path: "/tmp") }
        // Even root may not create files in /sys.
        #expect(throws: NotebookFileError.permissionDenied(path: "/sys/x.ipynb", operation: "create a temporary file in /sys")) {
            try NotebookFile.save(Notebook(), to: "/sys/x.ipynb")
        }
        if getuid() != 0 {
            let path = try makeFile()
            chmod(path, 0)
            #expect(throws: NotebookFileError.permissionDenied(path: path, operation: "open")) {
                try NotebookFile.open(path: path)
            }
        }
        let path = try makeFile("{not json")
        do {
            _ = try NotebookFile.open(path: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("line 1, column 2"))
        }
    }

    @Test func largeFilesAreReadAndWritten() throws {
        var nb = Notebook()
        let chunk = String(repeating: "A", count: 1 << 20)
        for i in 0..<120 {
            var cell = nb.makeCell(.code, source: "x\(i)")
            cell.outputs = [.displayData(data: ["image/png": .string(chunk)])]
            nb.cells.append(cell)
        }
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-big")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("big.ipynb").path
        try NotebookFile.save(nb, to: path)
        let file = try NotebookFile.open(path: path)
        #expect(file.notebook.cells.count == 120)
        #expect((file.fingerprint?.size ?? 0) > 120 << 20)
        #expect(file.notebook == nb)
    }
}
