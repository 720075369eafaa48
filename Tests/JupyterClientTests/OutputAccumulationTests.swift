import Foundation
import Testing
import JupyterProtocol
@testable import JupyterClient

@Suite struct OutputAccumulationTests {
    @Test(arguments: [
        ("abc\rdef", "def"),
        ("abc\r\ndef", "abc\r\ndef"),
        ("a\r", "a\r"),
        ("ab\u{8}c", "ac"),
        ("\u{8}x", "\u{8}x"),
        ("日本\u{8}語", "日語"),
        ("x\u{8}\u{8}y", "\u{8}y"),
        ("1\n 10%\r 20%\r 30%\ndone", "1\n 30%\ndone"),
    ])
    func normalisesControlCharacters(_ input: String, _ expected: String) {
        #expect(StreamText.normalize(input) == expected)
    }

    @Test func appliesAcrossChunks() {
        var text = "start\n"
        for i in 0...100 { StreamText.append("\r\(i)%", to: &text) }
        StreamText.append("\n", to: &text)
        #expect(text == "start\n100%\n")
        StreamText.append("abc", to: &text)
        StreamText.append("\u{8}\u{8}X", to: &text)
        #expect(text == "start\n100%\naX")
    }

    @Test func mergesConsecutiveStreamsOfTheSameName() {
        var area = OutputArea()
        area.add(.stream("stdout", "a"))
        area.add(.stream("stdout", "b\n"))
        area.add(.stream("stderr", "e\n"))
        area.add(.stream("stdout", "c\n"))
        #expect(area.outputs.map(\.text) == ["ab\n", "e\n", "c\n"])
    }

    @Test func clearOutputWaitDefersUntilTheNextOutput() {
        var area = OutputArea()
        area.add(.stream("stdout", "old\n"))
        area.clear(wait: true)
        #expect(area.outputs.count == 1)
        area.add(.stream("stdout", "new\n"))
        #expect(area.outputs.map(\.text) == ["new\n"])
        area.clear(wait: false)
        #expect(area.outputs.isEmpty)
    }

    @Test func displayUpdatesRewriteOnlyMatchingOutputs() {
        var area = OutputArea()
        var shown = KernelOutput(kind: .displayData, data: ["text/plain": "1"], displayID: "d")
        area.add(shown)
        shown.displayID = "other"
        area.add(shown)
        let updated = area.updateDisplay("d", data: ["text/plain": "2"], metadata: [:])
        #expect(updated)
        #expect(area.outputs.map { $0.data["text/plain"]?.stringValue } == ["2", "1"])
        let missing = area.updateDisplay("missing", data: [:], metadata: [:])
        #expect(!missing)
    }

    @Test func manyLinesStayLinear() {
        var area = OutputArea()
        let chunk = (0..<1000).map { "\($0)\n" }.joined()
        for _ in 0..<200 { area.add(.stream("stdout", chunk)) }
        #expect(area.outputs.count == 1)
        #expect(area.outputs[0].text.utf8.count == chunk.utf8.count * 200)
    }

    @Test func notebookJSONMatchesNbformatShapes() {
        let result = KernelOutput(kind: .executeResult, data: ["text/plain": "42"], executionCount: 3)
        #expect(result.notebookJSON == ["output_type": "execute_result", "data": ["text/plain": "42"], "metadata": [:], "execution_count": 3])
        let error = KernelOutput(kind: .error, ename: "E", evalue: "v", traceback: ["t"])
        #expect(error.notebookJSON == ["output_type": "error", "ename": "E", "evalue": "v", "traceback": ["t"]])
    }
}
