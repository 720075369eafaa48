import Testing
@testable import TermCore

@Suite struct ColorDepthTests {
    @Test func detection() {
        #expect(ColorDepth.detect(environment: ["TERM": "xterm-256color", "COLORTERM": "truecolor"], terminfoColors: 256) == .trueColor)
        #expect(ColorDepth.detect(environment: ["TERM": "xterm-256color"], terminfoColors: 256) == .indexed256)
        #expect(ColorDepth.detect(environment: ["TERM": "tmux-256color"], terminfoColors: nil) == .indexed256)
        #expect(ColorDepth.detect(environment: ["TERM": "xterm-direct"], terminfoColors: 0x1000000) == .trueColor)
        #expect(ColorDepth.detect(environment: ["TERM": "xterm-16color"], terminfoColors: 16) == .ansi16)
        #expect(ColorDepth.detect(environment: ["TERM": "screen"], terminfoColors: 8) == .ansi8)
        #expect(ColorDepth.detect(environment: ["TERM": "vt100"], terminfoColors: nil) == .monochrome)
        #expect(ColorDepth.detect(environment: ["TERM": "vt220", "COLORTERM": "truecolor"], terminfoColors: nil) == .monochrome)
        #expect(ColorDepth.detect(environment: ["TERM": "xterm-256color", "NO_COLOR": "1", "COLORTERM": "truecolor"], terminfoColors: 256) == .monochrome)
        #expect(ColorDepth.detect(environment: ["TERM": "xterm-256color", "NO_COLOR": ""], terminfoColors: 256) == .indexed256)
        #expect(ColorDepth.detect(environment: ["TERM": "xterm"], terminfoColors: -1) == .monochrome)
    }

    @Test func trueColorTo256PicksCubeOrGrey() {
        #expect(Color.rgb(255, 0, 0).degraded(to: .indexed256) == .indexed(196))
        #expect(Color.rgb(0, 0, 0).degraded(to: .indexed256) == .indexed(16))
        #expect(Color.rgb(128, 128, 128).degraded(to: .indexed256) == .indexed(244))
        #expect(Color.rgb(95, 135, 175).degraded(to: .indexed256) == .indexed(67))
        #expect(Color.rgb(30, 30, 30).degraded(to: .indexed256) == .indexed(234))
        #expect(Color.indexed(200).degraded(to: .indexed256) == .indexed(200))
    }

    @Test func degradesTo16And8() {
        #expect(Color.rgb(250, 10, 10).degraded(to: .ansi16) == .indexed(9))
        #expect(Color.rgb(200, 0, 0).degraded(to: .ansi16) == .indexed(1))
        #expect(Color.rgb(250, 10, 10).degraded(to: .ansi8) == .indexed(1))
        #expect(Color.indexed(12).degraded(to: .ansi8) == .indexed(4))
        #expect(Color.indexed(12).degraded(to: .ansi16) == .indexed(12))
        #expect(Color.indexed(46).degraded(to: .ansi16) == .indexed(10))
        #expect(Color.indexed(236).degraded(to: .ansi8) == .indexed(0))
        #expect(Color.rgb(240, 240, 240).degraded(to: .ansi8) == .indexed(7))
    }

    @Test func monochromeDropsColoursKeepsAttributes() {
        let s = Style(foreground: .rgb(1, 2, 3), background: .indexed(4), attributes: [.bold, .reverse])
        #expect(s.degraded(to: .monochrome) == Style(foreground: .default, background: .default, attributes: [.bold, .reverse]))
        #expect(TerminalCapabilities(colorDepth: .monochrome).prefersReverseVideo)
        #expect(!TerminalCapabilities(colorDepth: .ansi8).prefersReverseVideo)
        #expect(Color.default.degraded(to: .ansi8) == .default)
    }

    @Test func everyColourDegradesIntoRange() {
        for i in 0...255 {
            let c = Color.indexed(UInt8(i))
            guard case let .indexed(a) = c.degraded(to: .ansi16), case let .indexed(b) = c.degraded(to: .ansi8) else {
                Issue.record("not indexed"); return
            }
            #expect(a < 16 && b < 8)
        }
    }
}
