import Foundation
import Glibc
import Testing
import TestSupport
@testable import callisto

@Suite struct WorkspaceEventLoopTests {
    @Test func timeoutsRoundUpAndNoDeadlineMeansSleepUntilInput() {
        let now = ContinuousClock.now
        #expect(EventLoop.timeout(until: nil, now: now) == -1)
        #expect(EventLoop.timeout(until: now, now: now) == 0)
        #expect(EventLoop.timeout(until: now.advanced(by: .microseconds(100)), now: now) == 1)
        #expect(EventLoop.timeout(until: now.advanced(by: .milliseconds(25)), now: now) == 25)
        #expect(EventLoop.timeout(until: now.advanced(by: .milliseconds(-5)), now: now) == 0)
    }

    @Test func aReadableDescriptorRunsItsCallbackAndADeadlineReturnsWithout() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        let loop = EventLoop()
        var seen: [EventLoop.Readiness] = []
        loop.watch(fds[0]) { readiness in
            seen.append(readiness)
            var b: UInt8 = 0
            _ = read(fds[0], &b, 1)
        }
        #expect(loop.turn(until: .now) == 0)
        #expect(seen.isEmpty)
        var byte: UInt8 = 7
        #expect(write(fds[1], &byte, 1) == 1)
        #expect(loop.turn(until: nil) == 1)
        #expect(seen == [.readable])
        close(fds[1])
        fds[1] = -1
        #expect(loop.turn(until: nil) == 1)
        #expect(seen.last == .hangup)
        loop.unwatch(fds[0])
        #expect(loop.turn(until: .now) == 0)
    }

    @Test func openPrintsASummaryWhenNotOnATerminal() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory()
        let text = dir.appendingPathComponent("notes.txt")
        try "hello".write(to: text, atomically: true, encoding: .utf8)
        let piped = try ProcessRunner.callisto([text.path])
        #expect(piped.status == 0)
        #expect(piped.stdoutText.contains("notes.txt: file"))
        let flagged = try ProcessRunner.callisto(["open", "--summary", ProjectPaths.root.appendingPathComponent("examples/tour.ipynb").path])
        #expect(flagged.status == 0)
        #expect(flagged.stdoutText.contains("nbformat 4."))
    }
}
