internal import CNcursesw
import TermCore

/// Choosing the graphics protocol: from the setting, or by asking the terminal.
extension CursesBackend {
    /// The kitty graphics query (a 1×1 image that is not kept), answered only by terminals that
    /// have the protocol.
    static let kittyQuery = "\u{1b}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1b}\\"
    /// The cell size query (`CSI 16 t`) and primary device attributes (`CSI c`, answered by every
    /// terminal, after the queries before it).
    static let cellAndAttributesQuery = "\u{1b}[16t\u{1b}[c"
    /// The cell size when the terminal tells nothing.
    static let defaultCellPixels = Size(width: 10, height: 20)

    /// Sets up graphics at `enter()`: the chosen protocol at once, or the queries for `auto`.
    func startGraphics() {
        switch graphicsChoice {
        case .symbols: return
        case .sixel: useGraphics(.sixel)
        case .kitty: useGraphics(.kitty)
        case .auto: break
        }
        let term = environment["TERM"] ?? ""
        if ["dumb", "linux", "vt"].contains(where: { term.hasPrefix($0) }) || term.isEmpty { return }
        // tmux and screen take an APC string for a window title, and cannot pass kitty graphics on.
        let multiplexed = environment["TMUX"] != nil || term.hasPrefix("screen") || term.hasPrefix("tmux")
        writeOut((graphicsChoice == .auto && !multiplexed ? Self.kittyQuery : "") + Self.cellAndAttributesQuery)
    }

    /// Draws pictures with `graphics` from the next frame on.
    func useGraphics(_ graphics: GraphicsProtocol) {
        let cell = cellPixels()
        graphicsOverlay = GraphicsOverlay(graphics: graphics, cellPixels: cell)
        capabilities.graphics = graphics
        capabilities.cellPixels = cell
    }

    /// The cell size in pixels: as the terminal reported it, else from the kernel's window size,
    /// else a common default.
    func cellPixels() -> Size {
        if let reportedCellPixels { return reportedCellPixels }
        var w: Int32 = 0, h: Int32 = 0
        if cnc_winsize_pixels(outputFD, &w, &h) == 0, w > 0, h > 0, size.width > 0, size.height > 0 {
            return Size(width: max(1, Int(w) / size.width), height: max(1, Int(h) / size.height))
        }
        return Self.defaultCellPixels
    }

    public func apply(_ report: TerminalReport) -> Bool {
        switch report {
        case let .kittyGraphics(id, ok):
            guard graphicsChoice == .auto, id == 31, ok, capabilities.graphics == .none else { return false }
            useGraphics(.kitty)
            return true
        case let .deviceAttributes(attributes):
            guard graphicsChoice == .auto, attributes.dropFirst().contains(4), capabilities.graphics == .none else { return false }
            useGraphics(.sixel)
            return true
        case let .cellPixelSize(width, height):
            let cell = Size(width: width, height: height)
            guard cell != reportedCellPixels else { return false }
            reportedCellPixels = cell
            capabilities.cellPixels = cell
            guard graphicsOverlay != nil else { return false }
            graphicsOverlay!.cellPixels = cell
            graphicsOverlay!.willRepaintAll()
            return true
        }
    }
}
