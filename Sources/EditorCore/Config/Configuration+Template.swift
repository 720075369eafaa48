extension Configuration {
    /// A complete `config.toml` generated from the declarations: every option with its doc string, what
    /// it accepts, and its default value commented out. Uncommenting a line sets that option.
    public static func defaultFileText() -> String {
        var out = """
        # Callisto configuration.
        # Read from $XDG_CONFIG_HOME/callisto/config.toml (default ~/.config/callisto/config.toml).
        # Every option is listed with its default value, commented out: remove the "# " to change it.
        # Check the file with `callisto config --check`. Keymaps and themes live beside it in
        # keymap.toml, keymaps/ and themes/ (see `callisto keys`).

        """
        for section in ConfigDeclarations.sections {
            out += "\n[\(section)]\n"
            for option in ConfigDeclarations.all where option.section == section {
                out += "\n"
                for line in wrap(option.doc, width: 96) { out += "# \(line)\n" }
                out += "# Accepts \(option.accepts).\n"
                out += "# \(option.key) = \(option.defaultValue)\n"
            }
        }
        return out
    }

    /// Splits `text` into lines of at most `width` characters at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
