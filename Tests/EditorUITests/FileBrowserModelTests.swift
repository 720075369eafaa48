import EditorCore
import Foundation
import Testing
import TestSupport

/// The file browser model and its operations on real temporary folders. Tests run as root, which
/// ignores permission bits, so refused writes are made with the immutable attribute (`chattr +i`),
/// which root cannot override, and cross-device moves use /dev/shm (a tmpfs) beside /tmp.
@Suite("File browser model", .serialized)
struct FileBrowserModelTests {
    static func folder(_ files: [String] = [], folders: [String] = []) throws -> String {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-fb").path
        for f in folders { try FileManager.default.createDirectory(atPath: dir + "/" + f, withIntermediateDirectories: true) }
        for f in files { try Data("content of \(f)\n".utf8).write(to: URL(fileURLWithPath: dir + "/" + f)) }
        return dir
    }

    static func names(_ m: FileBrowserModel) -> [String] { m.visible.map { m.entries[$0].name } }

    static var chattrWorks: Bool {
        guard let dir = try? folder() else { return false }
        let on = try? ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/chattr"), ["+i", dir])
        _ = try? ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/chattr"), ["-i", dir])
        return on?.status == 0
    }

    @Test func foldersFirstThenNamesIgnoringCase() throws {
        let dir = try Self.folder(["b.txt", "A.txt", "c.py", ".hidden"], folders: ["zeta", "Alpha"])
        var m = FileBrowserModel(folder: dir)
        #expect(Self.names(m) == ["Alpha", "zeta", "A.txt", "b.txt", "c.py"])
        m.toggleHidden()
        #expect(Self.names(m) == ["Alpha", "zeta", ".hidden", "A.txt", "b.txt", "c.py"])
        m.setFilter("T")
        #expect(Self.names(m) == ["zeta", "A.txt", "b.txt"])
        m.setFilter("")
        m.toggleHidden()
        #expect(m.entries.allSatisfy { $0.details == nil })
        m.loadDetails(for: 0..<3)
        #expect(m.entry(atRow: 2).details?.size == Int64("content of A.txt\n".utf8.count))
        #expect(m.entry(atRow: 3).details == nil)
    }

    @Test func navigationKeepsTheFolderLeftSelected() throws {
        let dir = try Self.folder(["x"], folders: ["one", "two/inner"])
        var m = FileBrowserModel(folder: dir)
        m.move(1)
        #expect(m.selectedEntry?.name == "two")
        #expect(m.enterSelected() == nil)
        #expect(m.folder.hasSuffix("/two"))
        #expect(Self.names(m) == ["inner"])
        m.goUp()
        #expect(m.selectedEntry?.name == "two")
        let err = m.go(to: dir + "/missing")
        #expect(err?.message.contains("no such file") == true)
        #expect(m.folder == (dir as NSString).standardizingPath)
        let notFolder = m.go(to: dir + "/x")
        #expect(notFolder?.message.contains("not a folder") == true)
    }

    @Test func invalidUTF8NamesAreEscapedAndStillUsable() throws {
        let dir = try Self.folder()
        let raw: [UInt8] = Array("bad-".utf8) + [0xFF, 0xFE] + Array(".txt".utf8)
        let fd = DirectoryReaderTestAccess.create(dir, raw)
        #expect(fd)
        var m = FileBrowserModel(folder: dir)
        let e = try #require(m.entries.first)
        #expect(e.isEscaped)
        #expect(e.name == "bad-\\xFF\\xFE.txt")
        #expect(e.rawName == raw)
        let copy = try FileOperations.duplicate(in: dir, e.rawName)
        m.reload()
        #expect(m.entries.count == 2)
        try FileOperations.delete([m.path(of: e), copy])
        m.reload()
        #expect(m.entries.isEmpty)
    }

