internal import CVTerm
import TermCore

/// libvterm's screen callbacks. They are non-capturing C functions; the `TerminalScreen` comes back
/// through the `user` pointer (unretained: the screen owns the `VTerm` and frees it in `deinit`).
extension TerminalScreen {
    private static func target(_ user: UnsafeMutableRawPointer?) -> TerminalScreen {
        Unmanaged<TerminalScreen>.fromOpaque(user!).takeUnretainedValue()
    }

    static func makeCallbacks() -> VTermScreenCallbacks {
        var cb = VTermScreenCallbacks()
        cb.damage = { rect, user in
            TerminalScreen.target(user).damage.mark(rows: Int(rect.start_row), Int(rect.end_row))
            return 1
        }
        cb.movecursor = { pos, _, visible, user in
            let me = TerminalScreen.target(user)
            me.cursor = Point(x: Int(pos.col), y: Int(pos.row))
            me.otherChanges = true
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
        cb.resize = { _, _, user in
            TerminalScreen.target(user).damage.markAll()
            return 1
        }
        cb.sb_pushline = { cols, cells, user in
            guard let cells else { return 0 }
            TerminalScreen.target(user).pushScrollback(cols: Int(cols), cells: cells)
            return 1
        }
        cb.sb_popline = { cols, cells, user in
            guard let cells else { return 0 }
            return TerminalScreen.target(user).popScrollback(cols: Int(cols), into: cells) ? 1 : 0
        }
        return cb
    }

    func setProperty(_ prop: VTermProp, _ value: VTermValue) {
        otherChanges = true
        switch prop {
        case VTERM_PROP_CURSORVISIBLE: modes.cursorVisible = value.boolean != 0
        case VTERM_PROP_CURSORBLINK: modes.cursorBlink = value.boolean != 0
        case VTERM_PROP_ALTSCREEN:
            modes.altScreen = value.boolean != 0
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

    func pushScrollback(cols: Int, cells: UnsafePointer<VTermScreenCell>) {
        if packChars.count < cols {
            packChars = [UInt32](repeating: 0, count: cols)
            packStyles = [UInt64](repeating: 0, count: cols)
        }
        var hasCombining = false
        let used = Int(packChars.withUnsafeMutableBufferPointer { chars in
            packStyles.withUnsafeMutableBufferPointer { styles in
                cvt_pack_line(cells, Int32(cols), chars.baseAddress, styles.baseAddress, &hasCombining)
            }
        })
        var runs: [ScrollbackLine.StyleRun] = []
        var last: UInt64 = 0
        for i in 0..<used where packStyles[i] != last {
            runs.append(.init(column: Int32(i), style: packStyles[i]))
            last = packStyles[i]
        }
        var combining: [Int32: String] = [:]
        if hasCombining {
            for i in 0..<used {
                if let extra = TerminalScreen.combining(of: cells[i]) { combining[Int32(i)] = extra }
            }
        }
        scrollback.push(ScrollbackLine(chars: Array(packChars[0..<used]), runs: runs, combining: combining))
        scrolledLines += 1
    }

    func popScrollback(cols: Int, into cells: UnsafeMutablePointer<VTermScreenCell>) -> Bool {
        guard let line = scrollback.popNewest() else { return false }
        scrolledLines = max(0, scrolledLines - 1)
        var fg = VTermColor(), bg = VTermColor()
        vterm_state_get_default_colors(vterm_obtain_state(vt), &fg, &bg)
        fg.type |= UInt8(VTERM_COLOR_DEFAULT_FG.rawValue)
        bg.type |= UInt8(VTERM_COLOR_DEFAULT_BG.rawValue)
        for col in 0..<cols {
            let ch = col < line.chars.count ? line.chars[col] : 0
            cvt_unpack_cell(cells + col, ch, line.styleKey(at: col), &fg, &bg)
            if ch != PackedCell.continuation, col + 1 < line.chars.count, line.chars[col + 1] == PackedCell.continuation {
                cells[col].width = 2
            }
            if let extra = line.combining[Int32(col)] {
                withUnsafeMutableBytes(of: &cells[col].chars) { raw in
                    let scalars = raw.bindMemory(to: UInt32.self)
                    for (i, u) in extra.unicodeScalars.prefix(scalars.count - 1).enumerated() { scalars[i + 1] = u.value }
                }
            }
        }
        return true
    }
}
