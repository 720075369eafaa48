import Foundation

/// The YAML of jupytext's script headers: written as PyYAML's `safe_dump(default_flow_style=False)`
/// writes it (sorted keys, two-space indents, plain scalars when safe, else quoted), and read back
/// for the block mappings, sequences and scalars such headers contain.
enum JupytextYAML {
    // MARK: writing

    /// `yaml.safe_dump(value, default_flow_style=False)` as lines.
    static func dump(_ object: JSONObject) -> [String] {
        var lines: [String] = []
        emitMapping(object, indent: 0, into: &lines)
        return lines
    }

    private static func emitMapping(_ o: JSONObject, indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for i in o.sortedIndices {
            let key = scalar(o.keys[i])
            switch o.values[i] {
            case .object(let child) where !child.isEmpty:
                lines.append("\(pad)\(key):")
                emitMapping(child, indent: indent + 2, into: &lines)
            case .array(let items) where !items.isEmpty:
                lines.append("\(pad)\(key):")
                emitSequence(items, indent: indent, into: &lines)
            case let v:
                lines.append("\(pad)\(key): \(inline(v))")
            }
        }
    }

    private static func emitSequence(_ items: [JSONValue], indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            var sub: [String] = []
            switch item {
            case .object(let child) where !child.isEmpty: emitMapping(child, indent: indent + 2, into: &sub)
            case .array(let inner) where !inner.isEmpty: emitSequence(inner, indent: indent + 2, into: &sub)
            default:
                lines.append(pad + "- " + inline(item))
                continue
            }
            if let first = sub.first {
                lines.append(pad + "- " + first.dropFirst(indent + 2))
                lines.append(contentsOf: sub.dropFirst())
            }
        }
    }

    private static func inline(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n):
            if n.isInteger { return n.pythonText }
            let d = n.doubleValue
            if d.isNaN { return ".nan" }
            if d.isInfinite { return d < 0 ? "-.inf" : ".inf" }
            return PythonFloat.repr(d).lowercased()
        case .string(let s): return scalar(s)
        case .array: return "[]"
        case .object: return "{}"
        }
    }

    private static let implicitTypes = try! NSRegularExpression(pattern:
        #"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL|<<|=|"#
        + #"[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+|"#
        + #"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|"#
        + #"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|"#
        + #"[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?"#
        + #"(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)?)$"#)

    /// A string scalar: plain when PyYAML would write it plain, else single or double quoted.
    static func scalar(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        let special = scalars.contains { c in
            !(c == "\n" || (c.value >= 0x20 && c.value <= 0x7E))
        }
        if special { return doubleQuoted(scalars) }
        if s.isEmpty { return "''" }
        var plain = true
        if PythonMagics.matches(implicitTypes, s) { plain = false }
        if s.contains("\n") || s.hasPrefix(" ") || s.hasSuffix(" ") { plain = false }
        if let first = scalars.first {
            let second = scalars.count > 1 ? scalars[1] : " "
            if "#,[]{}&*!|>'\"%@`".unicodeScalars.contains(first) { plain = false }
            if "-?:".unicodeScalars.contains(first) && second == " " { plain = false }
            if s == "-" || s == "?" || s == ":" { plain = false }
        }
        if s.contains(": ") || s.contains(" #") || s.hasSuffix(":") { plain = false }
        if s.hasPrefix("---") || s.hasPrefix("...") { plain = false }
        if plain { return s }
        if s.contains("\n") { return doubleQuoted(scalars) }
        return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
    }

    private static func doubleQuoted(_ scalars: [Unicode.Scalar]) -> String {
        var out = "\""
        for c in scalars {
            switch c {
            case "\0": out += "\\0"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\u{0B}": out += "\\v"
            case "\u{0C}": out += "\\f"
            case "\r": out += "\\r"
            case "\u{1B}": out += "\\e"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{85}": out += "\\N"
            case "\u{A0}": out += "\\_"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if c.value >= 0x20 && c.value <= 0x7E {
                    out.unicodeScalars.append(c)
                } else if c.value <= 0xFF {
                    out += String(format: "\\x%02X", c.value)
                } else if c.value <= 0xFFFF {
                    out += String(format: "\\u%04X", c.value)
                } else {
                    out += String(format: "\\U%08X", c.value)
                }
            }
        }
        return out + "\""
    }

    // MARK: reading

    /// Parses the block YAML of a header. Unsupported constructs yield nil.
    static func parse(_ lines: [String]) -> JSONObject? {
        var reader = Reader(lines: lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        guard case .object(let o)? = reader.block(indent: 0) else { return lines.isEmpty ? [:] : nil }
        return reader.failed ? nil : o
    }

    private struct Reader {
        var lines: [String]
        var i = 0
        var failed = false

        func indentation(_ line: String) -> Int { line.prefix(while: { $0 == " " }).count }

        mutating func block(indent: Int) -> JSONValue? {
            guard i < lines.count else { return nil }
            let line = lines[i]
            let body = line.dropFirst(indentation(line))
            if body.hasPrefix("- ") || body == "-" { return sequence(indent: indentation(line)) }
            return mapping(indent: indentation(line))
        }

        mutating func mapping(indent: Int) -> JSONValue {
            var o = JSONObject()
            while i < lines.count, indentation(lines[i]) == indent {
                let body = String(lines[i].dropFirst(indent))
                if body.hasPrefix("- ") { break }
                guard let colon = keyEnd(body) else {
                    failed = true
                    return .object(o)
                }
                let key = JupytextYAML.unquote(String(body[..<colon]))
                let rest = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                i += 1
                if rest.isEmpty {
                    if i < lines.count, indentation(lines[i]) > indent
                        || (indentation(lines[i]) == indent && lines[i].dropFirst(indent).hasPrefix("- ")) {
                        o[key] = block(indent: indentation(lines[i])) ?? .null
                    } else {
                        o[key] = .null
                    }
                } else {
                    o[key] = JupytextYAML.value(rest)
                }
            }
            return .object(o)
        }

        mutating func sequence(indent: Int) -> JSONValue {
            var items: [JSONValue] = []
            while i < lines.count, indentation(lines[i]) == indent, lines[i].dropFirst(indent).hasPrefix("-") {
                let rest = String(lines[i].dropFirst(indent + 1)).trimmingCharacters(in: .whitespaces)
                if rest.isEmpty {
                    i += 1
                    items.append(block(indent: i < lines.count ? indentation(lines[i]) : indent + 2) ?? .null)
                } else if keyEnd(rest) != nil && !rest.hasPrefix("'") && !rest.hasPrefix("\"") {
                    // "- key: value" starts a mapping indented by two more spaces.
                    lines[i] = String(repeating: " ", count: indent + 2) + rest
                    items.append(mapping(indent: indent + 2))
                } else {
                    items.append(JupytextYAML.value(rest))
                    i += 1
                }
            }
            return .array(items)
        }

        /// The index of the `:` ending a mapping key.
        func keyEnd(_ s: String) -> String.Index? {
            var quote: Character? = nil
            var idx = s.startIndex
            while idx < s.endIndex {
                let c = s[idx]
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == "'" || c == "\"" {
                    quote = c
                } else if c == ":" {
                    let next = s.index(after: idx)
                    if next == s.endIndex || s[next] == " " { return idx }
                }
                idx = s.index(after: idx)
            }
            return nil
        }
    }

    /// A scalar or flow value.
    static func value(_ text: String) -> JSONValue {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("'") || t.hasPrefix("\"") { return .string(unquote(t)) }
        if t == "{}" { return .object([:]) }
        if t == "[]" { return .array([]) }
        if t.hasPrefix("[") || t.hasPrefix("{"), let v = try? JSONParser.parse(t) { return v }
        switch t {
        case "null", "Null", "NULL", "~", "": return .null
        case "true", "True", "TRUE", "yes", "Yes", "on", "On": return .bool(true)
        case "false", "False", "FALSE", "no", "No", "off", "Off": return .bool(false)
        default: break
        }
        if Int(t) != nil { return .number(JSONNumber(lexeme: t)) }
        if t.contains("."), let d = Double(t) { return .double(d) }
        return .string(t)
    }

    /// Removes YAML quotes.
    static func unquote(_ s: String) -> String {
        if s.count >= 2, s.hasPrefix("'"), s.hasSuffix("'") {
            return String(s.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        if s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\""),
           case .string(let v)? = try? JSONParser.parse(s) {
            return v
        }
        return s
    }
}
