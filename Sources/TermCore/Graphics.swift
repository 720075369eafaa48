import Foundation

/// How a terminal can show pictures made of pixels.
public enum GraphicsProtocol: String, Hashable, Sendable, CaseIterable {
    /// None: pictures are drawn with Unicode symbols in the cells.
    case none
    /// DEC sixel graphics (xterm -ti vt340, foot, WezTerm, mlterm, mintty, tmux 3.4 with sixel…).
    case sixel
    /// The kitty graphics protocol (kitty, WezTerm, Ghostty, Konsole…).
    case kitty
}

/// The `images.protocol` setting: how to draw pictures.
public enum GraphicsChoice: String, Hashable, Sendable, CaseIterable {
    /// Ask the terminal (kitty graphics query, device attributes) and use what it answers.
    case auto
    /// Unicode symbols only.
    case symbols
    /// Sixel, without asking.
    case sixel
    /// Kitty graphics, without asking.
    case kitty
}

/// A picture that can be drawn with a graphics protocol over a block of cells. The cells hold the
/// same picture in symbols (for terminals without graphics, and whenever the block is not fully
/// visible); the escape sequence is made on demand and kept for the last size asked.
///
/// Identity matters: two lines show the same picture when they carry the same source.
public final class GraphicsSource: Hashable, @unchecked Sendable {
    /// The block's size in cells.
    public let columns: Int
    public let rows: Int
    /// A number that stays the same for the same picture (used as the kitty image id).
    public let imageID: UInt32
    private let encode: @Sendable (GraphicsProtocol, Size) -> String?
    private var cached: (GraphicsProtocol, Size, String?)?
    private let lock = NSLock()

    /// A picture of `columns`×`rows` cells; `encode` makes the escape sequence for a protocol and a
    /// cell size in pixels, drawing at the cursor and leaving it anywhere.
    public init(columns: Int, rows: Int, imageID: UInt32, encode: @escaping @Sendable (GraphicsProtocol, Size) -> String?) {
        self.columns = columns
        self.rows = rows
        self.imageID = imageID
        self.encode = encode
    }

    /// The escape sequence drawing the picture over its block, or nil if it cannot be made.
    public func sequence(_ graphics: GraphicsProtocol, cellPixels: Size) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if let c = cached, c.0 == graphics, c.1 == cellPixels { return c.2 }
        let s = encode(graphics, cellPixels)
        cached = (graphics, cellPixels, s)
        return s
    }

    public static func == (a: GraphicsSource, b: GraphicsSource) -> Bool { a === b }
    public func hash(into h: inout Hasher) { h.combine(ObjectIdentifier(self)) }
}

/// One row of a picture, carried by the `Line` that shows it in symbols.
public struct PictureRow: Hashable, Sendable {
    public var source: GraphicsSource
    /// Which row of the picture's block this is (0-based).
    public var row: Int

    public init(source: GraphicsSource, row: Int) {
        self.source = source
        self.row = row
    }
}

/// A picture placed over a rectangle of the screen.
public struct GraphicsPlacement: Hashable, Sendable {
    public var source: GraphicsSource
    public var rect: Rect

    public init(source: GraphicsSource, rect: Rect) {
        self.source = source
        self.rect = rect
    }
}
