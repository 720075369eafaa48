import Foundation
internal import TOMLKit

/// A TOML file read for configuration: its values, and where each key is written, so that a message
/// about a value can name the file and the line.
///
/// Reading never traps: binary data, oversized files and syntax errors become a `ConfigDiagnostic`.
public struct TOMLDocument: Sendable {
    /// The largest file read (configuration files are small; anything larger is a mistake).
    public static let maximumSize = 1 << 20

    /// The file name used in messages.
    public let file: String
    /// The root table.
    public let root: TOMLNode
    /// Where keys are written.
    public let locations: TOMLKeyLocator

    /// Parses `text`. Throws a `ConfigDiagnostic` located at the syntax error.
    public init(text: String, file: String) throws(ConfigDiagnostic) {
        self.file = file
        if text.utf8.count > Self.maximumSize {
            throw ConfigDiagnostic(file: file, message: "file is larger than \(Self.maximumSize / 1024) KiB; not read")
        }
        if let nul = text.utf8.firstIndex(of: 0) {
            let line = text.utf8[..<nul].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            throw ConfigDiagnostic(file: file, line: line, message: "file contains a NUL byte; it is not a TOML text file")
        }
        let locator = TOMLKeyLocator(text: text)
        if let bad = locator.malformedHeader {
            throw ConfigDiagnostic(file: file, line: bad.line, column: bad.column,
                                   message: "TOML syntax: a table header must start with a name, as in [section]")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigDiagnostic(file: file, line: error.source.begin.line, column: error.source.begin.column,
                                   message: "TOML syntax: \(error.description)")
        } catch {
            throw ConfigDiagnostic(file: file, message: "TOML syntax: \(error)")
        }
        self.locations = locator
        self.root = Self.convert(table, path: [], locator: locator)
    }

    /// Reads and parses a file. Unreadable files, invalid UTF-8 and syntax errors throw a located message.
    public init(contentsOf url: URL) throws(ConfigDiagnostic) {
        switch ResourceLocator.readText(url) {
        case let .success(text): try self.init(text: text, file: url.path)
        case let .failure(diagnostic): throw diagnostic
        }
    }

    /// The line where the key at `path` is written, if it could be found.
    public func line(of path: [String]) -> Int? { locations.line(of: path) }

    /// A diagnostic about the key at `path`, located at its line.
    public func diagnostic(_ path: [String], _ message: String, severity: ConfigDiagnostic.Severity = .error) -> ConfigDiagnostic {
        ConfigDiagnostic(file: file, line: line(of: path), severity: severity, message: message)
    }

    private static func convert(_ value: any TOMLValueConvertible, path: [String], locator: TOMLKeyLocator) -> TOMLNode {
        switch value.type {
        case .table:
            guard let table = value.table else { return .table([]) }
            var entries: [(key: String, value: TOMLNode)] = []
            for key in table.keys {
                guard let child = table[key] else { continue }
                entries.append((key, convert(child, path: path + [key], locator: locator)))
            }
            // Source order where the locator knows it; toml++ itself keeps keys sorted.
            let order = entries.map { locator.line(of: path + [$0.key]) ?? Int.max }
            entries = zip(entries, order).enumerated()
                .sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }
                .map { $0.element.0 }
            return .table(entries)
        case .array:
            guard let array = value.array else { return .array([]) }
            return .array(array.map { convert($0, path: path, locator: locator) })
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .double: return .float(value.double ?? 0)
        case .bool: return .bool(value.bool ?? false)
        case .date, .time, .dateTime: return .dateTime(value.debugDescription)
        }
    }
}
