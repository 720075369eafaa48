import Testing
@testable import EditorCore

@Suite struct TextLayoutTests {
    @Test func displayColumnsCountWideCharactersTabsAndCombiningMarks() {
        #expect(TextLayout.displayColumn(of: 2, in: "中文x", tabWidth: 4) == 4)
        #expect(TextLayout.displayColumn(of: 1, in: "e\u{301}x", tabWidth: 4) == 1)
        #expect(TextLayout.displayColumn(of: 2, in: "a\tb", tabWidth: 4) == 4)
        #expect(TextLayout.displayColumn(of: 1, in: "👩‍👩‍👧x", tabWidth: 4) == 2)
        #expect(TextLayout.width(of: "ab\t中", tabWidth: 8) == 10)
        // Control characters are drawn as one-column symbols.
        #expect(TextLayout.displayColumn(of: 2, in: "\u{1B}\u{7F}x", tabWidth: 4) == 2)
        #expect(TextLayout.controlPicture("\u{1B}") == "␛")
        #expect(TextLayout.controlPicture("\t") == nil)
        #expect(TextLayout.controlPicture("a") == nil)
    }

    @Test func columnAtADisplayColumnPicksTheCharacterCoveringIt() {
        #expect(TextLayout.column(atDisplayColumn: 3, in: "中文x", tabWidth: 4) == 1)
        #expect(TextLayout.column(atDisplayColumn: 4, in: "中文x", tabWidth: 4) == 2)
        #expect(TextLayout.column(atDisplayColumn: 99, in: "中文x", tabWidth: 4) == 3)
        #expect(TextLayout.column(atDisplayColumn: 2, in: "a\tb", tabWidth: 4) == 1)
    }

    @Test func languagesByKernelNameOrExtension() {
        #expect(TextLanguage.named("Python").lineComment == "#")
        #expect(TextLanguage.named("py").indentsAfterColon)
        #expect(TextLanguage.named("R").lineComment == "#")
        #expect(TextLanguage.named("rs").lineComment == "//")
        #expect(TextLanguage.named("sql").lineComment == "--")
        #expect(TextLanguage.named("unknown-thing") == .plain)
    }

    @Test func characterClassesGroupUnicodeLetters() {
        #expect(CharacterClass.of("é") == .word)
        #expect(CharacterClass.of("語") == .word)
        #expect(CharacterClass.of("_") == .word)
        #expect(CharacterClass.of("→") == .punctuation)
        #expect(CharacterClass.of("😀") == .punctuation)
        #expect(CharacterClass.of("\u{3000}") == .whitespace)
    }
}