    @Test func symlinkLoopsListAndDoNotHang() throws {
        let dir = try Self.folder(folders: ["sub"])
        try FileManager.default.createSymbolicLink(atPath: dir + "/a", withDestinationPath: dir + "/b")
        try FileManager.default.createSymbolicLink(atPath: dir + "/b", withDestinationPath: dir + "/a")
        try FileManager.default.createSymbolicLink(atPath: dir + "/sub/up", withDestinationPath: "..")
        var m = FileBrowserModel(folder: dir)
        #expect(Self.names(m) == ["sub", "a", "b"])
        m.loadDetails(for: 0..<3)
        #expect(m.entry(atRow: 1).details?.broken == true)
        #expect(m.enterSelected() == nil)
        #expect(m.entries.first?.isFolder == true)
        #expect(m.enterSelected() == nil)
        #expect(m.folder.hasSuffix("/sub/up"))
        #expect(Self.names(m).contains("sub"))
        // Copying a folder holding a link to its parent copies the link, not the loop.
        let copy = try FileOperations.duplicate(in: dir, Array("sub".utf8))
        #expect(FileOperations.display(copy).hasSuffix("sub copy"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: dir + "/sub copy/up")) == "..")
    }

    @Test func createRenameDuplicateDelete() throws {
        let dir = try Self.folder(["notes.txt"])
        try FileOperations.createFile(in: dir, name: "new.py")
        try FileOperations.createFolder(in: dir, name: "data")
        #expect(throws: FileOperationError.self) { try FileOperations.createFile(in: dir, name: "notes.txt") }
        do {
            try FileOperations.createFolder(in: dir, name: "data")
            Issue.record("created a folder twice")
        } catch {
            #expect(error.message.contains("already exists"))
        }
        #expect(throws: FileOperationError.self) { try FileOperations.createFile(in: dir, name: "a/b") }
        #expect(throws: FileOperationError.self) { try FileOperations.rename(in: dir, Array("new.py".utf8), to: "notes.txt") }
        #expect(try String(contentsOfFile: dir + "/notes.txt", encoding: .utf8) == "content of notes.txt\n")
        try FileOperations.rename(in: dir, Array("new.py".utf8), to: "renamed.py")
        let copy = try FileOperations.duplicate(in: dir, Array("notes.txt".utf8))
        #expect(FileOperations.display(copy) == dir + "/notes copy.txt")
        let copy2 = try FileOperations.duplicate(in: dir, Array("notes.txt".utf8))
        #expect(FileOperations.display(copy2) == dir + "/notes copy 2.txt")
        var m = FileBrowserModel(folder: dir)
        #expect(Self.names(m) == ["data", "notes copy 2.txt", "notes copy.txt", "notes.txt", "renamed.py"])
        m.select(Array("notes copy 2.txt".utf8))
        m.toggleMark()
        m.toggleMark()
        #expect(m.targets.map(\.name) == ["notes copy 2.txt", "notes copy.txt"])
        try FileOperations.delete(m.targets.map { m.path(of: $0) })
        m.reload()
        #expect(Self.names(m) == ["data", "notes.txt", "renamed.py"])
        #expect(m.marked.isEmpty)
    }

