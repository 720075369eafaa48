import EditorCore

/// Changing the colour theme while running (`apputils:change-theme`).
extension WorkspaceApp {
    /// Asks which theme to use: one button per available theme, the current one focused.
    func chooseTheme() {
        let names = resourceLocator.available(.theme)
        guard !names.isEmpty else { show("no themes found", error: true); return }
        let current = names.firstIndex(of: settings.theme.name) ?? 0
        present(.confirm("Change theme", message: "Colour theme (now \(settings.theme.name)):", buttons: names,
                         defaultButton: current) { [weak self] answer in
            guard let self, case let .button(i, _) = answer else { return }
            switchTheme(to: names[i])
        })
    }

    /// Loads the theme named `name` and applies it; problems go to the status bar.
    public func switchTheme(to name: String) {
        let loaded = ThemeLoader(locator: resourceLocator).load(name)
        apply(theme: loaded.theme)
        if let problem = loaded.diagnostics.first { show("theme: \(problem)", error: true) } else { show("theme \(loaded.theme.name)") }
    }

    /// Every open view drops what it laid out with the old theme.
    func themeChanged() {
        for view in notebookViews { view.themeChanged() }
    }
}
