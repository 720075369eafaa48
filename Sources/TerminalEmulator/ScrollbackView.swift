/// How far the view is scrolled back into the scrollback: `offset` lines above the live screen.
/// When output arrives while scrolled back, the view stays on the same lines (like tmux copy mode).
public struct ScrollbackView: Hashable, Sendable {
    /// Lines above the live screen; 0 shows the live screen.
    public private(set) var offset = 0

    public init() {}

    public var isLive: Bool { offset == 0 }

    /// Scrolls back (positive) or forward (negative) by `lines`, within `0...available`.
    public mutating func scroll(by lines: Int, available: Int) {
        offset = min(max(0, offset + lines), max(0, available))
    }

    /// Keeps the same lines in view after `pushed` new lines entered the scrollback.
    public mutating func follow(pushed: Int, available: Int) {
        guard offset > 0 else { return }
        offset = min(offset + pushed, max(0, available))
    }

    /// Back to the live screen.
    public mutating func toBottom() { offset = 0 }
}
