import TermCore

/// A resolved colour theme: a `Style` for each scope it defines, looked up with dotted fallback
/// (`markup.heading.1` → `markup.heading` → `markup` → `default`).
///
/// The first scope found wins as a whole; styles are not combined along the chain. `nil` colours in a
/// style mean "whatever is underneath", as everywhere in TermCore.
public struct Theme: Sendable {
    public let name: String
    /// The styles of the scopes the theme defines.
    public let styles: [String: Style]

    public init(name: String, styles: [String: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style for `scope`, with dotted fallback, then `default`, then the plain style.
    public func style(_ scope: String) -> Style {
        resolvedScope(scope).flatMap { styles[$0] } ?? .plain
    }

    /// The scope whose style `style(_:)` uses for `scope`, or nil when none applies.
    public func resolvedScope(_ scope: String) -> String? {
        var current = Substring(scope)
        while true {
            if styles[String(current)] != nil { return String(current) }
            guard let dot = current.lastIndex(of: ".") else { break }
            current = current[..<dot]
        }
        return styles["default"] != nil ? "default" : nil
    }

    /// The modifier names a theme may use, and the attribute each sets.
    public static let modifierNames: [String: TextAttributes] = [
        "bold": .bold, "dim": .dim, "italic": .italic, "underline": .underline, "underlined": .underline,
        "reverse": .reverse, "reversed": .reverse, "strikethrough": .strikethrough,
        "crossed_out": .strikethrough, "blink": .blink, "slow_blink": .blink, "rapid_blink": .blink,
    ]

    /// Resolves layers (base first): palettes and scopes of later layers replace earlier ones, then
    /// every colour is looked up in the merged palette or parsed (`#rrggbb`, `#rgb`, a name, 0–255).
    /// Bad colours and modifiers are reported and left out.
    public static func resolve(name: String, layers: [ThemeLayer]) -> (Theme, [ConfigDiagnostic]) {
        var diagnostics: [ConfigDiagnostic] = []
        var palette: [String: (value: String, layer: ThemeLayer)] = [:]
        var specs: [String: (spec: ThemeLayer.Spec, layer: ThemeLayer)] = [:]
        for layer in layers {
            for (k, v) in layer.palette { palette[k] = (v.value, layer) }
            for (k, v) in layer.scopes { specs[k] = (v, layer) }
        }
        var paletteColours: [String: Color] = [:]
        for (k, v) in palette {
            // A palette entry may name another palette entry once.
            if let c = Color(parsing: v.value) ?? palette[v.value].flatMap({ Color(parsing: $0.value) }) {
                paletteColours[k] = c
            } else {
                diagnostics.append(v.layer.diagnostic(["palette", k], "palette colour `\(k)` = \"\(v.value)\" is not a colour (#rrggbb, #rgb, a name such as bright-blue, or 0–255)"))
            }
        }
        func colour(_ text: String?, _ field: String, _ entry: (spec: ThemeLayer.Spec, layer: ThemeLayer), scope: String) -> Color? {
            guard let text else { return nil }
            if let c = paletteColours[text] ?? (palette[text] == nil ? Color(parsing: text) : nil) { return c }
            if palette[text] != nil { return nil } // already reported as a bad palette entry
            let fieldPath = entry.spec.path + [field]
            let path = entry.layer.document?.line(of: fieldPath) != nil ? fieldPath : entry.spec.path
            diagnostics.append(entry.layer.diagnostic(path, "`\(scope)`: \"\(text)\" is neither a palette name nor a colour"))
            return nil
        }
        var styles: [String: Style] = [:]
        for (scope, entry) in specs {
            var attributes: TextAttributes = []
            for m in entry.spec.modifiers {
                if let a = modifierNames[m.lowercased()] { attributes.insert(a) }
                else {
                    diagnostics.append(entry.layer.diagnostic(entry.spec.path + ["modifiers"],
                        "`\(scope)`: unknown modifier `\(m)` (use \(modifierNames.keys.sorted().joined(separator: ", ")))"))
                }
            }
            styles[scope] = Style(foreground: colour(entry.spec.foreground, "fg", entry, scope: scope),
                                  background: colour(entry.spec.background, "bg", entry, scope: scope),
                                  attributes: attributes)
        }
        diagnostics.sort { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }
        return (Theme(name: name, styles: styles), diagnostics)
    }
}
