/// Something that happened at the terminal.
public enum Event: Hashable, Sendable {
    /// A key press.
    case key(Key)
    /// Text pasted with bracketed paste: insert it as text, never interpret it as keys. Line ends are `\n`.
    case paste(String)
    /// A mouse report.
    case mouse(MouseEvent)
    /// The terminal window gained (true) or lost (false) focus.
    case focus(Bool)
    /// The terminal changed size.
    case resize(Size)
    /// The terminal answered a query (graphics support, cell size).
    case report(TerminalReport)
}

/// A mouse button.
public enum MouseButton: Hashable, Sendable {
    case left, middle, right
    /// Extra buttons (8–11 in the SGR encoding), by their report number.
    case other(Int)
}

/// A mouse report: what happened, where (zero-based cell), with which modifiers held.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case press(MouseButton)
        case release(MouseButton)
        /// Motion with a button held.
        case drag(MouseButton)
        /// Motion with no button held.
        case move
        case scrollUp, scrollDown, scrollLeft, scrollRight
    }

    public var kind: Kind
    public var position: Point
    public var modifiers: KeyModifiers

    public init(_ kind: Kind, at position: Point, modifiers: KeyModifiers = []) {
        self.kind = kind
        self.position = position
        self.modifiers = modifiers
    }
}
