/// Chooses and renders the best representation of a Jupyter mime bundle for a terminal.
///
/// The bundle is plain Swift values: mime type → text, with images as their base64 text (as a
/// notebook stores them) and JSON types (`application/json`, widget and plotly views) as JSON text.
///
/// Order (JupyterLab's, adapted to what a terminal can show): a widget view and a plotly figure
/// get a one-line note; then `image/png`, `image/jpeg`, `text/markdown`, `text/latex`,
/// `text/html` when it holds a table (or there is no `text/plain`), `application/json`,
/// `text/plain` (with its ANSI colours). A bundle with none of these gets a one-line note naming
/// what it holds.
public struct MimeRenderer: Sendable {
    /// Layout and colour limits.
    public struct Options: Sendable {
        public var width: Int
        public var maxImageHeight: Int
        public var imageColors: ImageText.ColorMode
        public var imageSymbols: ImageText.Symbols

        public init(width: Int, maxImageHeight: Int = 24, imageColors: ImageText.ColorMode = .truecolor,
                    imageSymbols: ImageText.Symbols = .blocks) {
            self.width = width
            self.maxImageHeight = maxImageHeight
            self.imageColors = imageColors
            self.imageSymbols = imageSymbols
        }
    }

    public static let widgetType = "application/vnd.jupyter.widget-view+json"

    public var options: Options

    public init(options: Options) { self.options = options }

    /// The mime type that will be shown, or nil when the bundle holds nothing showable.
    public static func choose(_ bundle: [String: String]) -> String? {
        if bundle[widgetType] != nil { return widgetType }
        if let plotly = bundle.keys.sorted().first(where: { $0.hasPrefix("application/vnd.plotly") }) { return plotly }
        for type in ["image/png", "image/jpeg", "text/markdown", "text/latex"] where bundle[type] != nil { return type }
        if let html = bundle["text/html"], HTMLText.containsTable(html) || bundle["text/plain"] == nil { return "text/html" }
        for type in ["application/json", "text/plain"] where bundle[type] != nil { return type }
        return nil
    }

    /// The lines to show for a bundle.
    public func render(_ bundle: [String: String]) -> [RenderedLine] {
        let width = max(10, options.width)
        guard let type = Self.choose(bundle), let value = bundle[type] else {
            let kinds = bundle.keys.sorted().joined(separator: ", ")
            return [note(kinds.isEmpty ? "[empty output]" : "[output not shown in the terminal: \(kinds)]")]
        }
        switch type {
        case Self.widgetType:
            return [note("[interactive widget: open the notebook in JupyterLab to use it]")]
        case let t where t.hasPrefix("application/vnd.plotly"):
            return [note("[Plotly figure: interactive, not shown in the terminal]")]
        case "image/png", "image/jpeg":
            return ImageText.render(base64: value, mimeType: type, maxWidth: width, maxHeight: options.maxImageHeight,
                                    colors: options.imageColors, symbols: options.imageSymbols)
        case "text/markdown":
            return Markdown.render(value, width: width)
        case "text/latex":
            let lines = LatexText.render(value)
            return lines.isEmpty ? AnsiText.lines(value).map(RenderedLine.init) : lines.flatMap { $0.wrapped(width: width, mode: .hard) }
        case "text/html":
            return HTMLText.render(value, width: width)
        case "application/json":
            return JSONText.render(value)
        default:
            return AnsiText.lines(value).map(RenderedLine.init)
        }
    }

    private func note(_ text: String) -> RenderedLine { RenderedLine(text, scope: "output.placeholder") }
}
