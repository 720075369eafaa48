import Foundation
import Glibc
import Testing
import TestSupport

/// The file browser, text files, images and binary files through the real binary under tmux; every
/// operation is checked on disk.
@Suite(.enabled(if: WorkspaceProbe.binaryRunsTheWorkspace), .serialized)
struct FileBrowserTmuxTests {
    /// A session running callisto in `dir` with its own (empty) config and state folders; `prefix`
    /// runs before the binary (`setpriv …`).
    func start(in dir: URL, _ arguments: String = "", prefix: String = "", width: Int = 110, height: Int = 30,
               home: URL? = nil) throws -> TmuxSession {
        let home = try home ?? ProjectPaths.makeTemporaryDirectory("callisto-fb-e2e-home")
        let env = ["XDG_STATE_HOME": home.appendingPathComponent("state").path, "XDG_CONFIG_HOME": home.appendingPathComponent("config").path]
        return try TmuxSession(command: "cd '\(dir.path)' && exec \(prefix) '\(ProjectPaths.callisto.path)' \(arguments)",
                               width: width, height: height, environment: env)
    }

    /// Focuses the browser and waits for `name` in the listing.
    func browse(_ s: TmuxSession, showing name: String) throws {
        try s.sendKeys("M-f")
        try s.waitFor("the browser showing \(name)") { $0.contains(name) }
    }

    /// Selects `name` with the type-ahead filter (cleared first) and waits for it to be the only match.
    /// Each key waits for its effect: an Escape followed at once by `/` would read as Alt+/.
    func select(_ s: TmuxSession, _ name: String) throws {
        try s.sendKeys("M-f")
        try s.sendKeys("/")
        try s.waitFor("the filter line") { $0.contains("▏") }
        try s.sendKeys("Escape")
        try s.waitFor("the filter cleared") { !$0.contains("▏") }
        try s.sendKeys("/")
        try s.waitFor("the filter line") { $0.contains("▏") }
        try s.sendLiteral(name)
        try s.waitFor("filter \(name)") { $0.contains("/" + name + "▏") }
        try s.sendKeys("Enter")
        try s.waitFor("filter kept") { !$0.contains("▏") }
    }

    /// Answers a name prompt: clears `clear` characters of its initial text, types `text`, Enter.
    func answer(_ s: TmuxSession, clear: Int = 0, _ text: String) throws {
        try s.waitFor("a prompt") { $0.contains("Name:") }
        for _ in 0..<clear { try s.sendKeys("BSpace") }
        try s.sendLiteral(text)
        try s.sendKeys("Enter")
    }

