import TermCore

/// The theme as components use it: a style per scope, plus how focus and selection are marked.
///
/// On a monochrome terminal colours vanish, so `focus(_:)` adds reverse video to the scope's style;
/// with colours it is the scope's style alone (themes colour focused elements themselves).
public struct StyleSheet: Sendable {
    public var theme: Theme
    /// Whether focus and selection are marked with reverse video.
    public var monochrome: Bool
    private var cache: [String: Style] = [:]

    public init(theme: Theme, monochrome: Bool = false) {
        self.theme = theme
        self.monochrome = monochrome
        for (scope, _) in ThemeScopes.all { cache[scope] = theme.style(scope) }
    }

    /// The style of `scope` (dotted fallback).
    public func style(_ scope: String) -> Style {
        let s = cache[scope] ?? theme.style(scope)
        return monochrome ? Style(attributes: s.attributes.subtracting(.reverse)) : s
    }

    /// The style of a focused or selected element of `scope`.
    public func focus(_ scope: String) -> Style {
        var s = style(scope)
        if monochrome { s.attributes.insert(.reverse) }
        return s
    }
}
