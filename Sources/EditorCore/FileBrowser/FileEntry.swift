import Foundation

/// One name in a folder, as read from the directory: the raw bytes of the name (which need not be
/// UTF-8), what the directory said it is, and — once asked for — its size and modification time.
public struct FileEntry: Hashable, Sendable {
    /// What an entry is, from the directory entry (no `stat` needed) or, for symlinks, its target.
    public enum Kind: Hashable, Sendable {
        case file, folder, symlink, other
    }

    /// The name's bytes exactly as on disk.
    public let rawName: [UInt8]
    /// The name for display: the UTF-8 text, or with invalid bytes shown as `\xNN`.
    public let name: String
    /// Whether the name is not valid UTF-8 (shown escaped).
    public let isEscaped: Bool
    public internal(set) var kind: Kind
    /// For a symlink: whether it points to a folder (followed once, loops count as not).
    public internal(set) var linksToFolder = false
    /// Size in bytes and modification time, filled lazily for visible rows.
    public internal(set) var details: Details?
    /// The lowercased name's UTF-8 bytes, the sort and filter key (compared as bytes: fast, and
    /// the same order as by Unicode scalars).
    let key: [UInt8]

    /// Size and time from `stat`, or the error that stopped it.
    public struct Details: Hashable, Sendable {
        public var size: Int64
        public var modified: Date
        public var broken: Bool
    }

    public init(rawName: [UInt8], kind: Kind) {
        self.rawName = rawName
        self.kind = kind
        if let text = String(validating: rawName, as: UTF8.self) {
            name = text
            isEscaped = false
        } else {
            name = FileEntry.escape(rawName)
            isEscaped = true
        }
        key = Array(name.lowercased().utf8)
    }

    /// Whether it shows as a folder (a folder, or a symlink to one).
    public var isFolder: Bool { kind == .folder || (kind == .symlink && linksToFolder) }
    /// Whether the name starts with a dot.
    public var isHidden: Bool { rawName.first == UInt8(ascii: ".") }

    /// The name with every byte that is not part of valid UTF-8 written as `\xNN`.
    static func escape(_ bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            var decoded = false
            for length in (1...4).reversed() where i + length <= bytes.count {
                if let s = String(validating: bytes[i..<i + length], as: UTF8.self), s.unicodeScalars.count == 1 {
                    out += s
                    i += length
                    decoded = true
                    break
                }
            }
            if !decoded {
                out += "\\x" + String(bytes[i], radix: 16, uppercase: true).leftPadded(2)
                i += 1
            }
        }
        return out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
