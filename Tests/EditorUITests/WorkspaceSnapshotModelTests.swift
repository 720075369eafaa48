import EditorCore
import Foundation
import TermCore
import Testing
import TestSupport

/// A stub document with a path, for snapshots.
final class PathStub: TabContent {
    let path: String?
    init(_ path: String?) { self.path = path }
    var title: String { path.map { ($0 as NSString).lastPathComponent } ?? "tool" }
    var keyContext: KeyContext { .editor }
    var status: ContentStatus { ContentStatus(mode: "STUB") }
    func render(into buffer: inout CellBuffer, area: Rect, styles: StyleSheet, focused: Bool) {}
    func perform(_ command: CommandID, area: Rect) -> Bool { false }
    func save() -> SaveOutcome { .notApplicable("stub") }
    func makeView() -> any TabContent { PathStub(path) }
}

/// The saved workspace as a value: capture from a `Workspace`, JSON round trip, checks, pruning,
/// and the store's files.
@Suite struct WorkspaceSnapshotModelTests {
    let rect = Rect(x: 0, y: 0, width: 120, height: 40)

    static func describe(_ c: any TabContent) -> WorkspaceSnapshot.Tab? {
        c.path.map { WorkspaceSnapshot.Tab(kind: .document, path: $0) }
    }

    /// a.txt | (b.txt, c.txt / d.txt), the right column split at 0.3, c.txt shown, d.txt's group focused.
    func threePanes() -> Workspace {
        var w = Workspace()
        w.open(PathStub("/p/a.txt"))
        w.split(.horizontal, showing: PathStub("/p/b.txt"))
        let c = w.open(PathStub("/p/c.txt"))
        w.activate(c)
        w.split(.vertical, showing: PathStub("/p/d.txt"))
        w.resizeFocused(by: 5, axis: .vertical, in: rect)
        return w
    }

    @Test func capturesGroupsInReadingOrderWithRatiosShownTabsAndFocus() throws {
        let w = threePanes()
        let s = WorkspaceSnapshot(workspace: w, directory: "/p", sidePanel: .init(visible: true, folder: "/p/src"), describe: Self.describe)
        #expect(s.groups.map { $0.tabs.map(\.path) } == [["/p/a.txt"], ["/p/b.txt", "/p/c.txt"], ["/p/d.txt"]])
        #expect(s.groups[1].active == 1)
        #expect(s.focusedGroup == 2)
        guard case let .split(.horizontal, top, .group(0), .split(.vertical, inner, .group(1), .group(2))) = s.layout else {
            Issue.record("unexpected layout \(s.layout)"); return
        }
        #expect(top == 0.5)
        #expect(inner < 0.5, "the lower pane grew: \(inner)")
        #expect(s.problem == nil)
        #expect(s.layoutNode == w.layout.renamed(w.groupOrder))
    }

