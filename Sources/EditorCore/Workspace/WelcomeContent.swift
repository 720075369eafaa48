import TermCore

/// The tab shown when Callisto starts without files: what it is and the first keys to know.
public final class WelcomeContent: TabContent {
    /// Lines of the welcome text: (key notation or nil, text).
    let keys: [(String, String)]

    /// A welcome page listing `keys` as (keys, what they do).
    public init(keys: [(String, String)]) { self.keys = keys }

    public var title: String { "Welcome" }
    public var keyContext: KeyContext { .global }
    public var status: ContentStatus { ContentStatus(mode: "WELCOME") }

    public func render(into buffer: inout CellBuffer, area: Rect, styles: StyleSheet, focused: Bool) {
        buffer.fill(area, with: .blank(styles.style("ui.window")))
        var y = area.y + 1
        let x = area.x + 2
        buffer.draw("Callisto — JupyterLab for the terminal", at: Point(x: x, y: y), style: styles.style("markup.heading.1"), clip: area)
        y += 2
        buffer.draw("Open files with `callisto PATH…`. Keys:", at: Point(x: x, y: y), style: styles.style("ui.window"), clip: area)
        y += 2
        let width = (keys.map { $0.0.displayWidth }.max() ?? 0) + 2
        for (k, what) in keys {
            buffer.draw(k, at: Point(x: x + 2, y: y), style: styles.style("ui.palette.key"), clip: area)
            buffer.draw(what, at: Point(x: x + 2 + width, y: y), style: styles.style("ui.window"), clip: area)
            y += 1
        }
    }

    public func perform(_ command: CommandID, area: Rect) -> Bool { false }
    public func save() -> SaveOutcome { .notApplicable("the welcome page has nothing to save") }
    public func makeView() -> any TabContent { WelcomeContent(keys: keys) }
}
