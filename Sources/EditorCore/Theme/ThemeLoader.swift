/// Loads a theme by name with the themes it inherits. A theme that cannot be found falls back to
/// `dark`; every problem is a located diagnostic and loading always yields a theme.
public struct ThemeLoader: Sendable {
    public var locator: ResourceLocator
    /// The theme used when none is configured or the configured one cannot be found.
    public static let defaultName = "dark"

    public init(locator: ResourceLocator) { self.locator = locator }

    public struct Loaded: Sendable {
        public var theme: Theme
        public var files: [String]
        public var diagnostics: [ConfigDiagnostic]
    }

    public func load(_ name: String) -> Loaded {
        var diagnostics: [ConfigDiagnostic] = []
        var layers = chain(name, diagnostics: &diagnostics)
        var resolvedName = name
        if layers.isEmpty {
            diagnostics.append(ConfigDiagnostic(file: "theme", message: "no theme named `\(name)`; using `\(Self.defaultName)` (available: \(locator.available(.theme).joined(separator: ", ")))"))
            layers = chain(Self.defaultName, diagnostics: &diagnostics)
            resolvedName = Self.defaultName
        }
        let (theme, more) = Theme.resolve(name: resolvedName, layers: layers)
        return Loaded(theme: theme, files: layers.map(\.file), diagnostics: diagnostics + more)
    }

    private func chain(_ name: String, diagnostics: inout [ConfigDiagnostic]) -> [ThemeLayer] {
        locator.inheritanceChain(.theme, name, parse: { r in ThemeLayer(text: r.text, file: r.file) }, diagnostics: &diagnostics)
    }
}
