internal import CVTerm
import TermCore

/// libvterm's state-layer callbacks. They are non-capturing C functions; the `TerminalScreen` comes
/// back through the `user` pointer (unretained: the screen owns the `VTerm` and frees it in `deinit`).
extension TerminalScreen {
    private static func target(_ user: UnsafeMutableRawPointer?) -> TerminalScreen {
        Unmanaged<TerminalScreen>.fromOpaque(user!).takeUnretainedValue()
    }

    static func makeCallbacks() -> VTermStateCallbacks {
        var cb = VTermStateCallbacks()
        cb.putglyph = { info, pos, user in
            guard let info, let chars = info.pointee.chars else { return 0 }
            var n = 0
            while n < Int(VTERM_MAX_CHARS_PER_CELL), chars[n] != 0 { n += 1 }
            let me = TerminalScreen.target(user)
            me.grids[me.active].put(UnsafeBufferPointer(start: chars, count: max(1, n)), glyphWidth: Int(info.pointee.width),
                                    row: Int(pos.row), col: Int(pos.col), style: me.pen)
            me.damage.mark(rows: Int(pos.row), Int(pos.row) + 1)
            return 1
        }
        cb.movecursor = { pos, _, _, user in
            let me = TerminalScreen.target(user)
            me.cursor = Point(x: Int(pos.col), y: Int(pos.row))
            me.otherChanges = true
            return 1
        }
        cb.scrollrect = { rect, downward, rightward, user in
            TerminalScreen.target(user).scroll(rect, downward: Int(downward), rightward: Int(rightward)) ? 1 : 0
        }
        cb.moverect = { dest, src, user in
            let me = TerminalScreen.target(user)
            me.grids[me.active].move(destRows: Int(dest.start_row)..<Int(dest.end_row), destCols: Int(dest.start_col)..<Int(dest.end_col),
                                     srcRows: Int(src.start_row)..<Int(src.end_row), srcCols: Int(src.start_col)..<Int(src.end_col))
            me.damage.mark(rows: Int(dest.start_row), Int(dest.end_row))
            return 1
        }
        cb.erase = { rect, _, user in
            let me = TerminalScreen.target(user)
            me.grids[me.active].erase(rows: Int(rect.start_row)..<Int(rect.end_row), cols: Int(rect.start_col)..<Int(rect.end_col),
                                      style: me.erasePen)
            me.damage.mark(rows: Int(rect.start_row), Int(rect.end_row))
            return 1
        }
        cb.initpen = { user in
            TerminalScreen.target(user).pen = 0
            return 1
        }
        cb.setpenattr = { attr, value, user in
            guard let value else { return 0 }
            TerminalScreen.target(user).setPen(attr, value)
            return 1
        }
        cb.settermprop = { prop, value, user in
            guard let value else { return 0 }
            TerminalScreen.target(user).setProperty(prop, value.pointee)
            return 1
        }
        cb.bell = { user in
            let me = TerminalScreen.target(user)
            me.bellCount += 1
            me.otherChanges = true
            return 1
        }
        cb.resize = { rows, cols, delta, user in
            TerminalScreen.target(user).resizeGrids(rows: Int(rows), cols: Int(cols), delta: delta)
            return 1
        }
        cb.setlineinfo = { _, _, _, _ in 1 }
        return cb
    }

    /// The style erased cells get: the pen's background only.
    var erasePen: UInt64 { pen & (0x3FF_FFFF << 26) }

    func setPen(_ attr: VTermAttr, _ value: UnsafeMutablePointer<VTermValue>) {
        func flag(_ bit: UInt64, _ on: Bool) { if on { pen |= bit << 52 } else { pen &= ~(bit << 52) } }
        switch attr {
        case VTERM_ATTR_BOLD: flag(1, value.pointee.boolean != 0)
        case VTERM_ATTR_UNDERLINE: flag(2, value.pointee.number != 0)
        case VTERM_ATTR_ITALIC: flag(4, value.pointee.boolean != 0)
        case VTERM_ATTR_BLINK: flag(8, value.pointee.boolean != 0)
        case VTERM_ATTR_REVERSE: flag(16, value.pointee.boolean != 0)
        case VTERM_ATTR_STRIKE: flag(32, value.pointee.boolean != 0)
        case VTERM_ATTR_FOREGROUND:
            let packed = withUnsafePointer(to: &value.pointee.color) { UInt64(cvt_pack_color($0, true)) }
            pen = (pen & ~0x3FF_FFFF) | packed
        case VTERM_ATTR_BACKGROUND:
            let packed = withUnsafePointer(to: &value.pointee.color) { UInt64(cvt_pack_color($0, false)) }
            pen = (pen & ~(0x3FF_FFFF << 26)) | (packed << 26)
        default: break
        }
    }

