import EditorCore
import JupyterProtocol
import Testing

/// Kernel history navigation in a cell and the input prompt's line editing.
@Suite struct KernelHistoryTests {
    func step(_ h: inout KernelHistory, back: Bool, cellUID: Int, source: String) -> String? {
        h.step(back: back, cellUID: cellUID, source: source)
    }

    @Test func readsHistoryReplies() {
        let content: MessageJSON = ["status": "ok", "history": [[1, 1, "a = 1"], [1, 2, ["b = 2", "out"]], [1, 3], "bad"]]
        #expect(KernelHistory.inputs(content: content) == ["a = 1", "b = 2"])
        #expect(KernelHistory.inputs(content: ["status": "error"]) == nil)
    }

    @Test func stepsBackAndForwardLikeJupyterLab() {
        var h = KernelHistory()
        h.start(entries: ["a = 1", "b = 2", "b = 2", "draft", "c = 3"], cellUID: 7, source: "draft")
        #expect(step(&h, back: true, cellUID: 7, source: "draft") == "c = 3")
        #expect(step(&h, back: true, cellUID: 7, source: "c = 3") == "b = 2")
        #expect(step(&h, back: true, cellUID: 7, source: "b = 2") == "a = 1")
        #expect(step(&h, back: true, cellUID: 7, source: "a = 1") == nil, "the oldest entry stops")
        #expect(step(&h, back: false, cellUID: 7, source: "a = 1") == "b = 2")
        #expect(step(&h, back: false, cellUID: 7, source: "b = 2") == "c = 3")
        #expect(step(&h, back: false, cellUID: 7, source: "c = 3") == "draft", "the newest end is the text the cell had")
        #expect(step(&h, back: false, cellUID: 7, source: "draft") == nil)
    }

    @Test func typingOrAnotherCellStartsOver() {
        var h = KernelHistory()
        h.start(entries: ["x", "y"], cellUID: 1, source: "")
        #expect(step(&h, back: true, cellUID: 1, source: "") == "y")
        #expect(h.isNavigating(cellUID: 1, source: "y"))
        #expect(!h.isNavigating(cellUID: 1, source: "y2"), "typed text ends the navigation")
        #expect(!h.isNavigating(cellUID: 2, source: "y"))
        // A new navigation from the edited text: it is the newest end.
        #expect(step(&h, back: true, cellUID: 1, source: "y2") == "y")
        #expect(step(&h, back: false, cellUID: 1, source: "y") == "y2")
    }

    @Test func promptEditsAndEchoes() {
        var p = StdinPrompt(cellUID: 1, requestID: "r", prompt: "name?", password: false, history: ["Bob", "Cy"])
        p.insert("Ad\na")
        #expect(p.value == "Ada" && p.cursor == 3)
        p.moveCursor(by: -1)
        p.insert("r")
        #expect(p.value == "Adra")
        p.deleteBackward()
        p.moveToStart()
        p.deleteForward()
        #expect(p.value == "da")
        p.moveToEnd()
        p.stepHistory(back: true)
        #expect(p.value == "Cy")
        p.stepHistory(back: true)
        p.stepHistory(back: true)
        #expect(p.value == "Bob")
        p.stepHistory(back: false)
        p.stepHistory(back: false)
        #expect(p.value == "da", "past the newest answer comes back what was typed")
        #expect(p.echo == "name? da")
        var secret = StdinPrompt(cellUID: 1, requestID: "r", prompt: "Password:", password: true, history: ["Bob"])
        secret.insert("hunter2")
        #expect(secret.shownValue == "•••••••")
        #expect(secret.echo == "Password: ········")
        secret.stepHistory(back: true)
        #expect(secret.value == "hunter2", "passwords have no history")
    }
}
