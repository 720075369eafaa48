/// A small, tolerant HTML tokenizer: start and end tags with attributes, text with entities
/// decoded, comments and doctypes skipped, `<script>`/`<style>` content dropped. Malformed markup
/// becomes text rather than an error.
struct HTMLTokenizer {
    enum Token: Hashable {
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    private let s: [Unicode.Scalar]
    private var i = 0

    init(_ html: String) { s = Array(html.unicodeScalars) }

    /// Every token of the document.
    static func tokens(_ html: String) -> [Token] {
        var t = HTMLTokenizer(html)
        var out: [Token] = []
        while let token = t.next() { out.append(token) }
        return out
    }

    mutating func next() -> Token? {
        guard i < s.count else { return nil }
        if s[i] == "<" {
            if let tag = tag() { return tag }
        }
        let start = i
        i += 1
        while i < s.count, s[i] != "<" { i += 1 }
        return .text(Self.decodeEntities(String(String.UnicodeScalarView(s[start..<i]))))
    }

    private func matches(_ text: String, at j: Int) -> Bool {
        var k = j
        for c in text.unicodeScalars {
            guard k < s.count, Character(s[k]).lowercased() == Character(c).lowercased() else { return false }
            k += 1
        }
        return true
    }

    /// A tag, comment or doctype at `<`; nil when the `<` is just text.
    private mutating func tag() -> Token? {
        if matches("<!--", at: i) {
            var j = i + 4
            while j < s.count, !matches("-->", at: j) { j += 1 }
            i = min(j + 3, s.count)
            return next() ?? .text("")
        }
        if matches("<!", at: i) || matches("<?", at: i) {
            while i < s.count, s[i] != ">" { i += 1 }
            i = min(i + 1, s.count)
            return next() ?? .text("")
        }
        var j = i + 1
        let closing = j < s.count && s[j] == "/"
        if closing { j += 1 }
        guard j < s.count, s[j].properties.isAlphabetic else { return nil }
        let nameStart = j
        while j < s.count, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) || s[j] == "-" { j += 1 }
        let name = String(String.UnicodeScalarView(s[nameStart..<j])).lowercased()
        var attributes: [String: String] = [:]
        var selfClosing = false
        while j < s.count, s[j] != ">" {
            if s[j] == "/" { selfClosing = true; j += 1; continue }
            if s[j] == " " || s[j] == "\n" || s[j] == "\t" || s[j] == "\r" { j += 1; continue }
            let aStart = j
            while j < s.count, !" \n\t\r=>/".unicodeScalars.contains(s[j]) { j += 1 }
            let aName = String(String.UnicodeScalarView(s[aStart..<j])).lowercased()
            var value = ""
            if j < s.count, s[j] == "=" {
                j += 1
                if j < s.count, s[j] == "\"" || s[j] == "'" {
                    let q = s[j]
                    let vStart = j + 1
                    j += 1
                    while j < s.count, s[j] != q { j += 1 }
                    value = String(String.UnicodeScalarView(s[vStart..<min(j, s.count)]))
                    j = min(j + 1, s.count)
                } else {
                    let vStart = j
                    while j < s.count, !" \n\t\r>".unicodeScalars.contains(s[j]) { j += 1 }
                    value = String(String.UnicodeScalarView(s[vStart..<j]))
                }
            }
            if aStart == j { j += 1 } else if !aName.isEmpty { attributes[aName] = Self.decodeEntities(value) }
        }
        i = min(j + 1, s.count)
        if closing { return .end(name: name) }
        if name == "script" || name == "style" {
            // Raw text elements: their content is never shown.
            while i < s.count, !matches("</\(name)", at: i) { i += 1 }
            while i < s.count, s[i] != ">" { i += 1 }
            i = min(i + 1, s.count)
            return next() ?? .text("")
        }
        return .start(name: name, attributes: attributes, selfClosing: selfClosing)
    }

    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "hellip": "…",
        "mdash": "—", "ndash": "–", "copy": "©", "reg": "®", "trade": "™", "times": "×", "divide": "÷",
        "laquo": "«", "raquo": "»", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "bull": "•",
        "middot": "·", "deg": "°", "plusmn": "±", "micro": "µ", "para": "¶", "sect": "§", "euro": "€",
        "pound": "£", "yen": "¥", "cent": "¢", "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓",
        "le": "≤", "ge": "≥", "ne": "≠", "infin": "∞", "alpha": "α", "beta": "β", "pi": "π", "sigma": "σ",
    ]

    /// `&amp;`, `&#233;`, `&#x1F600;` and the common named entities; unknown ones stay as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(32).firstIndex(of: ";") {
                let name = String(after[..<semi])
                var decoded: String? = entities[name]
                if name.hasPrefix("#") {
                    let num = name.dropFirst()
                    let value = num.hasPrefix("x") || num.hasPrefix("X") ? UInt32(num.dropFirst(), radix: 16) : UInt32(num)
                    if let v = value, v == 9 || v == 10 || v == 13 {
                        decoded = " "
                    } else if let v = value, let scalar = Unicode.Scalar(v), v >= 0x20, !(0x7F...0x9F).contains(v) {
                        decoded = String(Character(scalar))
                    } else if value != nil {
                        decoded = "\u{FFFD}"
                    }
                }
                if let decoded {
                    out += decoded
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        out += rest
        return out
    }
}
