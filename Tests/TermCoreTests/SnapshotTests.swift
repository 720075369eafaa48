import Foundation
import Testing
import TestSupport
@testable import TermCore

@Suite struct SnapshotTests {
    @Test func goldensLiveBesideTheTestTarget() {
        let url = Snapshot.goldenURL(named: "x", filePath: "/p/Tests/TermCoreTests/Sub/FooTests.swift")
        #expect(url.path == "/p/Tests/TermCoreTests/__Snapshots__/x.txt")
    }

    @Test func rowDiffShowsOnlyDifferingRows() {
        let diff = Snapshot.rowDiff(expected: "|ab|\n|cd|\n", actual: "|ab|\n|cx|\n|ef|")
        #expect(diff == "line 2:\n- |cd|\n+ |cx|\nline 3:\n- \n+ |ef|")
    }

    @Test func styledRenderingListsRuns() {
        var b = CellBuffer(size: Size(width: 6, height: 1))
        b.draw("日x", at: Point(x: 1, y: 0), style: Style(foreground: .rgb(1, 2, 3), attributes: [.bold, .underline]))
        #expect(Snapshot.render(b, styled: false) == "| 日x  |\n")
        #expect(Snapshot.render(b, styled: true) == "| 日x  |\n  1-3 fg=#010203 bold underline\n")
    }
}
