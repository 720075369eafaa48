/// Every option of `config.toml`, in the order the default file shows them.
public enum ConfigDeclarations {
    public static let all: [ConfigOption] = [
        ConfigOption("editor.style", .choice(["default", "vim", "emacs"]), .string("default"),
                     "Editing keys: default (JupyterLab's), vim or emacs. Chooses the keymap unless ui.keymap is set."),
        ConfigOption("editor.line-numbers", .bool, .bool(false), "Show line numbers in cells and text files."),
        ConfigOption("editor.soft-wrap", .bool, .bool(true), "Wrap long lines on screen instead of scrolling sideways."),
        ConfigOption("editor.tab-width", .integer(1...16, unit: "columns"), .integer(4), "Columns per indentation level; Tab inserts spaces."),
        ConfigOption("editor.auto-close-brackets", .bool, .bool(true), "Typing an opening bracket or quote inserts the closing one."),

        ConfigOption("ui.theme", .name(.theme), .string("dark"),
                     "Colour theme: a shipped one (dark, light, high-contrast, gruvbox) or one in the themes/ folder here."),
        ConfigOption("ui.keymap", .name(.keymap), .string(""),
                     "Keymap by name (default, vim, emacs, or one in the keymaps/ folder here); empty follows editor.style. keymap.toml here is laid over it."),
        ConfigOption("ui.mouse", .bool, .bool(true), "Use the mouse (click, wheel). Off leaves text selection to the terminal."),
        ConfigOption("ui.side-panel", .bool, .bool(true), "Show the side panel (file browser) at start."),
        ConfigOption("ui.side-panel-width", .integer(10...200, unit: "columns"), .integer(30), "Width of the side panel."),
        ConfigOption("ui.status-bar", .bool, .bool(true), "Show the status bar."),
        ConfigOption("ui.escape-delay", .integer(0...1000, unit: "milliseconds"), .integer(25),
                     "How long a lone Escape waits for the rest of a key sequence before it counts as Escape."),
        ConfigOption("ui.extended-keys", .bool, .bool(true),
                     "Ask the terminal to report Shift+Enter, Ctrl+Enter and Ctrl+Shift+letter (kitty keyboard protocol, modifyOtherKeys)."),

        ConfigOption("notebook.autosave-interval", .integer(0...86_400, unit: "seconds"), .integer(120),
                     "Save modified documents this often; 0 turns autosave off."),
        ConfigOption("notebook.output-max-lines", .integer(1...1_000_000, unit: "lines"), .integer(1_000),
                     "Show at most this many lines of one output; the rest is folded behind a note."),
        ConfigOption("notebook.output-memory-limit", .integer(1...4_096, unit: "MiB"), .integer(16),
                     "Keep at most this much text of one cell's outputs in memory; older text is dropped with a note."),
        ConfigOption("images.protocol", .choice(["auto", "symbols", "sixel", "kitty"]), .string("auto"),
                     "How plots and images are drawn: auto asks the terminal for kitty or sixel graphics and falls back to Unicode symbols."),
        ConfigOption("notebook.default-kernel", .string, .string("python3"),
                     "Kernelspec name for new notebooks and notebooks that name none."),
        ConfigOption("notebook.confirm-restart", .bool, .bool(true), "Ask before restarting or shutting down a kernel."),

        ConfigOption("terminal.escape-key", .key, .string("<C-\\>"),
                     "The key that leaves a focused terminal pane (press it twice to send it to the program)."),
        ConfigOption("terminal.shell", .string, .string(""), "Program for new terminals; empty uses $SHELL, then /bin/sh."),
        ConfigOption("terminal.scrollback", .integer(0...1_000_000, unit: "lines"), .integer(10_000), "Lines kept above a terminal's screen."),

        ConfigOption("clipboard.osc52", .bool, .bool(true),
                     "Copy to the system clipboard through the terminal (OSC 52); works over SSH and in tmux with set-clipboard on."),

        ConfigOption("files.show-hidden", .bool, .bool(false), "Show files whose names start with a dot in the file browser."),
    ]

    /// The option named `name` (`section.key`).
    public static func option(_ name: String) -> ConfigOption? { all.first { $0.name == name } }

    /// Section names in order of first appearance.
    public static var sections: [String] {
        var seen: [String] = []
        for o in all where !seen.contains(o.section) { seen.append(o.section) }
        return seen
    }
}
