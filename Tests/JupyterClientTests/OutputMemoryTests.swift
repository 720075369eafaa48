import Foundation
import Testing
import JupyterProtocol
@testable import JupyterClient

/// The memory bound of `OutputArea`: a flood keeps its head and its most recent lines, the dropped
/// middle is marked with its line count, and the text never grows far past the limit.
@Suite struct OutputMemoryTests {
    @Test func millionLineStreamKeepsHeadTailAndAMarker() {
        let limit = 1 << 20
        var area = OutputArea(memoryLimit: limit)
        var peak = 0
        var chunk = ""
        for i in 0..<1_000_000 {
            chunk += "line \(i)\n"
            if i % 1000 == 999 {
                area.add(.stream("stdout", chunk))
                chunk = ""
                peak = max(peak, area.approximateBytes)
            }
        }
        #expect(area.outputs.count == 1)
        let text = area.outputs[0].text
        #expect(peak <= limit + 64 * 1024, "text stays near the limit while it runs")
        #expect(text.utf8.count <= limit)
        #expect(text.hasPrefix("line 0\nline 1\n"))
        #expect(text.hasSuffix("line 999998\nline 999999\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let markers = lines.filter { $0.hasPrefix("… ") && $0.hasSuffix(" lines dropped …") }
        #expect(markers.count == 1)
        // Kept lines plus dropped lines are every line printed.
        let dropped = Int(markers[0].dropFirst(2).prefix { $0 != " " }.replacingOccurrences(of: ",", with: "")) ?? -1
        #expect(dropped + lines.count - 2 == 1_000_000)
        // What is kept is whole lines in order around the marker.
        let markerIndex = lines.firstIndex(of: markers[0])!
        #expect(lines[markerIndex - 1] == "line \(markerIndex - 1)")
        let after = Int(lines[markerIndex + 1].dropFirst(5))!
        #expect(after == markerIndex - 1 + dropped + 1)
    }

    @Test func withoutALimitNothingIsDropped() {
        var area = OutputArea()
        for i in 0..<20_000 { area.add(.stream("stdout", "line \(i)\n")) }
        #expect(area.outputs[0].text.split(separator: "\n").count == 20_000)
        #expect(!area.outputs[0].text.contains("dropped"))
    }

    @Test func carriageReturnsStillApplyAfterATrim() {
        var area = OutputArea(memoryLimit: 4096)
        for i in 0..<2000 { area.add(.stream("stdout", "row \(i)\n")) }
        for p in 0...100 { area.add(.stream("stdout", "\r\(p)%")) }
        let text = area.outputs[0].text
        #expect(text.hasSuffix("row 1999\n100%"))
        #expect(text.contains("lines dropped"))
        #expect(text.utf8.count <= 4096)
    }

    @Test func manySeparateOutputsAreBoundedToo() {
        var area = OutputArea(memoryLimit: 64 * 1024)
        for i in 0..<50_000 {
            area.add(.stream(i % 2 == 0 ? "stdout" : "stderr", "output \(i)\n"))
        }
        #expect(area.approximateBytes <= 64 * 1024)
        #expect(area.outputs.first?.text == "output 0\n")
        #expect(area.outputs.last?.text == "output 49999\n")
        #expect(area.outputs.contains { $0.text.contains("outputs dropped") })
    }

    @Test func markerCountsAddUpOverRepeatedTrims() {
        var text = ""
        var elision: StreamElision?
        var total = 0
        for round in 0..<10 {
            for i in 0..<1000 { text += "r\(round) l\(i)\n"; total += 1 }
            StreamElision.bound(&text, limit: 2000, elision: &elision)
        }
        let kept = text.split(separator: "\n").filter { !$0.hasPrefix("…") }.count
        #expect(kept + (elision?.droppedLines ?? 0) == total)
        #expect(text.components(separatedBy: "lines dropped").count == 2)
    }
}
