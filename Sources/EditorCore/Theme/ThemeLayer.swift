/// One theme file, read but not yet resolved: its palette, its scope styles (colours still as written,
/// possibly palette names) and the theme it inherits.
///
/// File form: `inherits = "dark"`, a `[palette]` table of named colours, and scopes written either as
/// quoted dotted keys (`"ui.statusbar" = { fg = "fg", bg = "bg1", modifiers = ["bold"] }`), as nested
/// tables (`[ui.statusbar]` with `fg = …`), or as a plain colour string for the foreground
/// (`"syntax.keyword" = "red"`). Within a table, `fg`, `bg` and `modifiers` style that scope and other
/// keys are sub-scopes.
public struct ThemeLayer: Sendable {
    /// A scope's style as written.
    public struct Spec: Hashable, Sendable {
        public var foreground: String?
        public var background: String?
        public var modifiers: [String] = []
        /// The key path in the file, for locating messages.
        public var path: [String]
    }

    public var file: String
    public var inherits: String?
    public var inheritsLine: Int?
    public var palette: [String: (value: String, path: [String])] = [:]
    public var scopes: [String: Spec] = [:]
    public var diagnostics: [ConfigDiagnostic] = []
    /// The parsed document, for locating messages raised while resolving.
    public private(set) var document: TOMLDocument?

    static let styleKeys: Set<String> = ["fg", "bg", "modifiers"]

    /// Reads a theme from TOML text; syntax errors become a diagnostic and an empty layer.
    public init(text: String, file: String) {
        do {
            self.init(document: try TOMLDocument(text: text, file: file))
        } catch {
            self.init(file: file, diagnostics: [error])
        }
    }

    /// An empty layer carrying diagnostics (a file that could not be read).
    public init(file: String, diagnostics: [ConfigDiagnostic]) {
        self.file = file
        self.document = nil
        self.diagnostics = diagnostics
    }

    public init(document: TOMLDocument) {
        self.file = document.file
        self.document = document
        for (key, value) in document.root.tableEntries ?? [] {
            switch key {
            case "inherits":
                if let s = value.stringValue { inherits = s; inheritsLine = document.line(of: [key]) }
                else { diagnostics.append(document.diagnostic([key], "`inherits` must be a theme name (a string), not a \(value.typeName)")) }
            case "palette":
                guard let entries = value.tableEntries else {
                    diagnostics.append(document.diagnostic([key], "`palette` must be a table of name = \"#rrggbb\""))
                    continue
                }
                for (name, colour) in entries {
                    if let s = colour.stringValue { palette[name] = (s, [key, name]) }
                    else { diagnostics.append(document.diagnostic([key, name], "palette colour `\(name)` must be a string, not a \(colour.typeName)\(colour.tableEntries != nil ? " (lines after a [palette] header belong to it: put [palette] last)" : "")")) }
                }
            default:
                read(scope: key, value, path: [key], document: document)
            }
        }
    }

    private mutating func read(scope: String, _ value: TOMLNode, path: [String], document: TOMLDocument) {
        switch value {
        case let .string(colour):
            scopes[scope] = Spec(foreground: colour, path: path)
        case let .table(entries):
            var spec = Spec(path: path)
            var styled = false
            for (key, child) in entries {
                let childPath = path + [key]
                switch key {
                case "fg", "bg":
                    styled = true
                    guard let s = child.stringValue else {
                        diagnostics.append(document.diagnostic(childPath, "`\(key)` of `\(scope)` must be a colour string, not a \(child.typeName)"))
                        continue
                    }
                    if key == "fg" { spec.foreground = s } else { spec.background = s }
                case "modifiers":
                    styled = true
                    guard case let .array(items) = child else {
                        diagnostics.append(document.diagnostic(childPath, "`modifiers` of `\(scope)` must be an array of strings such as [\"bold\"]"))
                        continue
                    }
                    for item in items {
                        if let s = item.stringValue { spec.modifiers.append(s) }
                        else { diagnostics.append(document.diagnostic(childPath, "`modifiers` of `\(scope)` must hold strings, not a \(item.typeName)")) }
                    }
                default:
                    read(scope: scope + "." + key, child, path: childPath, document: document)
                }
            }
            if styled || entries.isEmpty { scopes[scope] = spec }
        default:
            diagnostics.append(document.diagnostic(path, "scope `\(scope)` must be a colour string or a table { fg, bg, modifiers }, not a \(value.typeName)"))
        }
    }

    /// A diagnostic located at `path` in this file.
    func diagnostic(_ path: [String], _ message: String) -> ConfigDiagnostic {
        ConfigDiagnostic(file: file, line: document?.line(of: path), message: message)
    }
}