    /// Full-width vertical scrolls move rows (lines leaving the top of the primary screen go into the
    /// scrollback); anything else is left to libvterm, which falls back to moverect and erase.
    func scroll(_ rect: VTermRect, downward: Int, rightward: Int) -> Bool {
        guard rightward == 0, rect.start_col == 0, Int(rect.end_col) == size.width else { return false }
        let region = Int(rect.start_row)..<Int(rect.end_row)
        let keep = active == 0 && region.lowerBound == 0
        grids[active].scroll(region, by: downward, style: erasePen) { row in
            if keep { pushScrollback(row) }
        }
        damage.mark(rows: region.lowerBound, region.upperBound)
        return true
    }

    func pushScrollback(_ row: GridRow) {
        scrollback.push(row.scrollbackLine)
        scrolledLines += 1
    }

    func setProperty(_ prop: VTermProp, _ value: VTermValue) {
        otherChanges = true
        switch prop {
        case VTERM_PROP_CURSORVISIBLE: modes.cursorVisible = value.boolean != 0
        case VTERM_PROP_CURSORBLINK: modes.cursorBlink = value.boolean != 0
        case VTERM_PROP_ALTSCREEN:
            let on = value.boolean != 0
            if on, !modes.altScreen { grids[1].clear() }
            modes.altScreen = on
            damage.markAll()
        case VTERM_PROP_TITLE: modes.title = TerminalScreen.sanitized(value.string)
        case VTERM_PROP_ICONNAME: modes.iconName = TerminalScreen.sanitized(value.string)
        case VTERM_PROP_REVERSE: modes.reverseVideo = value.boolean != 0
        case VTERM_PROP_CURSORSHAPE:
            switch Int(value.number) {
            case VTERM_PROP_CURSORSHAPE_UNDERLINE: modes.cursorShape = .underline
            case VTERM_PROP_CURSORSHAPE_BAR_LEFT: modes.cursorShape = .bar
            default: modes.cursorShape = .block
            }
        case VTERM_PROP_MOUSE:
            switch Int(value.number) {
            case VTERM_PROP_MOUSE_CLICK: modes.mouse = .click
            case VTERM_PROP_MOUSE_DRAG: modes.mouse = .drag
            case VTERM_PROP_MOUSE_MOVE: modes.mouse = .move
            default: modes.mouse = .none
            }
        default: break
        }
    }

    /// A title from the child: at most 256 characters, control characters dropped.
    static func sanitized(_ raw: UnsafeMutablePointer<CChar>?) -> String {
        guard let raw else { return "" }
        let s = String(cString: raw)
        return String(String.UnicodeScalarView(s.unicodeScalars.filter { $0.value >= 0x20 && !(0x7F..<0xA0).contains($0.value) }).prefix(256))
    }

    /// libvterm resized its state: shrinking pushes the lines above the cursor into the scrollback,
    /// growing pulls them back; `delta` tells libvterm how far that moved the cursor.
    func resizeGrids(rows: Int, cols: Int, delta: UnsafeMutablePointer<VTermPos>?) {
        var primary = grids[0]
        primary.resize(width: cols, height: primary.height)
        let cursorRow = active == 0 ? cursor.y : primary.height - 1
        var moved = 0
        if rows < primary.height {
            let push = max(0, cursorRow + 1 - rows)
            for row in primary.removeTop(push) { pushScrollback(row) }
            moved = -push
        } else if rows > primary.height, active == 0 {
            var pulled: [GridRow] = []
            while pulled.count < rows - primary.height, let line = scrollback.popNewest() {
                pulled.insert(GridRow(line, width: cols), at: 0)
            }
            primary.insertTop(pulled)
            scrolledLines = max(0, scrolledLines - pulled.count)
            moved = pulled.count
        }
        primary.resize(width: cols, height: rows)
        grids[0] = primary
        grids[1].resize(width: cols, height: rows)
        if active == 0, let delta { delta.pointee.row += Int32(moved) }
        damage.resize(rows: rows)
    }
}