    @Test func roundTripsThroughJSONAndRebuildsTheFrame() throws {
        let s = WorkspaceSnapshot(workspace: threePanes(), directory: "/p", sidePanel: .init(visible: true, focused: true, folder: "/p/src", showHidden: true),
                                  describe: { c in c.path.map { .init(kind: .notebook, path: $0, view: .init(cell: 3, editing: true, line: 2, column: 5, top: 1)) } })
        let data = try WorkspaceStore.encode(s)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"axis\" : \"horizontal\""))
        #expect(text.contains("\"kind\" : \"notebook\""))
        #expect(try WorkspaceStore.decode(data).get() == s)
        let frame = s.makeWorkspaceFrame()
        #expect(frame.groupOrder == [GroupID(0), GroupID(1), GroupID(2)])
        #expect(frame.focused == GroupID(2))
        #expect(frame.layout == s.layoutNode)
        var more = frame
        more.split(.vertical, showing: nil)
        #expect(more.groupOrder.count == 4, "new groups get fresh ids after restored ones")
    }

    @Test func tabsThatAreNotKeptLeaveTheirGroupsOut() {
        var w = threePanes()
        w.focus(GroupID(0))
        w.open(PathStub(nil))  // a tool tab beside a.txt: dropped, a.txt still there
        let onlyRight = WorkspaceSnapshot(workspace: w, directory: "/p", sidePanel: .init(visible: false)) { c in
            c.path.flatMap { $0.hasSuffix("a.txt") || $0.hasSuffix("d.txt") ? nil : .init(kind: .document, path: $0) }
        }
        #expect(onlyRight.groups.map { $0.tabs.map(\.path) } == [["/p/b.txt", "/p/c.txt"]])
        #expect(onlyRight.layout == .group(0))
        #expect(onlyRight.focusedGroup == 0)
        let nothing = WorkspaceSnapshot(workspace: w, directory: "/p", sidePanel: .init(visible: false)) { _ in nil }
        #expect(nothing.groups == [.init(tabs: [])])
        #expect(nothing.layout == .group(0))
    }

    @Test func theShownTabFallsBackToTheNearestKeptOneBeforeIt() {
        var w = Workspace()
        w.open(PathStub("/p/a"))
        w.open(PathStub("/p/b"))
        w.open(PathStub(nil))  // shown, not kept
        let s = WorkspaceSnapshot(workspace: w, directory: "/p", sidePanel: .init(visible: false), describe: Self.describe)
        #expect(s.groups[0].tabs.count == 2)
        #expect(s.groups[0].active == 1)
    }

    @Test(arguments: [
        ("not json", "not a JSON object"),
        ("[1,2]", "not a JSON object"),
        ("{}", "no version"),
        (#"{"version": 99}"#, "newer"),
        (#"{"version": 1, "directory": "/p"}"#, "missing"),
        (#"{"version": 1, "directory": "/p", "focusedGroup": 0, "maximized": false, "sidePanel": {"visible": false, "focused": false, "showHidden": false}, "layout": {"group": 1}, "groups": [{"tabs": [], "active": 0}]}"#, "does not name"),
        (#"{"version": 1, "directory": "/p", "focusedGroup": 0, "maximized": false, "sidePanel": {"visible": false, "focused": false, "showHidden": false}, "layout": {"axis": "diagonal", "ratio": 0.5, "first": {"group": 0}, "second": {"group": 1}}, "groups": [{"tabs": [], "active": 0}, {"tabs": [], "active": 0}]}"#, "bad value"),
        (#"{"version": 1, "directory": "/p", "focusedGroup": 0, "maximized": false, "sidePanel": {"visible": false, "focused": false, "showHidden": false}, "layout": {"axis": "vertical", "ratio": 7, "first": {"group": 0}, "second": {"group": 1}}, "groups": [{"tabs": [], "active": 0}, {"tabs": [], "active": 0}]}"#, "ratio"),
        (#"{"version": 1, "directory": "/p", "focusedGroup": 3, "maximized": false, "sidePanel": {"visible": false, "focused": false, "showHidden": false}, "layout": {"group": 0}, "groups": [{"tabs": [], "active": 0}]}"#, "focused group"),
        (#"{"version": 1, "directory": "/p", "focusedGroup": 0, "maximized": false, "sidePanel": {"visible": false, "focused": false, "showHidden": false}, "layout": {"group": 0}, "groups": [{"tabs": [{"kind": "text", "path": "/x"}], "active": 4}]}"#, "shows tab 4"),
    ])
    func damagedFilesAreExplainedNotTrusted(_ text: String, _ expected: String) {
        switch WorkspaceStore.decode(Data(text.utf8)) {
        case .success(let s): Issue.record("accepted \(s)")
        case .failure(let f): #expect(f.text.contains(expected), "\(f.text)")
        }
    }

    @Test func unknownTabKindsOpenAsDocuments() throws {
        let text = #"{"version": 1, "directory": "/p", "focusedGroup": 0, "sidePanel": {"visible": false, "focused": false, "showHidden": false}, "layout": {"group": 0}, "groups": [{"tabs": [{"kind": "hologram", "path": "/p/x.holo"}], "active": 0}]}"#
        let s = try WorkspaceStore.decode(Data(text.utf8)).get()
        #expect(s.tabs == [.init(kind: .document, path: "/p/x.holo")])
        #expect(s.maximized == false)
    }

    @Test func storeKeysByDirectoryHashWithThePathInsideAndByName() throws {
        let root = try ProjectPaths.makeTemporaryDirectory("callisto-ws-store")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = WorkspaceStore(folder: root.path)
        let a = store.path(for: .directory("/home/u/proj")), b = store.path(for: .directory("/home/v/proj"))
        #expect(a != b)
        #expect(a.hasPrefix(root.path + "/by-directory/proj-") && a.hasSuffix(".json"))
        #expect(StateDirectory.hash("/home/u/proj") == StateDirectory.hash("/home/u/proj"))
        #expect(StateDirectory.hash("") == "cbf29ce484222325", "FNV-1a offset basis")
        #expect(store.path(for: .named("paper")) == root.path + "/named/paper.json")
        #expect(store.load(.directory("/home/u/proj")) == .none)

        let s = WorkspaceSnapshot(directory: "/home/u/proj", layout: .group(0), groups: [.init(tabs: [.init(kind: .terminal, directory: "/tmp")])])
        try store.save(s, as: .directory("/home/u/proj"))
        #expect(store.load(.directory("/home/u/proj")) == .loaded(s))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path + "/by-directory")
        #expect(leftovers.count == 1, "no temporary file left: \(leftovers)")
        // A file under another directory's key (a hash collision) is not taken for this one.
        try FileManager.default.copyItem(atPath: a, toPath: b)
        guard case let .unreadable(message) = store.load(.directory("/home/v/proj")) else { Issue.record("collision accepted"); return }
        #expect(message.contains("belongs to /home/u/proj"))
    }

    @Test func aDamagedFileIsReportedAndKeptAside() throws {
        let root = try ProjectPaths.makeTemporaryDirectory("callisto-ws-store")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = WorkspaceStore(folder: root.path)
        let file = store.path(for: .named("x"))
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("{\"version\": 1, \"groups\": [".utf8).write(to: URL(fileURLWithPath: file))
        guard case let .unreadable(message) = store.load(.named("x")) else { Issue.record("damaged file accepted"); return }
        #expect(message.contains("damaged"))
        #expect(FileManager.default.fileExists(atPath: file + ".corrupt"))
        #expect(store.load(.named("x")) == .none)
    }

    @Test(arguments: [("paper-2", true), ("a.b_c", true), ("", false), (".hidden", false), ("../up", false), ("a/b", false), ("sp ace", false)])
    func workspaceNames(_ name: String, _ ok: Bool) {
        #expect((WorkspaceStore.problem(withName: name) == nil) == ok)
    }

    @Test func environmentPicksTheStateFolder() {
        #expect(WorkspaceStore.fromEnvironment(["XDG_STATE_HOME": "/s", "HOME": "/h"]).folder == "/s/callisto/workspaces")
        #expect(WorkspaceStore.fromEnvironment(["XDG_STATE_HOME": "", "HOME": "/h"]).folder == "/h/.local/state/callisto/workspaces")
    }

    @Test func launchPlans() {
        let dir = "/p"
        #expect(WorkspaceLaunch.plan(directory: dir, paths: [], noRestore: false, name: nil) == .init(restore: .directory(dir), save: .directory(dir)))
        #expect(WorkspaceLaunch.plan(directory: dir, paths: ["a.ipynb"], noRestore: false, name: nil) == .init(restore: nil, save: nil))
        #expect(WorkspaceLaunch.plan(directory: dir, paths: ["a.ipynb"], noRestore: false, name: "w") == .init(restore: .named("w"), save: .named("w")))
        #expect(WorkspaceLaunch.plan(directory: dir, paths: [], noRestore: true, name: "w") == .init(restore: nil, save: nil))
    }
}

extension LayoutNode {
    /// The tree with group ids replaced by their position in `order`.
    func renamed(_ order: [GroupID]) -> LayoutNode {
        switch self {
        case let .group(g): return .group(GroupID(order.firstIndex(of: g) ?? -1))
        case let .split(axis, ratio, a, b): return .split(axis, ratio: ratio, first: a.renamed(order), second: b.renamed(order))
        }
    }
}
