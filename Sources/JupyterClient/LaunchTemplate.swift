import Foundation

/// The substitutions jupyter_client applies when launching: `{name}` in argv and
/// `string.Template.safe_substitute` rules in the kernelspec's `env`.
public enum LaunchTemplate {
    /// Replaces each `{name}` (name = `[A-Za-z0-9_]+`) found in `values`; unknown ones stay literally.
    /// A leading `~` is expanded to `home`.
    public static func substituteArgument(_ arg: String, values: [String: String], home: String) -> String {
        var out = ""
        var i = arg.startIndex
        while i < arg.endIndex {
            if arg[i] == "{", let close = arg[arg.index(after: i)...].firstIndex(of: "}") {
                let name = arg[arg.index(after: i)..<close]
                if !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }),
                   let v = values[String(name)] {
                    out += v
                    i = arg.index(after: close)
                    continue
                }
            }
            out.append(arg[i])
            i = arg.index(after: i)
        }
        if out == "~" { return home }
        if out.hasPrefix("~/") { return home + out.dropFirst() }
        return out
    }

    /// Python `Template(value).safe_substitute(env)`: `$$` → `$`, `$NAME` / `${NAME}` replaced when
    /// known, anything else left verbatim.
    public static func substituteEnvironment(_ value: String, env: [String: String]) -> String {
        let chars = Array(value.unicodeScalars)
        var out = String.UnicodeScalarView()
        func isStart(_ c: Unicode.Scalar) -> Bool { c == "_" || (c.isASCII && c.properties.isAlphabetic) }
        func isPart(_ c: Unicode.Scalar) -> Bool { isStart(c) || ("0"..."9").contains(c) }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard c == "$", i + 1 < chars.count else { out.append(c); i += 1; continue }
            let n = chars[i + 1]
            if n == "$" { out.append("$"); i += 2; continue }
            if n == "{" {
                var j = i + 2
                if j < chars.count, isStart(chars[j]) {
                    j += 1
                    while j < chars.count, isPart(chars[j]) { j += 1 }
                    if j < chars.count, chars[j] == "}" {
                        let name = String(String.UnicodeScalarView(chars[(i + 2)..<j]))
                        if let v = env[name] { out.append(contentsOf: v.unicodeScalars); i = j + 1; continue }
                    }
                }
                out.append(c); i += 1; continue
            }
            if isStart(n) {
                var j = i + 2
                while j < chars.count, isPart(chars[j]) { j += 1 }
                let name = String(String.UnicodeScalarView(chars[(i + 1)..<j]))
                if let v = env[name] { out.append(contentsOf: v.unicodeScalars); i = j; continue }
            }
            out.append(c); i += 1
        }
        return String(out)
    }
}
