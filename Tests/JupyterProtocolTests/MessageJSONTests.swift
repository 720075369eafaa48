import Foundation
import Testing
@testable import JupyterProtocol

@Suite struct MessageJSONTests {
    @Test func parsesAllKinds() throws {
        let v = try MessageJSONParser.parse(#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\\\n\u00e9\ud83d\ude00", "c": {}} "#)
        #expect(v["a"] == .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]))
        #expect(v["b"]?.stringValue == "x\"\\\né😀")
        #expect(v["c"] == .object([:]))
        #expect(v["a"]?.arrayValue?[0].intValue == 1)
        #expect(v["a"]?.arrayValue?[1].doubleValue == -2500)
    }

    @Test func roundTripsThroughTheWriter() throws {
        let v: MessageJSON = ["text": "line\n\t\"q\" \u{1} ☃", "n": .number("1.0"), "list": [1, nil, true], "o": ["k": "v"]]
        let text = MessageJSONWriter.string(v)
        #expect(try MessageJSONParser.parse(text) == v)
        let viaPython = try TestPython.run("import json,sys; print(json.dumps(json.loads(sys.argv[1]), sort_keys=True, separators=(',',':'), ensure_ascii=False))", arguments: [text])
        #expect(viaPython == text)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "01", "1.", "\"\\x\"", "\"a", "[1] 2", "{\"a\":1,}", "\"\u{1}\""])
    func rejectsInvalidText(_ text: String) {
        #expect(throws: MessageJSONError.self) { try MessageJSONParser.parse(text) }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: MessageJSONError.self) { try MessageJSONParser.parse(deep) }
        let ok = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect((try? MessageJSONParser.parse(ok)) != nil)
    }

    @Test func invalidUTF8InStringsIsReplaced() throws {
        let bytes = Data([0x22, 0x61, 0xFF, 0x62, 0x22])
        #expect(try MessageJSONParser.parse(bytes).stringValue == "a\u{FFFD}b")
    }

    @Test func loneSurrogateBecomesReplacementCharacter() throws {
        #expect(try MessageJSONParser.parse(#""\ud800x""#).stringValue == "\u{FFFD}x")
        // A high surrogate followed by an escape that is not its partner: that escape still counts.
        #expect(try MessageJSONParser.parse(#""\ud800\u0041""#).stringValue == "\u{FFFD}A")
        #expect(try MessageJSONParser.parse(#""\udc00\ud83d\ude00""#).stringValue == "\u{FFFD}😀")
    }

    @Test func longStringsWithEscapesPastTheWordLoop() throws {
        let plain = String(repeating: "abcdefgh", count: 40)
        let text = MessageJSONWriter.string(["s": .string(plain + "\u{7}é\"" + plain)])
        #expect(text.contains("\\u0007é\\\""))
        #expect(try MessageJSONParser.parse(text)["s"]?.stringValue == plain + "\u{7}é\"" + plain)
    }
}
