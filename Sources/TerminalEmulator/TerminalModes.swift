/// How the child wants the cursor drawn.
public enum CursorShape: Hashable, Sendable {
    case block, underline, bar
}

/// Which mouse events the child asked to receive (DECSET 1000/1002/1003).
public enum MouseReporting: Hashable, Sendable {
    /// None: the wheel scrolls the scrollback and clicks stay with Callisto.
    case none
    /// Presses and releases.
    case click
    /// Presses, releases and motion with a button held.
    case drag
    /// Every event, motion included.
    case move
}

/// The terminal properties the child set through escape sequences (libvterm's termprops).
public struct TerminalModes: Hashable, Sendable {
    /// The window title (OSC 0 and OSC 2), control characters removed.
    public var title = ""
    /// The icon name (OSC 0 and OSC 1).
    public var iconName = ""
    public var cursorVisible = true
    public var cursorBlink = true
    public var cursorShape = CursorShape.block
    /// Whether the alternate screen is active (full-screen programs such as vim or less).
    public var altScreen = false
    /// Whether the child switched the whole screen to reverse video (DECSCNM).
    public var reverseVideo = false
    public var mouse = MouseReporting.none

    public init() {}
}
