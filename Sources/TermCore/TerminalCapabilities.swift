/// What the terminal in use can show, for the UI to adapt to.
public struct TerminalCapabilities: Hashable, Sendable {
    /// Colours available; styles are degraded to this before they reach the screen.
    public var colorDepth: ColorDepth
    /// Whether the line-drawing characters of `BorderStyle.single` can be shown.
    public var unicodeLineDrawing: Bool
    /// Whether the terminal was asked for extended keys (modifyOtherKeys and the kitty protocol).
    public var extendedKeys: Bool
    /// Whether mouse reports are enabled.
    public var mouse: Bool
    /// How pictures are drawn in pixels (`none`: with symbols in the cells).
    public var graphics: GraphicsProtocol = .none
    /// The size of a cell in pixels, when known (sizes sixel pictures).
    public var cellPixels: Size?

    public init(colorDepth: ColorDepth = .indexed256, unicodeLineDrawing: Bool = true, extendedKeys: Bool = false, mouse: Bool = false) {
        self.colorDepth = colorDepth
        self.unicodeLineDrawing = unicodeLineDrawing
        self.extendedKeys = extendedKeys
        self.mouse = mouse
    }

    /// True on monochrome terminals: the UI should mark focus and selection with reverse video,
    /// since colours will not show.
    public var prefersReverseVideo: Bool { colorDepth == .monochrome }
}
