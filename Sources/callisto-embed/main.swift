// Writes a Swift source holding the text of the shipped keymaps and themes, so the binary carries
// them wherever it runs from. Usage: callisto-embed OUTPUT.swift FILE.toml…
// Each file is stored under its folder and name (`Keymaps/default.toml`).
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: callisto-embed OUTPUT.swift FILE…\n".utf8))
    exit(64)
}

/// A Swift string literal for `text`, escaping quotes, backslashes and control characters.
func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7f { out += "\\u{\(String(scalar.value, radix: 16))}" }
            else { out.unicodeScalars.append(scalar) }
        }
    }
    return out + "\""
}

var entries: [(String, String)] = []
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("callisto-embed: cannot read \(path) as UTF-8\n".utf8))
        exit(1)
    }
    let name = url.deletingLastPathComponent().lastPathComponent + "/" + url.lastPathComponent
    entries.append((name, text))
}
entries.sort { $0.0 < $1.0 }

var source = """
// Generated at build time by callisto-embed from Keymaps/*.toml and Themes/*.toml.
// Those files are the source of truth; this copy is what the binary carries.

/// The shipped keymaps and themes, by `Folder/name.toml`.
public enum EmbeddedResources {
    public static let files: [String: String] = [

"""
for (name, text) in entries {
    source += "        \(literal(name)): \(literal(text)),\n"
}
if entries.isEmpty { source += "        :\n" }
source += "    ]\n}\n"

do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("callisto-embed: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
