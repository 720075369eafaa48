import EditorCore
@testable import EditorUI
import Foundation
import TermCore
import Testing
import TestSupport

/// Saving the workspace and bringing it back in a new app, headless: real files in a temporary
/// folder, a real store on disk, real shells for terminals.
@Suite("Workspace restore", .serialized)
struct WorkspaceRestoreTests {
    static let config = Pilot.standardConfig + "\n[terminal]\nshell = \"/bin/sh\""

    /// A temporary project folder with a notebook and two text files, and a store inside it.
    struct Project {
        let root: URL
        let store: WorkspaceStore
        var dir: String { root.appendingPathComponent("project").path }
        func path(_ name: String) -> String { dir + "/" + name }
        var key: WorkspaceStore.Key { .directory(dir) }
        var launch: WorkspaceLaunch { .plan(directory: dir, paths: [], noRestore: false, name: nil) }

        init() throws {
            root = try ProjectPaths.makeTemporaryDirectory("callisto-restore")
            store = WorkspaceStore(folder: root.appendingPathComponent("state").path)
            let project = root.appendingPathComponent("project")
            try FileManager.default.createDirectory(at: project.appendingPathComponent("sub"), withIntermediateDirectories: true)
            try Fixtures.notebook.write(to: project.appendingPathComponent("demo.ipynb"), atomically: true, encoding: .utf8)
            try (1...200).map { "line \($0)" }.joined(separator: "\n").write(to: project.appendingPathComponent("long.txt"), atomically: true, encoding: .utf8)
            try "short\n".write(to: project.appendingPathComponent("gone.txt"), atomically: true, encoding: .utf8)
        }

        /// A new app started as a plain `callisto` in the project would be.
        func start(_ launch: WorkspaceLaunch? = nil, paths: [String] = []) -> Pilot {
            let pilot = Pilot(width: 100, height: 30, paths: nil, config: WorkspaceRestoreTests.config)
            pilot.app.start(paths: paths, launch: launch ?? self.launch, store: store)
            pilot.settle()
            return pilot
        }
    }

    func tabTitles(_ app: WorkspaceApp) -> [[String]] {
        app.workspace.groupOrder.map { g in (app.workspace.groups[g]?.tabs ?? []).map { app.workspace.contents[$0]!.title } }
    }

    @Test func aWorkspaceComesBackWithSplitsTabsFocusAndViewPositions() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let first = project.start()
        #expect(tabTitles(first.app) == [["Welcome"]], "nothing saved yet: the welcome tab")
        first.app.openFiles([project.path("demo.ipynb")])
        first.press("j j")  // the third cell
        first.press("<C-w> v")
        first.app.openFiles([project.path("long.txt")])
        first.press("<PageDown>")
        first.press("<C-w> s")
        first.press("<C-w> k")  // focus back on the upper right pane
        first.press("<C-b>")
        let saved = first.app.workspaceSnapshot(directory: project.dir)
        #expect(first.app.saveWorkspace())
        #expect(!first.app.saveWorkspace(), "unchanged: not written again")