    @Test func pasteCopiesAndMovesTreesAndRefusesConflicts() throws {
        let dir = try Self.folder(["top.txt", "src/a.txt", "src/deep/b.txt"], folders: ["src/deep", "dest"])
        try FileOperations.paste([Array((dir + "/src").utf8)], into: dir + "/dest", move: false)
        #expect(try String(contentsOfFile: dir + "/dest/src/deep/b.txt", encoding: .utf8) == "content of src/deep/b.txt\n")
        // A second paste would overwrite: refused, nothing changes.
        let both = [Array((dir + "/top.txt").utf8), Array((dir + "/src").utf8)]
        do {
            try FileOperations.paste(both, into: dir + "/dest", move: true)
            Issue.record("pasted over an existing folder")
        } catch {
            #expect(error.message.contains("already exists"))
        }
        #expect(FileManager.default.fileExists(atPath: dir + "/top.txt"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/dest/top.txt"))
        // A folder into itself.
        #expect(throws: FileOperationError.self) { try FileOperations.paste([Array((dir + "/src").utf8)], into: dir + "/src/deep", move: true) }
        try FileOperations.paste([Array((dir + "/top.txt").utf8)], into: dir + "/dest", move: true)
        #expect(!FileManager.default.fileExists(atPath: dir + "/top.txt"))
        #expect(FileManager.default.fileExists(atPath: dir + "/dest/top.txt"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/shm")))
    func moveAcrossDevicesCopiesThenRemoves() throws {
        let dir = try Self.folder(["tree/one.txt", "tree/two.txt"], folders: ["tree"])
        let shm = "/dev/shm/callisto-fb-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: shm, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: shm) }
        try FileOperations.paste([Array((dir + "/tree").utf8)], into: shm, move: true)
        #expect(!FileManager.default.fileExists(atPath: dir + "/tree"))
        #expect(try String(contentsOfFile: shm + "/tree/two.txt", encoding: .utf8) == "content of tree/two.txt\n")
    }

    @Test(.enabled(if: chattrWorks))
    func refusedWritesAreReportedAndChangeNothing() throws {
        let dir = try Self.folder(["locked/keep.txt", "free.txt"], folders: ["locked"])
        _ = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/chattr"), ["+i", dir + "/locked"])
        defer { _ = try? ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/chattr"), ["-i", dir + "/locked"]) }
        do {
            try FileOperations.createFile(in: dir + "/locked", name: "new.txt")
            Issue.record("created a file in an immutable folder")
        } catch {
            #expect(error.message.contains("operation not permitted"))
        }
        // Deleting two files where one cannot go: refused before anything is removed.
        let targets = [Array((dir + "/free.txt").utf8), Array((dir + "/locked/keep.txt").utf8)]
        #expect(throws: FileOperationError.self) { try FileOperations.delete(targets) }
        #expect(FileManager.default.fileExists(atPath: dir + "/free.txt"))
        #expect(FileManager.default.fileExists(atPath: dir + "/locked/keep.txt"))
        // Moving out of it is refused up front too; copying into it leaves no partial copy.
        #expect(throws: FileOperationError.self) { try FileOperations.paste([targets[1]], into: dir, move: true) }
        #expect(throws: FileOperationError.self) { try FileOperations.paste([targets[0]], into: dir + "/locked", move: false) }
        #expect(FileManager.default.fileExists(atPath: dir + "/free.txt"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/locked") == ["keep.txt"])
    }

    @Test func hundredThousandEntriesListWithoutStatAndFilter() throws {
        let dir = try Self.folder()
        let count = 100_000
        #expect(DirectoryReaderTestAccess.createMany(dir, count: count))
        var m = FileBrowserModel(folder: dir)
        #expect(m.entries.count == count)
        #expect(m.entries.allSatisfy { $0.details == nil })
        #expect(m.entry(atRow: 0).name == "file-000000.txt")
        m.setFilter("99999")
        #expect(Self.names(m) == ["file-099999.txt"])
        m.setFilter("-00000")
        #expect(m.visible.count == 10)
        m.setFilter("")
        m.loadDetails(for: 0..<40)
        #expect(m.entries.filter { $0.details != nil }.count == 40)
        try FileManager.default.removeItem(atPath: dir)
    }
}

/// Creates files with raw byte names (which Foundation cannot).
enum DirectoryReaderTestAccess {
    static func create(_ dir: String, _ name: [UInt8]) -> Bool {
        let path = Array(dir.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) } }
        guard fd >= 0 else { return false }
        close(fd)
        return true
    }

    static func createMany(_ dir: String, count: Int) -> Bool {
        for i in 0..<count {
            let name = "file-" + String(i).leftPad(6) + ".txt"
            guard create(dir, Array(name.utf8)) else { return false }
        }
        return true
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
