/// The escape sequences that switch the terminal's input protocols on and off.
///
/// On enter Callisto asks for xterm modifyOtherKeys (level 2) and the kitty keyboard protocol
/// (disambiguate flag, pushed on the terminal's stack), bracketed paste, SGR mouse reports with button
/// motion, and focus reports. Leaving undoes each in reverse order; terminals ignore what they do not know.
public enum TerminalModes {
    /// Sent after ncurses has entered the alternate screen.
    public static func enable(mouse: Bool, extendedKeys: Bool) -> String {
        var s = "\u{1b}[?2004h\u{1b}[?1004h"
        if mouse { s += "\u{1b}[?1000h\u{1b}[?1002h\u{1b}[?1006h" }
        if extendedKeys { s += "\u{1b}[>4;2m\u{1b}[>1u" }
        return s
    }

    /// Sent before ncurses leaves the alternate screen (and by the emergency restore).
    public static func disable(mouse: Bool, extendedKeys: Bool) -> String {
        var s = ""
        if extendedKeys { s += "\u{1b}[<u\u{1b}[>4;0m" }
        if mouse { s += "\u{1b}[?1006l\u{1b}[?1002l\u{1b}[?1000l" }
        s += "\u{1b}[?1004l\u{1b}[?2004l"
        return s
    }
}