        let second = project.start()
        #expect(second.app.workspaceSnapshot(directory: project.dir) == saved)
        #expect(tabTitles(second.app) == tabTitles(first.app))
        #expect(second.app.workspace.focused == second.app.workspace.groupOrder[1])
        #expect(second.app.sidePanelVisible)
        let notebooks = second.app.workspace.allContents.compactMap { $0 as? NotebookView }
        #expect(notebooks.count == 2)
        #expect(notebooks.first?.document === notebooks.last?.document, "both panes show one document, as the split did")
        #expect(notebooks.allSatisfy { $0.model.active == 2 })
        let text = try #require(second.app.workspace.focusedContent as? TextFileView)
        let original = try #require(first.app.workspace.focusedContent as? TextFileView)
        #expect((text.viewState.line ?? 0) > 0 && text.viewState == original.viewState, "the cursor PageDown moved, and the scroll")
        first.advance(.seconds(5))  // status messages gone on both
        second.advance(.seconds(5))
        #expect(second.screenText == first.screenText)
    }

    @Test func editModeAndTheCursorInTheCellComeBack() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let first = project.start(paths: [project.path("demo.ipynb")])
        first.press("j <Enter> <Down> <End>")
        let state = try #require((first.app.workspace.focusedContent as? NotebookView)?.viewState)
        #expect(state.editing == true && state.cell == 1 && state.line == 1 && state.column == 5)
        let snapshot = first.app.workspaceSnapshot(directory: project.dir)
        try project.store.save(snapshot, as: project.key)

        let second = project.start()
        let view = try #require(second.app.workspace.focusedContent as? NotebookView)
        #expect(view.viewState.cell == 1 && view.viewState.editing == true)
        #expect(view.viewState.line == 1 && view.viewState.column == 5)
        #expect(second.app.statusModel.mode == "EDIT")
    }

    @Test func terminalsComeBackAsFreshShellsWhereTheyWere() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let first = project.start()
        let pane = try #require(first.app.openTerminal(in: project.dir))
        defer { pane.shutDown() }
        TerminalPaneTests.wait(first, pane, "prompt") { pane.session.visibleText.contains { !$0.isEmpty } }
        first.type("cd sub\n")
        TerminalPaneTests.wait(first, pane, "the shell in sub") { pane.currentDirectory.hasSuffix("/project/sub") }
        #expect(first.app.saveWorkspace())
        let oldPID = pane.session.process.pid

        let second = project.start()
        let restored = try #require(second.app.terminalPanes.first)
        defer { second.app.shutDownTerminals() }
        #expect(URL(fileURLWithPath: restored.directory).resolvingSymlinksInPath().path
            == URL(fileURLWithPath: project.path("sub")).resolvingSymlinksInPath().path)
        #expect(restored.session.process.pid != oldPID)
        second.type("pwd\n")
        TerminalPaneTests.wait(second, restored, "pwd in sub") { second.contains("/project/sub") }
    }

    @Test func aTerminalWhoseFolderIsGoneStartsInTheWorkingDirectory() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let snapshot = WorkspaceSnapshot(directory: project.dir, layout: .group(0),
                                         groups: [.init(tabs: [.init(kind: .terminal, directory: project.path("vanished"))])])
        try project.store.save(snapshot, as: project.key)
        let pilot = project.start()
        defer { pilot.app.shutDownTerminals() }
        let pane = try #require(pilot.app.terminalPanes.first)
        #expect(pane.directory == FileManager.default.currentDirectoryPath)
        #expect(pilot.app.message?.text.contains("folders gone") == true)
        #expect(pilot.app.message?.text.contains("vanished") == true)
    }

    @Test func aMissingDocumentIsReportedAndTheRestComesBack() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let first = project.start(paths: [project.path("gone.txt"), project.path("long.txt")])
        first.press("<C-w> v")
        try project.store.save(first.app.workspaceSnapshot(directory: project.dir), as: project.key)
        try FileManager.default.removeItem(atPath: project.path("gone.txt"))

        let second = project.start()
        // The right pane only showed gone.txt: it goes, and the left pane takes the room.
        #expect(tabTitles(second.app) == [["long.txt"]])
        #expect(second.app.message?.isError == true)
        #expect(second.contains("not found"))
        #expect(second.app.message?.text.contains("gone.txt") == true)
    }

    @Test func whenEveryDocumentIsGoneTheWelcomeTabShowsAndSaysSo() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let first = project.start(paths: [project.path("gone.txt")])
        try project.store.save(first.app.workspaceSnapshot(directory: project.dir), as: project.key)
        try FileManager.default.removeItem(atPath: project.path("gone.txt"))
        let second = project.start()
        #expect(tabTitles(second.app) == [["Welcome"]])
        #expect(second.app.message?.text.contains("gone.txt") == true)
    }

    @Test func aDamagedFileGivesAMessageAndADefaultWorkspace() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let file = project.store.path(for: project.key)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data([0x7B, 0x22, 0xFF, 0x00]).write(to: URL(fileURLWithPath: file))
        let pilot = project.start()
        #expect(tabTitles(pilot.app) == [["Welcome"]])
        #expect(pilot.app.message?.isError == true)
        #expect(pilot.app.message?.text.contains("damaged") == true)
        #expect(pilot.app.saveWorkspace(), "the next save writes a sound file")
        guard case .loaded = project.store.load(project.key) else { Issue.record("not saved"); return }
    }

    @Test func changesAreSavedAfterTheIntervalAndAnIdleAppSetsNoTimer() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let pilot = project.start()
        let saver = try #require(pilot.app.workspaceSaver)
        #expect(saver.deadline != nil, "a fresh start is saved at the first interval")
        pilot.advance(WorkspaceSaver.defaultInterval + .seconds(1))
        #expect(saver.deadline == nil)
        #expect(project.store.load(project.key) == .loaded(pilot.app.workspaceSnapshot(directory: project.dir)))
        #expect(pilot.driver.nextDeadline() == nil, "idle: nothing to wake up for")

        pilot.press("<C-w> v")
        #expect(saver.deadline != nil)
        pilot.advance(WorkspaceSaver.defaultInterval + .seconds(1))
        guard case let .loaded(s) = project.store.load(project.key) else { Issue.record("not saved"); return }
        #expect(s.groups.count == 2)
    }

    @Test func pathsWithoutANameNeitherRestoreNorSave() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let first = project.start()
        first.press("<C-w> v")
        #expect(first.app.saveWorkspace())
        let paths = [project.path("long.txt")]
        let second = project.start(.plan(directory: project.dir, paths: paths, noRestore: false, name: nil), paths: paths)
        #expect(tabTitles(second.app) == [["long.txt"]])
        #expect(second.app.workspaceSaver == nil)
        #expect(!second.app.saveWorkspace())
        let noRestore = project.start(.plan(directory: project.dir, paths: [], noRestore: true, name: nil))
        #expect(tabTitles(noRestore.app) == [["Welcome"]])
        #expect(noRestore.app.workspaceSaver == nil)
    }

    @Test func aNamedWorkspaceOpensGivenPathsOnTopWithoutDuplicates() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let named = WorkspaceLaunch.plan(directory: project.dir, paths: [], noRestore: false, name: "paper")
        let first = project.start(named)
        first.app.openFiles([project.path("long.txt")])
        #expect(first.app.saveWorkspace())
        #expect(FileManager.default.fileExists(atPath: project.store.path(for: .named("paper"))))
        #expect(project.store.load(project.key) == .none, "the directory's workspace is another one")

        let paths = [project.path("long.txt"), project.path("demo.ipynb")]
        let second = project.start(.plan(directory: project.dir, paths: paths, noRestore: false, name: "paper"), paths: paths)
        #expect(tabTitles(second.app) == [["Welcome", "long.txt", "demo.ipynb"]])
        #expect(second.app.workspace.focusedContent?.title == "long.txt", "the first file given is shown, as without a workspace")
    }
}
