import TermCore

/// Everything read from the configuration folder at start: `config.toml`, the theme and the keymap it
/// names, and every message about them. Loading always succeeds; problems fall back to defaults.
public struct EditorSettings: Sendable {
    public var configuration: Configuration
    public var theme: Theme
    public var keymap: Keymap
    /// The keymap files in the order they were laid (base first).
    public var keymapFiles: [String]
    /// Every problem found, config first.
    public var diagnostics: [ConfigDiagnostic]

    /// Reads the user's configuration through `locator`.
    public static func load(locator: ResourceLocator, registry: CommandRegistry = .builtin) -> EditorSettings {
        let (configuration, configDiagnostics) = Configuration.load(from: locator.configFile)
        return load(configuration: configuration, diagnostics: configDiagnostics, locator: locator, registry: registry)
    }

    /// Loads the theme and keymap a configuration names.
    public static func load(configuration: Configuration, diagnostics: [ConfigDiagnostic] = [],
                            keymapName: String? = nil, locator: ResourceLocator,
                            registry: CommandRegistry = .builtin) -> EditorSettings {
        let theme = ThemeLoader(locator: locator).load(configuration.themeName)
        let keys = KeymapLoader(locator: locator, registry: registry).load(keymapName ?? configuration.keymapName)
        var keymap = keys.keymap
        if let layer = terminalEscapeLayer(configuration.terminalEscapeKey, file: locator.configFile?.path ?? "config.toml") {
            keymap.merge(layer)
        }
        return EditorSettings(configuration: configuration, theme: theme.theme, keymap: keymap, keymapFiles: keys.files,
                              diagnostics: diagnostics + keys.diagnostics + theme.diagnostics)
    }

    /// The default terminal escape key.
    public static let defaultTerminalEscapeKey = Key(.char("\\"), .ctrl)

    /// When `terminal.escape-key` is not the default, a layer moving `terminal:leave` (and sending the
    /// key itself from terminal-normal) to it.
    static func terminalEscapeLayer(_ notation: String, file: String) -> KeymapLayer? {
        guard let key = Key(notation: notation), key != defaultTerminalEscapeKey else { return nil }
        var layer = KeymapLayer(file: file, diagnostics: [])
        let source = SourceLocation(file: file, line: nil)
        layer.entries[.terminal] = [
            .init(keys: [defaultTerminalEscapeKey], command: nil, source: source),
            .init(keys: [key], command: "terminal:leave", source: source),
        ]
        layer.entries[.terminalNormal] = [
            .init(keys: [defaultTerminalEscapeKey], command: nil, source: source),
            .init(keys: [key], command: "terminal:send-leave-key", source: source),
        ]
        return layer
    }
}
