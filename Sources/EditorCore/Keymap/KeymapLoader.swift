import Foundation

/// Builds the effective keymap: a named keymap with the keymaps it inherits, then the user's
/// `keymap.toml` on top. Every problem is a located diagnostic; loading always yields a keymap.
public struct KeymapLoader: Sendable {
    public var locator: ResourceLocator
    public var registry: CommandRegistry

    public init(locator: ResourceLocator, registry: CommandRegistry = .builtin) {
        self.locator = locator
        self.registry = registry
    }

    /// The result of loading: the keymap, the files it was built from (base first), and messages.
    public struct Loaded: Sendable {
        public var keymap: Keymap
        public var files: [String]
        public var diagnostics: [ConfigDiagnostic]
    }

    /// Loads keymap `name` (falling back to `default` when it cannot be found) and, when
    /// `includeUserOverlay`, the user's `keymap.toml` over it.
    public func load(_ name: String, includeUserOverlay: Bool = true) -> Loaded {
        var diagnostics: [ConfigDiagnostic] = []
        var layers = chain(name, diagnostics: &diagnostics)
        if layers.isEmpty {
            diagnostics.append(ConfigDiagnostic(file: "keymap", message: "no keymap named `\(name)`; using `default` (available: \(locator.available(.keymap).joined(separator: ", ")))"))
            layers = chain("default", diagnostics: &diagnostics)
        }
        if includeUserOverlay, let url = locator.userKeymapFile, FileManager.default.fileExists(atPath: url.path) {
            let overlay: KeymapLayer
            switch ResourceLocator.readText(url) {
            case let .success(text): overlay = KeymapLayer(text: text, file: url.path, registry: registry)
            case let .failure(d): overlay = KeymapLayer(file: url.path, diagnostics: [d])
            }
            if let parent = overlay.inherits {
                diagnostics.append(ConfigDiagnostic(file: url.path, line: overlay.inheritsLine, severity: .warning,
                    message: "`inherits = \"\(parent)\"` is ignored here: keymap.toml is laid over the keymap chosen in config.toml"))
            }
            diagnostics += overlay.diagnostics
            layers.append(overlay)
        }
        return Loaded(keymap: Keymap(layers: layers), files: layers.map(\.file), diagnostics: diagnostics)
    }

    /// The layers of `name`, base first.
    private func chain(_ name: String, diagnostics: inout [ConfigDiagnostic]) -> [KeymapLayer] {
        locator.inheritanceChain(.keymap, name, parse: { r in KeymapLayer(text: r.text, file: r.file, registry: registry) }, diagnostics: &diagnostics)
    }
}
