import Foundation
import Glibc
import Testing
@testable import CursesBackend

@Suite struct ColorPairCacheTests {
    @Test func reusesPairsAndFallsBackWhenFull() {
        var cache = ColorPairCache(capacity: 3)
        var created: [[Int32]] = []
        let allocate: (Int32, Int32, Int32) -> Bool = { n, f, b in created.append([n, f, b]); return true }
        #expect(cache.pair(fg: -1, bg: -1, allocate: allocate) == 0)
        #expect(cache.pair(fg: 1, bg: -1, allocate: allocate) == 1)
        #expect(cache.pair(fg: 2, bg: 4, allocate: allocate) == 2)
        #expect(cache.pair(fg: 1, bg: -1, allocate: allocate) == 1)
        #expect(created == [[1, 1, -1], [2, 2, 4]])
        #expect(cache.pair(fg: 3, bg: 3, allocate: allocate) == 0)
        #expect(cache.fallbacks == 1)
        cache.reset()
        #expect(cache.pair(fg: 3, bg: 3, allocate: allocate) == 1)
    }

    @Test func failedAllocationFallsBack() {
        var cache = ColorPairCache(capacity: 100)
        #expect(cache.pair(fg: 300, bg: 1) { _, _, _ in false } == 0)
        #expect(cache.fallbacks == 1 && cache.pairs.isEmpty)
    }
}

@Suite struct TerminalModesTests {
    @Test func leaveUndoesEveryModeEnterSets() {
        let on = TerminalModes.enable(mouse: true, extendedKeys: true)
        let off = TerminalModes.disable(mouse: true, extendedKeys: true)
        for mode in ["?2004", "?1004", "?1000", "?1002", "?1006"] {
            #expect(on.contains("\u{1b}[\(mode)h") && off.contains("\u{1b}[\(mode)l"))
        }
        #expect(on.contains("\u{1b}[>4;2m") && off.contains("\u{1b}[>4;0m"))
        #expect(on.contains("\u{1b}[>1u") && off.contains("\u{1b}[<u"))
        #expect(!TerminalModes.enable(mouse: false, extendedKeys: false).contains("1000"))
    }
}

@Suite(.serialized) struct SignalPipeTests {
    @Test func signalsArriveAsBytesOnThePipe() throws {
        let pipe = try SignalPipe(signals: [SIGWINCH, SIGCONT])
        raise(SIGWINCH)
        raise(SIGCONT)
        var seen: [Int32] = []
        let deadline = Date().addingTimeInterval(5)
        while seen.count < 2 && Date() < deadline {
            var pfd = pollfd(fd: pipe.readFD, events: Int16(POLLIN), revents: 0)
            _ = poll(&pfd, 1, 50)
            seen += pipe.drain()
        }
        #expect(seen == [SIGWINCH, SIGCONT])
    }
}