    func exists(_ dir: URL, _ name: String) -> Bool { FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path) }

    @Test func fileOperationsFromTheBrowserHappenOnDisk() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-fb-e2e")
        try Data("original\n".utf8).write(to: dir.appendingPathComponent("keep.txt"))
        let s = try start(in: dir)
        defer { s.close() }
        try browse(s, showing: "keep.txt")
        // New folder.
        try s.sendKeys("d")
        try answer(s, "box")
        try s.waitUntil("folder box") { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: dir.appendingPathComponent("box").path, isDirectory: &d) && d.boolValue }
        // New file: made and opened in a text tab; typed text is saved with Ctrl+S.
        try s.sendKeys("%")
        try answer(s, "todo.md")
        try s.waitFor("the new file's tab") { $0.contains(" EDIT ") && $0.contains("todo.md") }
        try s.sendLiteral("# Todo")
        try s.sendKeys("C-s")
        try s.waitUntil("todo.md saved") { try String(contentsOf: dir.appendingPathComponent("todo.md"), encoding: .utf8) == "# Todo" }
        // Rename with F2.
        try select(s, "keep.txt")
        try s.sendKeys("F2")
        try answer(s, clear: "keep.txt".count, "kept.txt")
        try s.waitUntil("renamed") { exists(dir, "kept.txt") && !exists(dir, "keep.txt") }
        // Duplicate.
        try s.sendKeys("C-d")
        try s.waitUntil("duplicated") { exists(dir, "kept copy.txt") }
        #expect(try String(contentsOf: dir.appendingPathComponent("kept copy.txt"), encoding: .utf8) == "original\n")
        // Copy into the folder, then paste there.
        try s.sendKeys("C-c")
        try select(s, "box")
        try s.sendKeys("Enter")
        try s.waitFor("inside box") { $0.contains("/box") && $0.contains("(empty folder)") }
        try s.sendKeys("C-v")
        try s.waitUntil("pasted") { exists(dir, "box/kept copy.txt") }
        #expect(exists(dir, "kept copy.txt"), "a copy leaves the source")
        try s.sendKeys("BSpace")
        try s.waitFor("back up") { $0.contains("todo.md") }
        // Delete two marked files after confirming.
        try select(s, "kept")
        try s.sendKeys("Space")
        try s.sendKeys("Space")
        try s.sendKeys("Delete")
        try s.waitFor("the confirmation") { $0.contains("Delete 2 items?") }
        try s.sendKeys("BTab")
        try s.sendKeys("Enter")
        try s.waitUntil("deleted") { !exists(dir, "kept.txt") && !exists(dir, "kept copy.txt") }
        #expect(exists(dir, "box/kept copy.txt") && exists(dir, "todo.md"))
        // A name that exists: a clear message and nothing changes.
        try s.sendKeys("d")
        try answer(s, "box")
        try s.waitFor("the refusal") { $0.contains("already exists") }
    }

    @Test func aFolderOfOneHundredThousandFilesListsAndFilters() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-fb-e2e-big")
        let r = try ProcessRunner.python("""
        import os, sys
        for i in range(100000):
            open(os.path.join(sys.argv[1], f"f{i:06d}.dat"), "w").close()
        """, arguments: [dir.path])
        #expect(r.status == 0, "\(r.stderrText)")
        let s = try start(in: dir)
        defer { s.close() }
        try s.sendKeys("M-f")
        try s.waitFor(timeout: 60, "the browser showing 100,000 files") { $0.contains("f000000.dat") }
        try s.sendKeys("End")
        try s.waitFor("the last entry") { $0.contains("f099999.dat") }
        try s.sendKeys("/")
        try s.sendLiteral("12345")
        try s.waitFor("the filtered list") { $0.contains("f012345.dat") && !$0.contains("f099999.dat") && !$0.contains("f000000.dat") }
        try s.sendKeys("Enter")
        try s.sendKeys("Enter")
        try s.waitFor("the file opened") { $0.contains(" EDIT ") && $0.contains("f012345.dat") }
        try FileManager.default.removeItem(at: dir)
    }

    @Test func anUnreadableFolderIsAClearMessage() throws {
        // Root reads every folder; without its capabilities (setpriv clears the bounding set) it
        // gets the permission checks of any user, as the owner of these root-owned files.
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-fb-e2e-perm")
        let locked = dir.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try Data("secret\n".utf8).write(to: locked.appendingPathComponent("secret.txt"))
        try Data("mine\n".utf8).write(to: dir.appendingPathComponent("readonly.txt"))
        #expect(chmod(locked.path, 0) == 0 && chmod(dir.appendingPathComponent("readonly.txt").path, 0o444) == 0)
        defer { _ = chmod(locked.path, 0o755) }
        let s = try start(in: dir, prefix: "setpriv --bounding-set=-all --inh-caps=-all")
        defer { s.close() }
        try browse(s, showing: "locked/")
        try select(s, "locked")
        try s.sendKeys("Enter")
        try s.waitFor("the refusal") { $0.contains("permission denied") }
        #expect(try !s.capture().contains("secret.txt"), "the browser stays in the readable folder")
        // Deleting inside a folder that refuses writes says so and removes nothing.
        try select(s, "readonly.txt")
        try s.sendKeys("Enter")
        try s.waitFor("the text tab") { $0.contains(" EDIT ") }
        try s.sendLiteral("more ")
        try s.sendKeys("C-s")
        try s.waitFor("the save refusal") { $0.contains("permission denied") }
        #expect(try String(contentsOf: dir.appendingPathComponent("readonly.txt"), encoding: .utf8) == "mine\n")
    }

    @Test func eachKindOfFileOpensInItsView() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-fb-e2e-kinds")
        let r = try ProcessRunner.python("""
        import nbformat, sys
        from nbformat.v4 import new_notebook, new_code_cell
        nb = new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
        nb.cells = [new_code_cell("print('from the notebook')", execution_count=3)]
        nbformat.write(nb, sys.argv[1])
        """, arguments: [dir.appendingPathComponent("nb.ipynb").path])
        #expect(r.status == 0, "\(r.stderrText)")
        try Data("def f():\n    return 1\n".utf8).write(to: dir.appendingPathComponent("code.py"))
        try ImageFixtures.png(width: 40, height: 20).write(to: dir.appendingPathComponent("pic.png"))
        try ImageFixtures.jpeg.write(to: dir.appendingPathComponent("photo.jpg"))
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x00, 0x00, 0x1B, 0x5B, 0x32, 0x4A]).write(to: dir.appendingPathComponent("tool.bin"))
        let latin1 = dir.path + "/caf\u{E9}.txt"
        let rawName = Array(dir.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".txt".utf8) + [0]
        let fd = rawName.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) } }
        #expect(fd >= 0)
        _ = "latin-1 name\n".withCString { write(fd, $0, 13) }
        close(fd)
        _ = latin1
        let s = try start(in: dir)
        defer { s.close() }
        try browse(s, showing: "nb.ipynb")
        // A notebook.
        try select(s, "nb.ipynb")
        try s.sendKeys("Enter")
        try s.waitFor("the notebook") { $0.contains("[3]:") && $0.contains("COMMAND") }
        // A text file, edited and saved.
        try select(s, "code.py")
        try s.sendKeys("Enter")
        try s.waitFor("the text tab") { $0.contains(" EDIT ") && $0.contains("return 1") }
        try s.sendKeys("C-End")
        try s.sendLiteral("print(f())")
        try s.sendKeys("C-s")
        try s.waitUntil("code.py saved") { try String(contentsOf: dir.appendingPathComponent("code.py"), encoding: .utf8) == "def f():\n    return 1\nprint(f())" }
        // Images: the picture in block symbols with the file name and size.
        try select(s, "pic.png")
        try s.sendKeys("Enter")
        let picture = try s.waitFor("the PNG") { $0.contains("pic.png — 40×20 PNG") }
        #expect(picture.contains { "▀▄█▌▐▖▗▘▝▚▞▙▛▜▟".contains($0) })
        try select(s, "photo.jpg")
        try s.sendKeys("Enter")
        try s.waitFor("the JPEG") { $0.contains("photo.jpg — 24×12 JPEG") }
        // A binary file: a notice, no garbage.
        try select(s, "tool.bin")
        try s.sendKeys("Enter")
        let binary = try s.waitFor("the notice") { $0.contains("tool.bin is a binary file") }
        #expect(!binary.contains("ELF"))
        // A name that is not UTF-8: shown escaped, opened read-only.
        try select(s, "caf\\xE9")
        try s.sendKeys("Enter")
        try s.waitFor("the latin-1 file") { $0.contains("latin-1 name") && $0.contains("not UTF-8") }
        // A percent-format script opened as a notebook on request.
        try Data("# %%\nx = 1\n\n# %%\ny = 2\n".utf8).write(to: dir.appendingPathComponent("cells.py"))
        try select(s, "cells.py")
        try s.sendKeys("O")
        try s.waitFor("the script as a notebook") { $0.contains("opened as a notebook (2 cells)") && $0.contains("COMMAND") }
    }

    @Test func unsavedTextSurvivesAHangupAndIsOfferedBack() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-fb-e2e-recover")
        let home = try ProjectPaths.makeTemporaryDirectory("callisto-fb-e2e-home")
        let path = dir.appendingPathComponent("draft.md").path
        try Data("# Draft\n".utf8).write(to: URL(fileURLWithPath: path))
        let first = try start(in: dir, "draft.md", home: home)
        defer { first.close() }
        try first.waitFor("the text tab") { $0.contains(" EDIT ") && $0.contains("# Draft") }
        try first.sendLiteral("kept after a hangup ")
        try first.waitFor("typed") { $0.contains("kept after a hangup # Draft") }
        #expect(kill(try first.panePID(), SIGHUP) == 0)
        try first.waitUntil("exit") { try first.display("#{pane_dead}") == "1" }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# Draft\n", "nothing saved to the file itself")

        let second = try start(in: dir, "draft.md", home: home)
        defer { second.close() }
        try second.waitFor("the offer") { $0.contains("Recover draft.md?") }
        try second.sendKeys("Enter")
        try second.waitFor("restored") { $0.contains("kept after a hangup # Draft") && $0.contains("draft.md ●") }
        try second.sendKeys("C-s")
        try second.waitUntil("saved") { try String(contentsOfFile: path, encoding: .utf8) == "kept after a hangup # Draft\n" }
        // The copy goes once the file is saved (right after the write and its fsync).
        let recovery = home.appendingPathComponent("state/callisto/recovery").path
        try second.waitUntil("the copy removed") { ((try? FileManager.default.contentsOfDirectory(atPath: recovery)) ?? []).isEmpty }
    }
}
