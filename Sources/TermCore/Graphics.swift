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

/// What a terminal is sent to show rows of a picture at the cursor.
public struct GraphicsDrawing: Hashable, Sendable {
    /// Sent once while the picture is on screen, before the first `place` (kitty: the image data);
    /// empty when `place` carries everything (sixel).
    public var transmit: String
    /// Draws the rows at the cursor (the cursor may move).
    public var place: String

    public init(transmit: String = "", place: String) {
        self.transmit = transmit
        self.place = place
    }
}

/// A picture that can be drawn with a graphics protocol over a block of cells. The cells hold the
/// same picture in symbols (for terminals without graphics, and for what covers it); the drawing is
/// made on demand for a protocol, a cell size and the rows in view, and the last few are kept.
///
/// Identity matters: two lines show the same picture when they carry the same source.
public final class GraphicsSource: Hashable, @unchecked Sendable {
    /// What an encoder is asked for.
    public struct Request: Hashable, Sendable {
        public var graphics: GraphicsProtocol
        /// The size of a cell in pixels.
        public var cellPixels: Size
        /// The rows of the block in view (a picture partly scrolled out shows the rest).
        public var rows: Range<Int>
        /// This source's own number among the pictures on screen (the kitty placement id), so the
        /// same image shown twice is placed twice.
        public var placementID: UInt32
    }

    /// The block's size in cells.
    public let columns: Int
    public let rows: Int
    /// A number that stays the same for the same picture (used as the kitty image id).
    public let imageID: UInt32
    /// A number no other source has (the kitty placement id).
    public let placementID: UInt32
    private let encode: @Sendable (Request) -> GraphicsDrawing?
    private var cache: [(Request, GraphicsDrawing?)] = []
    private let lock = NSLock()

    /// A picture of `columns`×`rows` cells; `encode` makes the drawing for a request.
    public init(columns: Int, rows: Int, imageID: UInt32, encode: @escaping @Sendable (Request) -> GraphicsDrawing?) {
        self.columns = columns
        self.rows = rows
        self.imageID = imageID
        self.encode = encode
        placementID = Self.counter.next()
    }

    /// Hands out placement ids (1, 2, …, wrapping past 2³² − 1).
    private final class Counter: @unchecked Sendable {
        private var value: UInt32 = 0
        private let lock = NSLock()

        func next() -> UInt32 {
            lock.lock()
            defer { lock.unlock() }
            value = value == UInt32.max ? 1 : value + 1
            return value
        }
    }
    private static let counter = Counter()

    /// The drawing of `rows` (all by default) for `graphics` and cells of `cellPixels`, or nil if it
    /// cannot be made.
    public func drawing(_ graphics: GraphicsProtocol, cellPixels: Size, rows: Range<Int>? = nil) -> GraphicsDrawing? {
        let request = Request(graphics: graphics, cellPixels: cellPixels, rows: rows ?? 0..<self.rows, placementID: placementID)
        lock.lock()
        defer { lock.unlock() }
        if let hit = cache.firstIndex(where: { $0.0 == request }) {
            let entry = cache.remove(at: hit)
            cache.append(entry)
            return entry.1
        }
        let made = encode(request)
        cache.append((request, made))
        if cache.count > 3 { cache.removeFirst() }
        return made
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

/// A picture placed over a rectangle of the screen: the rows of its block in view, from the top.
public struct GraphicsPlacement: Hashable, Sendable {
    public var source: GraphicsSource
    public var rect: Rect
    /// Which rows of the picture's block the rectangle shows (`rect.height` of them).
    public var rows: Range<Int>

    public init(source: GraphicsSource, rect: Rect, rows: Range<Int>? = nil) {
        self.source = source
        self.rect = rect
        self.rows = rows ?? 0..<rect.height
    }
}

/// Kitty graphics deletions (quiet: no reply asked).
public enum KittyDelete {
    /// Image `id` with its data and every placement.
    public static func image(_ id: UInt32) -> String { "\u{1b}_Ga=d,d=I,i=\(id),q=2\u{1b}\\" }
    /// Placement `placement` of image `id`, keeping the data.
    public static func placement(_ placement: UInt32, of id: UInt32) -> String { "\u{1b}_Ga=d,d=i,i=\(id),p=\(placement),q=2\u{1b}\\" }
    /// Every picture on the screen.
    public static let all = "\u{1b}_Ga=d,d=A,q=2\u{1b}\\"
}
