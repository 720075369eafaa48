import Foundation

/// The values of every option in `ConfigDeclarations`: defaults, with what a `config.toml` sets laid
/// over them. Reading never fails: unknown keys and bad values are reported with file and line and the
/// default is kept.
public struct Configuration: Sendable {
    private var values: [String: ConfigValue]

    /// Every option at its default.
    public init() {
        values = Dictionary(uniqueKeysWithValues: ConfigDeclarations.all.map { ($0.name, $0.defaultValue) })
    }

    /// The value of an option (its default when unset). Unknown names give nil.
    public subscript(name: String) -> ConfigValue? { values[name] }

    /// The options whose value differs from the default.
    public var changedOptions: [String] {
        ConfigDeclarations.all.filter { values[$0.name] != $0.defaultValue }.map(\.name)
    }

    /// Reads `config.toml` text over the defaults.
    public static func parse(text: String, file: String) -> (Configuration, [ConfigDiagnostic]) {
        do {
            return read(try TOMLDocument(text: text, file: file))
        } catch {
            return (Configuration(), [error])
        }
    }

    /// Reads a `config.toml` file over the defaults; a missing file is not an error.
    public static func load(from url: URL?) -> (Configuration, [ConfigDiagnostic]) {
        guard let url, FileManager.default.fileExists(atPath: url.path) else { return (Configuration(), []) }
        switch ResourceLocator.readText(url) {
        case let .success(text): return parse(text: text, file: url.path)
        case let .failure(d): return (Configuration(), [d])
        }
    }

    /// Applies a parsed document over the defaults.
    public static func read(_ document: TOMLDocument) -> (Configuration, [ConfigDiagnostic]) {
        var config = Configuration()
        var diagnostics: [ConfigDiagnostic] = []
        let sections = ConfigDeclarations.sections
        for (section, value) in document.root.tableEntries ?? [] {
            guard sections.contains(section) else {
                diagnostics.append(document.diagnostic([section], "unknown \(value.tableEntries == nil ? "option" : "section") `\(section)`\(suggestion(section))"))
                continue
            }
            guard let entries = value.tableEntries else {
                diagnostics.append(document.diagnostic([section], "`\(section)` must be a section ([\(section)]), not a \(value.typeName)"))
                continue
            }
            for (key, node) in entries {
                let name = "\(section).\(key)"
                guard let option = ConfigDeclarations.option(name) else {
                    diagnostics.append(document.diagnostic([section, key], "unknown option `\(name)`\(suggestion(key))"))
                    continue
                }
                switch option.validate(node) {
                case let .valid(v): config.values[name] = v
                case let .invalid(message):
                    diagnostics.append(document.diagnostic([section, key], "`\(name)` \(message); using the default \(option.defaultValue)"))
                }
            }
        }
        return (config, diagnostics)
    }

    /// "; did you mean `x`?" for the option whose key or name is closest to `word`, or "".
    private static func suggestion(_ word: String) -> String {
        let matcher = FuzzyMatcher(word)
        let best = ConfigDeclarations.all.compactMap { o -> (String, Int)? in
            guard let m = matcher.match(o.key) ?? matcher.match(o.name) else { return nil }
            return (o.name, m.score)
        }.max { $0.1 < $1.1 }
        return best.map { "; did you mean `\($0.0)`?" } ?? ""
    }

    // MARK: Typed accessors

    func bool(_ name: String) -> Bool {
        if case let .bool(b)? = values[name] { return b }
        return false
    }

    func integer(_ name: String) -> Int {
        if case let .integer(i)? = values[name] { return i }
        return 0
    }

    func string(_ name: String) -> String {
        if case let .string(s)? = values[name] { return s }
        return ""
    }

    /// The editing style: `default`, `vim` or `emacs`.
    public var editingStyle: String { string("editor.style") }
    /// The theme's name.
    public var themeName: String { string("ui.theme").isEmpty ? ThemeLoader.defaultName : string("ui.theme") }
    /// The keymap's name: `ui.keymap`, or the editing style's keymap.
    public var keymapName: String { string("ui.keymap").isEmpty ? editingStyle : string("ui.keymap") }
    /// Seconds between autosaves; nil when autosave is off.
    public var autosaveInterval: Int? { integer("notebook.autosave-interval") == 0 ? nil : integer("notebook.autosave-interval") }
    public var lineNumbers: Bool { bool("editor.line-numbers") }
    public var softWrap: Bool { bool("editor.soft-wrap") }
    public var tabWidth: Int { integer("editor.tab-width") }
    public var autoCloseBrackets: Bool { bool("editor.auto-close-brackets") }
    public var mouse: Bool { bool("ui.mouse") }
    public var sidePanelVisible: Bool { bool("ui.side-panel") }
    public var sidePanelWidth: Int { integer("ui.side-panel-width") }
    public var statusBarVisible: Bool { bool("ui.status-bar") }
    /// Milliseconds a lone Escape waits.
    public var escapeDelay: Int { integer("ui.escape-delay") }
    public var extendedKeys: Bool { bool("ui.extended-keys") }
    /// `images.protocol`: auto, symbols, sixel or kitty.
    public var imagesProtocol: String { string("images.protocol") }
    public var outputMaxLines: Int { integer("notebook.output-max-lines") }
    /// The per-cell output memory limit in bytes.
    public var outputMemoryLimit: Int { integer("notebook.output-memory-limit") * 1_048_576 }
    public var defaultKernel: String { string("notebook.default-kernel") }
    public var confirmRestart: Bool { bool("notebook.confirm-restart") }
    /// The key leaving a terminal pane, in keymap notation.
    public var terminalEscapeKey: String { string("terminal.escape-key") }
    /// The terminal shell; empty means `$SHELL`.
    public var terminalShell: String { string("terminal.shell") }
    public var terminalScrollback: Int { integer("terminal.scrollback") }
    public var osc52Clipboard: Bool { bool("clipboard.osc52") }
    public var showHiddenFiles: Bool { bool("files.show-hidden") }
}
