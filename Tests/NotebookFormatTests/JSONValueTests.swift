import Foundation
import Testing
@testable import NotebookFormat

@Suite struct JSONValueTests {
    func roundTrip(_ text: String) throws -> String {
        JSONWriter.string(try JSONParser.parse(text))
    }

    @Test func numbersAreWrittenAsPythonWritesTheParsedValue() throws {
        let cases: [(String, String)] = [
            ("1", "1"), ("-0", "0"), ("123456789012345678901234567890", "123456789012345678901234567890"),
            ("1.0", "1.0"), ("1E5", "100000.0"), ("1e-05", "1e-05"), ("0.0001", "0.0001"), ("1e-4", "0.0001"),
            ("0.00001", "1e-05"), ("1.5e-5", "1.5e-05"), ("10000000000000000.0", "1e+16"),
            ("9100000000000000.0", "9100000000000000.0"), ("9007199254740993.0", "9007199254740992.0"),
            ("9999999999999998.0", "9999999999999998.0"), ("1e16", "1e+16"), ("1e22", "1e+22"), ("-0.0", "-0.0"),
            ("0e0", "0.0"), ("5e-324", "5e-324"), ("1.7976931348623157e308", "1.7976931348623157e+308"),
            ("1e400", "Infinity"), ("-1e400", "-Infinity"), ("1e-400", "0.0"), ("NaN", "NaN"),
            ("Infinity", "Infinity"), ("-Infinity", "-Infinity"), ("0.1", "0.1"), ("123456.789e3", "123456789.0"),
            ("2.5", "2.5"), ("100", "100"),
        ]
        for (input, expected) in cases {
            #expect(try roundTrip(input) == expected, "\(input)")
        }
    }

    @Test func floatReprEdges() {
        #expect(PythonFloat.repr(1e16) == "1e+16")
        #expect(PythonFloat.repr(9.1e15) == "9100000000000000.0")
        #expect(PythonFloat.repr(0.1 + 0.2) == "0.30000000000000004")
        #expect(PythonFloat.repr(1e-7) == "1e-07")
        #expect(PythonFloat.repr(123e-20) == "1.23e-18")
        #expect(PythonFloat.repr(-2.0) == "-2.0")
        #expect(PythonFloat.repr(.greatestFiniteMagnitude) == "1.7976931348623157e+308")
        #expect(PythonFloat.repr(.leastNonzeroMagnitude) == "5e-324")
    }

    @Test func numbersKeepTheirLexeme() throws {
        let value = try JSONParser.parse("[1e-05, 1.0, 10000000000000000.0]")
        let lexemes = value.arrayValue?.compactMap { $0.numberValue?.text }
        #expect(lexemes == ["1e-05", "1.0", "10000000000000000.0"])
        #expect(value.arrayValue?[1].numberValue?.isInteger == false)
        #expect(try JSONParser.parse("7").intValue == 7)
        #expect(try JSONParser.parse("7.0").intValue == nil)
    }

    @Test func stringsAreEscapedLikePython() throws {
        let s = "q\" b\\ / \n\r\t\u{08}\u{0C} \u{01}\u{1B}\u{1F} \u{7F} \u{2028}\u{2029} \u{85} é 😀"
        let written = JSONWriter.string(.string(s))
        #expect(written == "\"q\\\" b\\\\ / \\n\\r\\t\\b\\f \\u0001\\u001b\\u001f \u{7F} \u{2028}\u{2029} \u{85} é 😀\"")
        #expect(try JSONParser.parse(written) == .string(s))
    }

    @Test func escapesAreDecoded() throws {
        let v = try JSONParser.parse(#""\u00e9\ud83d\ude00\/\"\\\b\f\n\r\t\u0000""#)
        #expect(v == .string("é😀/\"\\\u{08}\u{0C}\n\r\t\u{0}"))
    }

    @Test func duplicateKeysKeepTheLastValueAtTheFirstPosition() throws {
        let v = try JSONParser.parse(#"{"a": 1, "b": 2, "a": 3}"#)
        let o = try #require(v.objectValue)
        #expect(o.keys == ["a", "b"])
        #expect(o["a"] == .int(3))
        var many = "{"
        for i in 0..<40 { many += "\"k\(i % 20)\": \(i)," }
        many += "\"end\": 0}"
        let big = try #require(try JSONParser.parse(many).objectValue)
        #expect(big.count == 21)
        #expect(big["k3"] == .int(23))
    }

    @Test func canonicallyEquivalentKeysStayDistinctAndSortByCodePoint() throws {
        let v = try JSONParser.parse("{\"\u{E9}\": 1, \"e\u{301}\": 2, \"z\": 3, \"Z\": 4, \"\": 5, \"😀\": 6, \"\u{FFFD}\": 7}")
        let o = try #require(v.objectValue)
        #expect(o.count == 7)
        #expect(o["\u{E9}"] == .int(1))
        #expect(o["e\u{301}"] == .int(2))
        let sorted = o.sortedIndices.map { o.keys[$0] }
        #expect(sorted.map { Array($0.unicodeScalars.map(\.value)) }
                == [[], [0x5A], [0x65, 0x301], [0x7A], [0xE9], [0xFFFD], [0x1F600]])
    }

    @Test func writerLayoutMatchesJSONDumpsIndentOne() throws {
        let v = try JSONParser.parse(#"{"b": [1, {}, [], {"x": null}], "a": {"d": true, "c": false}}"#)
        let expected = """
            {
             "a": {
              "c": false,
              "d": true
             },
             "b": [
              1,
              {},
              [],
              {
               "x": null
              }
             ]
            }
            """
        #expect(JSONWriter.string(v) == expected)
    }

    @Test func objectEqualityIgnoresOrderButNotBytes() {
        let a: JSONObject = ["x": 1, "y": 2]
        let b: JSONObject = ["y": 2, "x": 1]
        #expect(a == b)
        let c: JSONObject = ["\u{E9}": 1]
        let d: JSONObject = ["e\u{301}": 1]
        #expect(c != d)
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("[1]".utf8)
        #expect(try JSONParser.parse(data) == .array([.int(1)]))
        #expect(JSONParser.hasByteOrderMark(data))
    }

    @Test func lineSplittingMatchesPythonSplitlines() {
        #expect(LineSplitter.lines("") == [])
        #expect(LineSplitter.lines("a\n") == ["a\n"])
        #expect(LineSplitter.lines("a\nb") == ["a\n", "b"])
        #expect(LineSplitter.lines("a\r\nb\rc\u{0B}d\u{0C}e\u{1C}f\u{1D}g\u{1E}h\u{85}i\u{2028}j\u{2029}k")
                == ["a\r\n", "b\r", "c\u{0B}", "d\u{0C}", "e\u{1C}", "f\u{1D}", "g\u{1E}", "h\u{85}", "i\u{2028}", "j\u{2029}", "k"])
        #expect(LineSplitter.lines("\n\n") == ["\n", "\n"])
    }
}
