import Foundation
import NotebookFormat

/// Notebook parameters given as `-p NAME VALUE`, injected like papermill: values are typed
/// (`True`/`False`/`None`, integers, floats, else strings) and written as a code cell tagged
/// `injected-parameters` after the cell tagged `parameters`.
struct RunParameters {
    /// A typed parameter value.
    enum Value: Equatable {
        case bool(Bool), none, int(Int), float(Double), string(String)

        /// papermill's `_resolve_type`.
        init(resolving text: String) {
            switch text {
            case "True": self = .bool(true)
            case "False": self = .bool(false)
            case "None": self = .none
            default:
                let t = text.trimmingCharacters(in: .whitespaces)
                if let i = Int(t) { self = .int(i) } else if let d = Double(t), !t.isEmpty,
                    t.allSatisfy({ "0123456789+-.eE".contains($0) }) || ["inf", "-inf", "nan"].contains(t.lowercased()) {
                    self = .float(d)
                } else { self = .string(text) }
            }
        }
    }

    /// Name and value pairs, in command-line order.
    var values: [(String, Value)]

    /// Pairs up `NAME VALUE NAME VALUE …`.
    init(flat: [String]) throws {
        guard flat.count % 2 == 0 else { throw RunFailure.usage("-p takes a NAME and a VALUE") }
        var values: [(String, Value)] = []
        for i in stride(from: 0, to: flat.count, by: 2) {
            let name = flat[i]
            guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic,
                  name.unicodeScalars.allSatisfy({ $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType != nil })
            else { throw RunFailure.usage("invalid parameter name '\(name)'") }
            values.append((name, Value(resolving: flat[i + 1])))
        }
        self.values = values
    }

    var isEmpty: Bool { values.isEmpty }

    /// The source of the injected cell for `language`, as papermill's translators write it.
    func source(language: String) throws -> String {
        switch language.lowercased() {
        case "python":
            return "# Parameters\n" + values.map { "\($0.0) = \(Self.python($0.1))\n" }.joined()
        case "bash":
            return "# Parameters\n" + values.map { "\($0.0)=\(Self.bash($0.1))\n" }.joined()
        default:
            throw RunFailure.usage("parameters are supported for python and bash kernels, not '\(language)'")
        }
    }

    static func python(_ v: Value) -> String {
        switch v {
        case .bool(let b): return b ? "True" : "False"
        case .none: return "None"
        case .int(let i): return String(i)
        case .float(let d):
            if d.isNaN { return "float('nan')" }
            if d.isInfinite { return d < 0 ? "float('-inf')" : "float('inf')" }
            return pythonFloat(d)
        case .string(let s): return "\"" + unicodeEscape(s).replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
    }

    static func bash(_ v: Value) -> String {
        switch v {
        case .bool(let b): return b ? "true" : "false"
        case .none: return "\"\""
        case .int(let i): return String(i)
        case .float(let d): return pythonFloat(d)
        case .string(let s):
            if !s.isEmpty, s.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "@%+=:,./-_".unicodeScalars.contains($0)) }) {
                return s
            }
            return "'" + s.replacingOccurrences(of: "'", with: "'\"'\"'") + "'"
        }
    }

    /// Python's `str(float)`.
    static func pythonFloat(_ d: Double) -> String { PythonFloat.repr(d) }

    /// Python's `encode('unicode_escape').decode()`.
    static func unicodeEscape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u.value {
            case 0x5C: out += "\\\\"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x20..<0x7F: out.unicodeScalars.append(u)
            case 0..<0x100: out += String(format: "\\x%02x", u.value)
            case 0x100..<0x10000: out += String(format: "\\u%04x", u.value)
            default: out += String(format: "\\U%08x", u.value)
            }
        }
        return out
    }
}
