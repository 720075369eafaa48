import Testing
@testable import TermCore

@Suite struct KeyNotationTests {
    @Test(arguments: ["a", "A", "<C-e>", "<A-Enter>", "<S-Tab>", "<F1>", "<C-Space>", "<lt>", "<C-S-c>", "<Esc>", "<C-\\>"])
    func roundTrips(_ notation: String) throws {
        let key = try #require(Key(notation: notation))
        #expect(key.description == notation)
        #expect(Key(notation: key.description) == key)
    }

    @Test func normalisesShiftAndCtrlCase() {
        #expect(Key(notation: "<S-a>") == Key(notation: "A"))
        #expect(Key(notation: "<C-E>") == Key(notation: "<C-e>"))
        #expect(Key(notation: "<S-!>") == Key(notation: "!"))
        #expect(Key(.char(" ")) == Key(.space))
    }

    @Test func parsesSequences() {
        #expect(Key.sequence("d d") == [Key.char("d"), Key.char("d")])
        #expect(Key.sequence("<C-x> <C-s>") == [Key.ctrl("x"), Key.ctrl("s")])
        #expect(Key.sequence("") == nil)
        #expect(Key.sequence("<Nope>") == nil)
    }
}

@Suite struct ColorTests {
    @Test func parsesForms() {
        #expect(Color(parsing: "#ff8000") == .rgb(255, 128, 0))
        #expect(Color(parsing: "#f80") == .rgb(255, 136, 0))
        #expect(Color(parsing: "bright-blue") == .indexed(12))
        #expect(Color(parsing: "grey") == .indexed(8))
        #expect(Color(parsing: "200") == .indexed(200))
        #expect(Color(parsing: "default") == .default)
        #expect(Color(parsing: "#12345") == nil)
        #expect(Color(parsing: "chartreuse-ish") == nil)
    }

    @Test func xtermPalette() {
        #expect(Color.xtermRGB(16) == (0, 0, 0))
        #expect(Color.xtermRGB(196) == (255, 0, 0))
        #expect(Color.xtermRGB(244) == (128, 128, 128))
    }
}
