internal import CVTerm
import TermCore

/// Input for the child: keys, pastes and mouse events encoded by libvterm, so the modes the child set
/// (application cursor keys, bracketed paste, mouse protocol) are honoured. The bytes leave through
/// `onOutput`.
extension TerminalScreen {
    /// Sends one key press.
    public func send(_ key: Key) {
        let mod = TerminalScreen.modifier(key.modifiers)
        switch key.code {
        case let .char(scalar): vterm_keyboard_unichar(vt, scalar.value, mod)
        case .space: vterm_keyboard_unichar(vt, 0x20, mod)
        case .enter: vterm_keyboard_key(vt, VTERM_KEY_ENTER, mod)
        case .tab: vterm_keyboard_key(vt, VTERM_KEY_TAB, mod)
        case .backspace: vterm_keyboard_key(vt, VTERM_KEY_BACKSPACE, mod)
        case .escape: vterm_keyboard_key(vt, VTERM_KEY_ESCAPE, mod)
        case .up: vterm_keyboard_key(vt, VTERM_KEY_UP, mod)
        case .down: vterm_keyboard_key(vt, VTERM_KEY_DOWN, mod)
        case .left: vterm_keyboard_key(vt, VTERM_KEY_LEFT, mod)
        case .right: vterm_keyboard_key(vt, VTERM_KEY_RIGHT, mod)
        case .home: vterm_keyboard_key(vt, VTERM_KEY_HOME, mod)
        case .end: vterm_keyboard_key(vt, VTERM_KEY_END, mod)
        case .pageUp: vterm_keyboard_key(vt, VTERM_KEY_PAGEUP, mod)
        case .pageDown: vterm_keyboard_key(vt, VTERM_KEY_PAGEDOWN, mod)
        case .insert: vterm_keyboard_key(vt, VTERM_KEY_INS, mod)
        case .delete: vterm_keyboard_key(vt, VTERM_KEY_DEL, mod)
        case let .function(n) where (1...24).contains(n): vterm_keyboard_key(vt, cvt_key_function(Int32(n)), mod)
        case .function: break
        }
    }

    /// Types `text` as keys (each character as if pressed, `\n` as Enter).
    public func type(_ text: String) {
        for scalar in text.unicodeScalars {
            if scalar == "\n" { send(Key(.enter)) } else { vterm_keyboard_unichar(vt, scalar.value, VTERM_MOD_NONE) }
        }
    }

    /// Pastes `text`: wrapped in bracketed-paste markers when the child enabled that mode, plain text
    /// otherwise. Line ends become carriage returns as a terminal sends them; an end marker inside the
    /// text is removed so a paste can never end itself early.
    public func paste(_ text: String) {
        var body = text.replacingAll("\r\n", with: "\r").replacingAll("\n", with: "\r")
        body = body.replacingAll("\u{1B}[201~", with: "")
        vterm_keyboard_start_paste(vt)
        Array(body.utf8).withUnsafeBytes { onOutput?($0) }
        vterm_keyboard_end_paste(vt)
    }

    /// Passes a mouse event to the child when it asked for mouse reporting; returns whether it did.
    /// Positions are screen cells from the top left.
    @discardableResult
    public func mouse(_ event: MouseEvent) -> Bool {
        guard modes.mouse != .none else { return false }
        let mod = TerminalScreen.modifier(event.modifiers)
        let row = Int32(min(max(0, event.position.y), size.height - 1))
        let col = Int32(min(max(0, event.position.x), size.width - 1))
        switch event.kind {
        case let .press(button):
            vterm_mouse_move(vt, row, col, mod)
            vterm_mouse_button(vt, TerminalScreen.buttonNumber(button), true, mod)
        case let .release(button):
            vterm_mouse_move(vt, row, col, mod)
            vterm_mouse_button(vt, TerminalScreen.buttonNumber(button), false, mod)
        case .drag, .move:
            vterm_mouse_move(vt, row, col, mod)
        case .scrollUp, .scrollDown:
            vterm_mouse_move(vt, row, col, mod)
            vterm_mouse_button(vt, event.kind == .scrollUp ? 4 : 5, true, mod)
        case .scrollLeft, .scrollRight:
            return false
        }
        return true
    }

    static func buttonNumber(_ button: MouseButton) -> Int32 {
        switch button {
        case .left: return 1
        case .middle: return 2
        case .right: return 3
        case let .other(n): return Int32(n)
        }
    }

    static func modifier(_ m: KeyModifiers) -> VTermModifier {
        var raw: UInt32 = 0
        if m.contains(.shift) { raw |= VTERM_MOD_SHIFT.rawValue }
        if m.contains(.alt) { raw |= VTERM_MOD_ALT.rawValue }
        if m.contains(.ctrl) { raw |= VTERM_MOD_CTRL.rawValue }
        return VTermModifier(rawValue: raw)
    }
}

extension String {
    /// Every occurrence of `target` replaced (Foundation-free).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, self.contains(target) else { return self }
        var out = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        out += rest
        return out
    }
}
