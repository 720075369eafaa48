import Foundation
import Glibc
internal import CNcursesw
import TermCore

extension CursesBackend {
    /// `setlocale(LC_ALL, "")`, falling back to C.UTF-8 when the result is not UTF-8.
    static func setUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            setlocale(LC_ALL, "C.UTF-8")
        }
    }

    /// The terminal types tried in order: `$TERM`, then common fallbacks.
    func terminalCandidates() -> [String] {
        var list: [String] = []
        if let t = environment["TERM"], !t.isEmpty { list.append(t) }
        list += ["xterm-256color", "xterm", "vt100"]
        return list
    }

    func startCurses() throws {
        let outFD = dup(outputFD), inFD = dup(inputFD)
        guard let out = fdopen(outFD, "w"), let inp = fdopen(inFD, "r") else {
            throw TerminalError("cannot open the terminal streams")
        }
        for candidate in terminalCandidates() {
            if let s = newterm(candidate, out, inp) {
                screen = s
                terminalType = candidate
                break
            }
        }
        guard let screen else {
            fclose(out); fclose(inp)
            throw TerminalError("ncurses cannot start on this terminal (TERM=\(environment["TERM"] ?? "unset"))")
        }
        set_term(screen)
        outFile = out
        inFile = inp
        var depth = ColorDepth.monochrome
        if has_colors() {
            start_color()
            use_default_colors()
            let colors = Int(cnc_COLORS())
            depth = ColorDepth.detect(environment: environment, terminfoColors: colors)
            let ncursesDepth = ColorDepth.detect(environment: ["TERM": "x"], terminfoColors: colors)
            directColor = colors >= 0x1000000
            drawDepth = min(depth, ncursesDepth)
            // True colour asked for but not in terminfo: ncurses draws an approximation, the overlay the RGB.
            if depth == .trueColor && ncursesDepth < .trueColor && ncursesDepth >= .ansi8 {
                overlay = TrueColorOverlay()
            } else {
                depth = drawDepth
            }
            pairs = ColorPairCache(capacity: Int(cnc_COLOR_PAIRS()))
        } else {
            depth = .monochrome
            drawDepth = .monochrome
        }
        if let nc = environment["NO_COLOR"], !nc.isEmpty { depth = .monochrome; drawDepth = .monochrome; overlay = nil }
        capabilities.colorDepth = depth
        capabilities.unicodeLineDrawing = terminalType != "vt100"
    }

    /// What the emergency restore writes: our modes off, attributes reset, cursor shown, alternate
    /// screen left (terminfo's `rmcup`, or the xterm sequence).
    func emergencySequence() -> String {
        var s = TerminalModes.disable(mouse: wantMouse, extendedKeys: wantExtendedKeys)
        s += "\u{1b}[0m"
        s += cnc_tigetstr("cnorm").map { String(cString: $0) } ?? "\u{1b}[?25h"
        s += cnc_tigetstr("rmcup").map { String(cString: $0) } ?? "\u{1b}[?1049l"
        return s
    }

    /// The ncurses colour number for a colour already degraded to the terminal's depth.
    func colorNumber(_ c: Color?) -> Int32 {
        switch c {
        case nil, .default?: return -1
        case let .indexed(i)?: return Int32(i)
        case let .rgb(r, g, b)?:
            if directColor { return Int32(r) << 16 | Int32(g) << 8 | Int32(b) }
            guard case let .indexed(i) = Color.rgb(r, g, b).degraded(to: .indexed256) else { return -1 }
            return Int32(i)
        }
    }

    func attributes(_ a: TextAttributes) -> attr_t {
        var out = CNC_A_NORMAL
        if a.contains(.bold) { out |= CNC_A_BOLD }
        if a.contains(.dim) { out |= CNC_A_DIM }
        if a.contains(.italic) { out |= CNC_A_ITALIC }
        if a.contains(.underline) { out |= CNC_A_UNDERLINE }
        if a.contains(.reverse) { out |= CNC_A_REVERSE }
        if a.contains(.blink) { out |= CNC_A_BLINK }
        return out
    }

    /// Writes one cell. A character whose width the C library disagrees with (an emoji made wide by
    /// VS16, a flag) is written in a form ncurses measures the same way we do, so columns never drift.
    func put(_ cell: Cell, row: Int32, column: Int32, window: UnsafeMutablePointer<WINDOW>?) {
        if overlay != nil {
            overlay!.drew(cell, style: cell.style.degraded(to: capabilities.colorDepth), at: Point(x: Int(column), y: Int(row)))
        }
        let style = cell.style.degraded(to: drawDepth)
        let fg = colorNumber(style.foreground), bg = colorNumber(style.background)
        let pair = pairs.pair(fg: fg, bg: bg) { n, f, b in init_extended_pair(n, f, b) == OK }
        var chars = CursesBackend.wideChars(cell)
        var cch = cchar_t()
        _ = chars.withUnsafeMutableBufferPointer { cnc_setcchar_ext(&cch, $0.baseAddress, attributes(style.attributes), pair) }
        mvwadd_wch(window, row, column, &cch)
        if cell.width == 2 && cnc_wcwidth(chars[0]) == 1 {
            chars = [wchar_t(32), 0]
            _ = chars.withUnsafeMutableBufferPointer { cnc_setcchar_ext(&cch, $0.baseAddress, attributes(style.attributes), pair) }
            mvwadd_wch(window, row, column + 1, &cch)
        }
    }

    /// The cell's grapheme as a NUL-terminated wide string ncurses accepts: a spacing character
    /// followed by at most `CCHARW_MAX - 1` zero-width ones.
    static func wideChars(_ cell: Cell) -> [wchar_t] {
        var out: [wchar_t] = []
        let limit = Int(cnc_CCHARW_MAX())
        for (i, s) in cell.grapheme.unicodeScalars.enumerated() {
            let w = wchar_t(bitPattern: s.value)
            if i == 0 {
                out.append(cnc_wcwidth(w) < 0 ? wchar_t(0xFFFD) : w)
            } else if out.count < limit && cnc_wcwidth(w) == 0 {
                out.append(w)
            }
        }
        if out.isEmpty { out.append(32) }
        return out + [0]
    }
}
