import EditorCore
import TermCore
import Testing

/// A tab content for model tests.
final class StubContent: TabContent {
    let title: String
    var isModified: Bool
    var received: [String] = []
    init(_ title: String, modified: Bool = false) { self.title = title; self.isModified = modified }
    var keyContext: KeyContext { .editor }
    var status: ContentStatus { ContentStatus(mode: "STUB", position: "Ln 1") }
    func render(into buffer: inout CellBuffer, area: Rect, styles: StyleSheet, focused: Bool) {
        buffer.fill(area, with: .blank(styles.style("ui.window")))
        buffer.draw("\(title) body", at: area.origin, style: styles.style("ui.window"), clip: area)
    }
    func perform(_ command: CommandID, area: Rect) -> Bool { received.append(command.rawValue); return command.area == "editor" }
    func handleKey(_ key: Key, area: Rect) -> Bool { received.append("key \(key)"); return true }
    func handlePaste(_ text: String, area: Rect) -> Bool { received.append("paste \(text)"); return true }
    func save() -> SaveOutcome { isModified = false; return .saved("saved \(title)") }
    func makeView() -> any TabContent { StubContent(title, modified: isModified) }
}

@Suite struct WorkspaceModelTests {
    let rect = Rect(x: 0, y: 0, width: 101, height: 30)

    func titles(_ w: Workspace, _ g: GroupID) -> [String] { (w.groups[g]?.tabs ?? []).map { w.contents[$0]!.title } }

    @Test func openInsertsAfterTheShownTabAndShowsIt() {
        var w = Workspace()
        w.open(StubContent("a")); w.open(StubContent("b"))
        w.cycleTab(-1)
        w.open(StubContent("c"))
        #expect(titles(w, w.focused) == ["a", "c", "b"])
        #expect(w.focusedContent?.title == "c")
    }

    @Test func closeAndReopenRestoreTheTabWhereItWas() {
        var w = Workspace()
        for t in ["a", "b", "c"] { w.open(StubContent(t)) }
        w.cycleTab(-1) // b
        w.close()
        #expect(titles(w, w.focused) == ["a", "c"])
        #expect(w.focusedContent?.title == "c")
        w.reopenClosed()
        #expect(titles(w, w.focused) == ["a", "b", "c"])
        #expect(w.focusedContent?.title == "b")
        #expect(w.reopenClosed() == nil)
    }

    @Test func splitShowsTheNewGroupAndClosingItMovesTabsToTheNeighbour() {
        var w = Workspace()
        w.open(StubContent("a"))
        let right = w.split(.horizontal, showing: StubContent("b"))
        #expect(w.focused == right)
        w.open(StubContent("c"))
        #expect(w.frames(in: rect).groups.count == 2)
        w.closeGroup()
        #expect(w.groups.count == 1)
        #expect(titles(w, w.focused) == ["a", "b", "c"])
        #expect(w.focusedContent?.title == "c")
    }

    @Test func closingTheLastTabOfAGroupClosesTheGroup() {
        var w = Workspace()
        w.open(StubContent("a"))
        w.split(.vertical, showing: StubContent("b"))
        w.close()
        #expect(w.groups.count == 1)
        #expect(w.focusedContent?.title == "a")
        w.close()
        #expect(w.groups.count == 1 && w.focusedContent == nil)
    }

    @Test func focusMovesGeometricallyAndCycles() {
        var w = Workspace()
        w.open(StubContent("a"))
        let g0 = w.focused
        let g1 = w.split(.horizontal, showing: StubContent("b"))
        let g2 = w.split(.vertical, showing: StubContent("c"))
        let movedLeft = w.focusNeighbour(.left, in: rect)
        #expect(movedLeft && w.focused == g0)
        let movedRight = w.focusNeighbour(.right, in: rect)
        #expect(movedRight)
        #expect(w.focused == g1 || w.focused == g2)
        w.focus(g2)
        let movedUp = w.focusNeighbour(.up, in: rect)
        #expect(movedUp && w.focused == g1)
        let movedAgain = w.focusNeighbour(.up, in: rect)
        #expect(!movedAgain)
        w.focusCycle(1)
        #expect(w.focused == g2)
        w.focusCycle(1)
        #expect(w.focused == g0)
    }

    @Test func movingATabToANeighbourOrIntoANewSplit() {
        var w = Workspace()
        w.open(StubContent("a")); w.open(StubContent("b"))
        let g0 = w.focused
        let split = w.moveTab(.right, in: rect) // splits: a | b
        #expect(split)
        let g1 = w.focused
        #expect(g1 != g0 && titles(w, g1) == ["b"] && titles(w, g0) == ["a"])
        let joined = w.moveTab(.left, in: rect) // b joins a, the empty group closes
        #expect(joined)
        #expect(w.groups.count == 1 && titles(w, w.focused) == ["a", "b"])
        let leftSplit = w.moveTab(.left, in: rect) // new group on the left
        #expect(leftSplit)
        let f = w.frames(in: rect)
        #expect(f.groups[w.focused]!.x == 0)
        #expect(titles(w, w.focused) == ["b"])
    }

    @Test func maximizeShowsOnlyTheFocusedGroup() {
        var w = Workspace()
        w.open(StubContent("a"))
        w.split(.horizontal, showing: StubContent("b"))
        w.toggleMaximize()
        #expect(w.frames(in: rect).groups == [w.focused: rect])
        w.toggleMaximize()
        #expect(w.frames(in: rect).groups.count == 2)
    }

    @Test func tabScrollKeepsTheActiveTabVisible() {
        var g = TabGroup(tabs: (1...10).map(TabID.init), active: 0)
        let widths = [Int](repeating: 10, count: 10)
        g.scrollToActive(widths: widths, available: 35)
        #expect(g.scroll == 0)
        g.activate(9)
        g.scrollToActive(widths: widths, available: 35)
        #expect(g.scroll > 0)
        #expect(TabGroup.lastVisible(widths, from: g.scroll, available: 35) == 9)
        g.activate(2)
        g.scrollToActive(widths: widths, available: 35)
        #expect(g.scroll == 2)
    }

    @Test func previouslyUsedTabAndMovingTabs() {
        var g = TabGroup(tabs: (1...4).map(TabID.init), active: 0)
        g.activate(3); g.activate(1)
        g.activatePreviouslyUsed()
        #expect(g.active == 3)
        g.moveActive(by: -1)
        #expect(g.tabs.map(\.rawValue) == [1, 2, 4, 3] && g.active == 2)
        g.cycle(2)
        #expect(g.active == 0)
    }
}
