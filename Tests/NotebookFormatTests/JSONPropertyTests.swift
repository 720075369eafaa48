import Foundation
import Testing
import TestSupport
@testable import NotebookFormat

/// Random JSON texts (seeded) read and written by Callisto must equal Python's
/// `json.dumps(json.loads(text), indent=1, sort_keys=True, separators=(",", ": "), ensure_ascii=False)`.
@Suite struct JSONPropertyTests {
    @Test func randomValuesAreWrittenExactlyAsPythonWritesThem() throws {
        var generator = RandomJSONText(seed: 0xC0FFEE)
        let texts = (0..<3000).map { _ in generator.document() }
        let code = """
            import json, sys
            data = sys.stdin.buffer.read().decode("utf-8").split("\\0")
            out = [json.dumps(json.loads(t), indent=1, sort_keys=True, separators=(",", ": "), ensure_ascii=False)
                   for t in data]
            sys.stdout.buffer.write("\\0".join(out).encode("utf-8"))
            """
        let result = try Reference.python(code, stdin: Data(texts.joined(separator: "\0").utf8))
        let expected = result.stdoutText.components(separatedBy: "\0")
        try #require(expected.count == texts.count)
        var failures: [String] = []
        for (i, text) in texts.enumerated() {
            let mine = JSONWriter.string(try JSONParser.parse(text))
            if mine != expected[i] { failures.append("input \(text)\n callisto \(mine)\n python   \(expected[i])") }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(texts.count) differ; first:\n\(failures.first ?? "")")
    }
}

/// A seeded generator of JSON documents written in varied ways: random whitespace, `\u` escapes
/// (with surrogate pairs), numbers in many spellings, duplicate and canonically equivalent keys.
struct RandomJSONText {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

    mutating func document() -> String { ws() + value(depth: 0) + ws() }

    mutating func ws() -> String {
        int(4) == 0 ? pick([" ", "\n", "\t", "\r\n ", "  "]) : ""
    }

    mutating func value(depth: Int) -> String {
        switch int(depth > 3 ? 6 : 9) {
        case 0: return pick(["null", "true", "false"])
        case 1, 2: return number()
        case 3, 4, 5: return string(key: false)
        case 6, 7: return "[" + (0..<int(5)).map { _ in ws() + value(depth: depth + 1) + ws() }.joined(separator: ",") + "]"
        default:
            let members = (0..<int(6)).map { _ in ws() + string(key: true) + ws() + ":" + ws() + value(depth: depth + 1) }
            return "{" + members.joined(separator: ",") + ws() + "}"
        }
    }

    mutating func number() -> String {
        switch int(10) {
        case 0: return String(Int64(bitPattern: next()) >> int(60))
        case 1: return (int(2) == 0 ? "-" : "") + "1" + String((0..<int(40)).map { _ in Character(String(int(10))) })
        case 2: return pick(["0", "-0", "0.0", "-0.0", "1E5", "1e-05", "1.0", "1e16", "9.1e15", "10000000000000000.0",
                             "1e400", "-1e400", "1e-400", "NaN", "Infinity", "-Infinity", "0.0001", "0.00001", "2.5E+3",
                             "5e-324", "1.7976931348623157e308", "4.9406564584124654e-324"])
        case 3, 4:
            let d = Double(bitPattern: next())
            guard d.isFinite else { return "1.5" }
            return pick(["\(d)", String(format: "%.17g", d), String(format: "%.3e", d), String(format: "%.6f", d)])
        case 5:
            let d = Double(int(1_000_000)) / pick([1, 10, 1000, 1e6, 1e12, 1e20])
            return "\(d)"
        case 6: return "\(int(100)).\(int(100))e\(pick(["", "+", "-"]))\(int(30))"
        default: return String(int(100_000))
        }
    }

    private static let pieces: [String] = [
        "a", "Z", "key", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{01}", "\u{1B}",
        "\u{1F}", "\u{7F}", "\u{85}", "\u{A0}", "\u{2028}", "\u{2029}", "é", "e\u{301}", "\u{E9}", "ñ", "漢字", "한",
        "שלום", "مرحبا", "😀", "👨\u{200D}👩\u{200D}👧", "🏳️\u{200D}🌈", "\u{10FFFF}", "\u{FFFD}", "\u{FEFF}", "<>&",
    ]

    mutating func string(key: Bool) -> String {
        var out = "\""
        for _ in 0..<int(key ? 3 : 8) {
            for scalar in pick(Self.pieces).unicodeScalars {
                out += encode(scalar)
            }
        }
        return out + "\""
    }

    mutating func encode(_ s: Unicode.Scalar) -> String {
        let v = s.value
        let escape = v < 0x20 || s == "\"" || s == "\\" || int(5) == 0
        if !escape { return String(s) }
        switch s {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return int(2) == 0 ? "\\n" : "\\u000a"
        case "/": return "\\/"
        default:
            if v > 0xFFFF {
                let u = v - 0x10000
                return String(format: "\\u%04x\\u%04X", 0xD800 + (u >> 10), 0xDC00 + (u & 0x3FF))
            }
            return String(format: int(2) == 0 ? "\\u%04x" : "\\u%04X", v)
        }
    }
}
