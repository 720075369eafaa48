import TermCore

/// Pictures in pixels over the cells ncurses draws (sixel or kitty graphics).
///
/// The cells under a picture hold it in symbols, so ncurses' idea of the screen stays right and a
/// picture that cannot be shown falls back by itself. After each update the overlay writes the
/// pictures that are new, moved, or whose cells ncurses rewrote (a sixel is erased by the text drawn
/// over it; kitty pictures float above the text, their data is sent once while they are on screen,
/// placed again with the rows in view as they scroll, and deleted by id). Before the update it names
/// the rows where a sixel picture went away, for ncurses to repaint (ncurses does not know the
/// pixels are there and would leave them).
struct GraphicsOverlay {
    var graphics: GraphicsProtocol
    var cellPixels: Size
    /// Pictures on the screen now.
    private(set) var onScreen: [GraphicsPlacement] = []
    private var wanted: [GraphicsPlacement] = []
    /// Rows ncurses wrote in this frame, with the columns.
    private var damage: [(row: Int, columns: Range<Int>)] = []
    private var repaintAll = false
    /// Kitty pictures whose data the terminal holds.
    private var transmitted: Set<UInt32> = []

    init(graphics: GraphicsProtocol, cellPixels: Size) {
        self.graphics = graphics
        self.cellPixels = cellPixels
    }

    /// The pictures for the next update; those that would touch the last row are left out (drawing
    /// a sixel there can scroll the screen).
    mutating func show(_ placements: [GraphicsPlacement], screen: Size) {
        wanted = placements.filter { $0.rect.y >= 0 && $0.rect.x >= 0 && $0.rect.maxY < screen.height && $0.rect.maxX <= screen.width }
    }

    /// ncurses wrote these cells in this frame.
    mutating func damaged(row: Int, columns: Range<Int>) { damage.append((row, columns)) }

    /// The whole screen is drawn again (after a resize, resume or a full frame).
    mutating func willRepaintAll() { repaintAll = true }

    /// The rows ncurses must repaint before this update: where sixel pictures were that are gone
    /// or moved.
    func rowsToRepaint() -> [Range<Int>] {
        guard graphics == .sixel else { return [] }
        let kept = Set(wanted)
        return onScreen.filter { !kept.contains($0) }.map { $0.rect.y..<$0.rect.maxY }
    }

    /// The bytes to write after the update, ending with the cursor at `cursor`; empty when nothing
    /// changed.
    mutating func takeOutput(cursor: Point) -> String {
        defer {
            onScreen = wanted
            damage.removeAll(keepingCapacity: true)
            repaintAll = false
        }
        var out = ""
        // A cleared screen may have taken the pictures' data with it: send it again.
        if repaintAll { transmitted.removeAll() }
        if graphics == .kitty {
            // A picture gone: its placement goes, and the image's data with its last placement.
            let keptImages = Set(wanted.map(\.source.imageID))
            let keptSources = Set(wanted.map(\.source))
            for p in onScreen where !keptSources.contains(p.source) && keptImages.contains(p.source.imageID) {
                out += KittyDelete.placement(p.source.placementID, of: p.source.imageID)
            }
            for gone in Set(onScreen.map(\.source.imageID)).subtracting(keptImages).sorted() {
                out += KittyDelete.image(gone)
                transmitted.remove(gone)
            }
        }
        let was = Set(onScreen)
        let repainted = Set(rowsToRepaint().flatMap { Array($0) })
        for p in wanted {
            let fresh = repaintAll || !was.contains(p)
            let hurt = graphics == .sixel && (p.rect.y..<p.rect.maxY).contains { repainted.contains($0) }
                || graphics == .sixel && damage.contains { d in p.rect.y <= d.row && d.row < p.rect.maxY && d.columns.overlaps(p.rect.x..<p.rect.maxX) }
            guard fresh || hurt, let drawing = p.source.drawing(graphics, cellPixels: cellPixels, rows: p.rows) else { continue }
            if !drawing.transmit.isEmpty, transmitted.insert(p.source.imageID).inserted { out += drawing.transmit }
            out += "\u{1b}[\(p.rect.y + 1);\(p.rect.x + 1)H" + drawing.place
        }
        guard !out.isEmpty else { return "" }
        return out + "\u{1b}[\(cursor.y + 1);\(cursor.x + 1)H"
    }

    /// Removes every picture (leaving the terminal).
    mutating func takeClearing() -> String {
        defer { onScreen = []; wanted = []; transmitted = [] }
        return graphics == .kitty && !onScreen.isEmpty ? KittyDelete.all : ""
    }
}
