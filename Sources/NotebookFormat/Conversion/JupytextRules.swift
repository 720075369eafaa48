import Foundation

/// Shared rules of jupytext's script formats, for Python scripts.
enum JupytextRules {
    /// The jupytext version whose output is reproduced.
    static let version = "1.19.6"
    /// The `percent` format version jupytext writes.
    static let percentFormatVersion = "1.3"

    /// Notebook metadata jupytext keeps in a script header by default.
    static let notebookMetadataKept = ["jupytext", "kernelspec", "kernel_info", "orphan", "tocdepth"]

    /// Cell metadata jupytext leaves out of scripts by default.
    static let ignoredCellMetadata = ["autoscroll", "collapsed", "scrolled", "trusted", "execution", "ExecuteTime",
                                      "skipline", "noskipline", "cell_marker", "lines_to_next_cell",
                                      "lines_to_end_of_cell_marker"]
    /// Cell metadata that only jupytext itself uses.
    static let jupytextCellMetadata = ["skipline", "noskipline", "cell_marker", "lines_to_next_cell",
                                       "lines_to_end_of_cell_marker"]

    /// Languages whose `%%name` cell magic marks a cell in another language.
    static let jupyterLanguages: Set<String> = [
        "R", "bash", "c#", "c++", "clojure", "coconut", "cs", "csharp", "cython", "f#", "fs", "fsharp", "gnuplot",
        "go", "groovy", "haskell", "html", "idl", "java", "javascript", "jenner", "js", "julia", "latex", "logtalk",
        "lua", "markdown", "matlab", "maxima", "ocaml", "octave", "perl", "powershell", "pypy", "python", "python2",
        "python3", "q", "robotframework", "ruby", "rust", "sage", "sas", "scala", "scheme", "script", "sh", "sos",
        "spark", "sql", "stata", "svg", "tcl", "typescript", "wolfram language", "xonsh",
    ]

    private static let validKey = try! NSRegularExpression(pattern: #"^[a-zA-Z0-9_\.@/-]+$"#)
    private static let identifier = try! NSRegularExpression(pattern: #"^[a-zA-Z_\.]+[a-zA-Z0-9_\.]*$"#)

    /// Keys jupytext can write as `key=value`.
    static func isValidMetadataKey(_ key: String) -> Bool { PythonMagics.matches(validKey, key) && !key.contains("\n") }
    static func isIdentifier(_ s: String) -> Bool { PythonMagics.matches(identifier, s) && !s.contains("\n") }

    /// jupytext's `usual_language_name`.
    static func usualLanguageName(_ language: String) -> String {
        let l = language.lowercased()
        if l == "r" { return "R" }
        if l.hasPrefix("c++") { return "c++" }
        if l == "octave" { return "matlab" }
        if l == "cs" || l == "c#" { return "csharp" }
        if l == "fs" || l == "f#" { return "fsharp" }
        return l
    }

    /// jupytext's `is_active(".py", metadata, default)`.
    static func isActive(_ metadata: JSONObject, ext: String = "py", default def: Bool = true) -> Bool {
        if metadata["run_control"]?["frozen"] == .bool(true) { return ext == "ipynb" }
        for tag in metadata["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [] where tag.hasPrefix("active-") {
            return tag.split(separator: "-", omittingEmptySubsequences: false).contains(Substring(ext))
        }
        guard let active = metadata["active"] else { return def }
        let text = active.stringValue ?? ""
        return text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
            .contains(Substring(ext))
    }

    /// Python `str.splitlines()` without terminators.
    static func splitLines(_ s: String) -> [String] {
        LineSplitter.lines(s).map { line in
            var l = line
            if l.hasSuffix("\r\n") { l.removeLast() } else if let last = l.unicodeScalars.last,
                [0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029].contains(last.value) {
                l.unicodeScalars.removeLast()
            }
            return l
        }
    }

    /// `comment_lines(lines, prefix)`.
    static func comment(_ lines: [String], prefix: String = "#") -> [String] {
        lines.map { $0.isEmpty ? prefix : prefix + " " + $0 }
    }

    /// `uncomment(lines, "#")`.
    static func uncomment(_ lines: [String], prefix: String = "#") -> [String] {
        lines.map { line in
            if line.hasPrefix(prefix + " ") { return String(line.dropFirst(prefix.count + 1)) }
            if line.hasPrefix(prefix) { return String(line.dropFirst(prefix.count)) }
            return line
        }
    }

    /// `default_language_from_metadata_and_ext(metadata, ".py", pop)`: the script's main language.
    static func defaultLanguage(_ metadata: inout JSONObject, popMainLanguage: Bool) -> String {
        let main = metadata["jupytext"]?["main_language"]?.stringValue
        let kernel = metadata["kernelspec"]?["language"]?.stringValue
        let fromKernel = (kernel?.isEmpty == false ? kernel : nil) ?? "python"
        if popMainLanguage, let main, main == fromKernel, var j = metadata["jupytext"]?.objectValue {
            j.removeValue(forKey: "main_language")
            metadata["jupytext"] = .object(j)
        }
        let language = main ?? fromKernel
        if language == "R" || language == "sas" { return language }
        if language.hasPrefix("C++") { return "c++" }
        return language.lowercased().replacingOccurrences(of: "#", with: "sharp")
    }

    /// Whether a line is blank (`^\s*$`).
    static func isBlank(_ s: String) -> Bool { s.allSatisfy { $0.isWhitespace } }
}
