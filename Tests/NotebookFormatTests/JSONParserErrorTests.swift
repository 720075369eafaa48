import Foundation
import Testing
@testable import NotebookFormat

@Suite struct JSONParserErrorTests {
    func failure(_ bytes: [UInt8], maxDepth: Int = JSONParser.defaultMaxDepth) -> JSONParseError? {
        do {
            _ = try JSONParser.parse(Data(bytes), maxDepth: maxDepth)
            return nil
        } catch {
            return error
        }
    }

    func failure(_ text: String) -> JSONParseError? { failure(Array(text.utf8)) }

    @Test func errorsCarryLineAndColumn() throws {
        let e = try #require(failure("{\n \"a\": 1,\n \"b\" 2\n}"))
        #expect(e.line == 3)
        #expect(e.column == 6)
        #expect(e.message.contains("':'"))
        let f = try #require(failure("[1, 2\n, 3 4]"))
        #expect((f.line, f.column) == (2, 5))
        #expect(f.description.hasPrefix("line 2, column 5: "))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let e = try #require(failure("[\"é😀\" x]"))
        #expect(e.line == 1)
        #expect(e.column == 7)
    }

    @Test func invalidUTF8IsRefusedWithItsLocation() throws {
        let e = try #require(failure(Array("{\"a\": \"ok\",\n \"b\": \"x".utf8) + [0xFF] + Array("\"}".utf8)))
        #expect(e.line == 2)
        #expect(e.column == 9)
        #expect(e.message.contains("invalid UTF-8"))
        // Overlong encoding, truncated sequence, encoded surrogate.
        #expect(failure([0x22, 0xC0, 0xAF, 0x22]) != nil)
        #expect(failure([0x22, 0xE2, 0x82, 0x22]) != nil)
        #expect(failure([0x22, 0xED, 0xA0, 0x80, 0x22]) != nil)
        #expect(failure([0xFF]) != nil)
    }

    @Test func depthLimitGivesAClearError() throws {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let e = try #require(failure(deep))
        #expect(e.message.contains("nesting deeper than 512"))
        #expect(failure(String(repeating: "[", count: 100) + String(repeating: "]", count: 100)) == nil)
        // Far deeper than any stack could take.
        #expect(failure(String(repeating: "{\"a\":", count: 200_000)) != nil)
    }

    @Test func malformedInputsAreRefused() {
        let bad = ["", "   ", "{", "[1,]", "{\"a\":1,}", "{'a': 1}", "[01]", "[1.]", "[.5]", "[1e]", "tru", "nul",
                   "\"abc", "\"a\tb\"", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00x\"", "[1] 2", "{\"a\" 1}",
                   "[-]", "[+1]", "[Infinit]", "{1: 2}"]
        for text in bad {
            #expect(failure(text) != nil, "\(text)")
        }
    }

    @Test func notebookReaderExplainsWhatIsWrong() throws {
        func readError(_ text: String) -> NotebookReadError? {
            do {
                _ = try Notebook(data: Data(text.utf8))
                return nil
            } catch {
                return error
            }
        }
        #expect(readError("[]")?.description.contains("not an object") == true)
        let v3 = try #require(readError(#"{"nbformat": 3, "nbformat_minor": 0, "worksheets": [], "metadata": {}}"#))
        #expect(v3.description.contains("jupyter nbconvert --to notebook --nbformat 4"))
        #expect(readError(#"{"metadata": {}}"#)?.description.contains("nbformat 1") == true)
        #expect(readError(#"{"nbformat": 5, "nbformat_minor": 0, "cells": [], "metadata": {}}"#) != nil)
        #expect(readError(#"{"nbformat": 4, "cells": [], "metadata": {}}"#)?.description.contains("nbformat_minor") == true)
        #expect(readError(#"{"nbformat": 4, "nbformat_minor": 5, "metadata": {}}"#)?.description.contains("cells") == true)
        #expect(readError(#"{"nbformat": 4, "nbformat_minor": 5, "cells": [1], "metadata": {}}"#)?.description
                .contains("cells[0]") == true)
        let json = try #require(readError("{\n\"nbformat\": 4,,\n}"))
        #expect(json.description.contains("line 2"))
    }

    @Test func corruptedNotebooksFailCleanly() throws {
        var random = RandomJSONText(seed: 42)
        let original = Array(NotebookModelTests.golden.utf8)
        let specials: [UInt8] = [0x22, 0x5C, 0x5B, 0x5D, 0x7B, 0x7D, 0x2C, 0x3A, 0x00, 0x0A, 0xC3, 0xFF, 0x31, 0x2E]
        var failures = 0
        for _ in 0..<1000 {
            var bytes = original
            for _ in 0..<(1 + random.int(4)) {
                let at = random.int(bytes.count)
                switch random.int(3) {
                case 0: bytes[at] = random.pick(specials)
                case 1: bytes.remove(at: at)
                default: bytes.insert(random.pick(specials), at: at)
                }
            }
            if random.int(10) == 0 { bytes = Array(bytes.prefix(random.int(bytes.count))) }
            do {
                let nb = try Notebook(data: Data(bytes))
                _ = nb.serialized()
                _ = NotebookValidator.validate(nb)
                _ = PercentScript.script(from: nb)
                _ = MarkdownExport.markdown(from: nb)
            } catch {
                failures += 1
                #expect(!error.description.isEmpty)
            }
            _ = PercentScript.notebook(from: String(decoding: bytes, as: UTF8.self))
        }
        #expect(failures > 300)
    }
}
