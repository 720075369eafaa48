/// A keymap or theme file that may name a file it is laid over.
protocol InheritingLayer {
    var inherits: String? { get }
    var inheritsLine: Int? { get }
    var diagnostics: [ConfigDiagnostic] { get }
}

extension KeymapLayer: InheritingLayer {}
extension ThemeLayer: InheritingLayer {}

extension ResourceLocator {
    /// The deepest `inherits` chain followed.
    public static let maximumInheritanceDepth = 8

    /// Finds `name` of `kind` and the files it inherits, base first, collecting their diagnostics.
    /// `parse` reads a found file. A file inheriting its own name gets the next copy
    /// down (a user `dark.toml` over the shipped one). Loops and missing parents are reported.
    func inheritanceChain<Layer: InheritingLayer>(_ kind: Kind, _ name: String, parse: (Resource) -> Layer,
                                                  diagnostics: inout [ConfigDiagnostic]) -> [Layer] {
        var layers: [Layer] = []
        var seen: Set<String> = []
        var next = find(kind, named: name, below: nil, diagnostics: &diagnostics)
        while let resource = next {
            let layer = parse(resource)
            layers.insert(layer, at: 0)
            diagnostics += layer.diagnostics
            seen.insert("\(resource.origin.rawValue):\(resource.name)")
            guard let parentName = layer.inherits else { break }
            let line = layer.inheritsLine
            let below: Origin? = parentName == resource.name ? resource.origin : nil
            next = find(kind, named: parentName, below: below, diagnostics: &diagnostics)
            guard let found = next else {
                diagnostics.append(ConfigDiagnostic(file: resource.file, line: line,
                    message: "inherits \(kind.rawValue) `\(parentName)`, which cannot be found"))
                break
            }
            if seen.contains("\(found.origin.rawValue):\(found.name)") || seen.count >= Self.maximumInheritanceDepth {
                diagnostics.append(ConfigDiagnostic(file: resource.file, line: line,
                    message: "`inherits = \"\(parentName)\"` makes a loop or is nested too deep; not followed"))
                break
            }
        }
        return layers
    }
}
