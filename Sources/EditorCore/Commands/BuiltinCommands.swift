/// Every command of the product, by area. Handlers are attached by the UI; here each command is a
/// named value with its documentation, so the palette, `callisto keys` and keymap validation can list
/// and check them.
public enum BuiltinCommands {
    /// All built-in commands, areas in a stable order.
    public static let all: [CommandInfo] =
        workspace + documents + notebookCommandMode + notebookEditMode + notebookOutputs + notebookOutputFocus + kernel + completion + editor
        + TextCommands.additional
        + fileBrowser + terminal + palette + dialog + [CommandInfo(id: .none, title: "Do nothing",
                                                        doc: "Unbinds a key: it goes to the focused component as input.",
                                                        context: .global)]

    /// Builds infos from `(id, title, doc)` rows sharing a context.
    static func table(_ context: KeyContext, _ rows: [(String, String, String)]) -> [CommandInfo] {
        rows.map { CommandInfo(id: CommandID($0.0), title: $0.1, doc: $0.2, context: context) }
    }

    static let workspace = table(.global, [
        ("application:quit", "Quit", "Quit Callisto, asking about unsaved documents and kernels it started."),
        ("application:close", "Close tab", "Close the current tab, asking first if it has unsaved changes."),
        ("application:close-all", "Close all tabs", "Close every tab, asking about unsaved changes."),
        ("application:close-other-tabs", "Close other tabs", "Close every tab of the current pane but the current one."),
        ("application:reopen-closed", "Reopen closed tab", "Open the most recently closed tab again."),
        ("application:activate-next-tab", "Next tab", "Show the next tab of the current pane."),
        ("application:activate-previous-tab", "Previous tab", "Show the previous tab of the current pane."),
        ("application:activate-previously-used-tab", "Previously used tab", "Switch back to the tab used before this one."),
        ("application:move-tab-left", "Move tab left", "Move the current tab one place to the left in its tab bar."),
        ("application:move-tab-right", "Move tab right", "Move the current tab one place to the right in its tab bar."),
        ("application:move-tab-to-next-pane", "Move tab to next pane", "Move the current tab into the next pane."),
        ("application:split-right", "Split right", "Split the current pane side by side; the new pane shows the same document."),
        ("application:split-down", "Split down", "Split the current pane top and bottom; the new pane shows the same document."),
        ("application:close-pane", "Close pane", "Close the current pane; its tabs move to the neighbouring pane."),
        ("application:focus-next-pane", "Focus next pane", "Move the focus to the next pane."),
        ("application:focus-previous-pane", "Focus previous pane", "Move the focus to the previous pane."),
        ("application:focus-pane-left", "Focus pane left", "Move the focus to the pane on the left."),
        ("application:focus-pane-right", "Focus pane right", "Move the focus to the pane on the right."),
        ("application:focus-pane-up", "Focus pane above", "Move the focus to the pane above."),
        ("application:focus-pane-down", "Focus pane below", "Move the focus to the pane below."),
        ("application:grow-pane", "Grow pane", "Make the current pane larger."),
        ("application:shrink-pane", "Shrink pane", "Make the current pane smaller."),
        ("application:equalize-panes", "Equalize panes", "Give all panes of a split the same size."),
        ("application:toggle-maximize-pane", "Maximize pane", "Show only the current pane, or restore the layout."),
        ("application:toggle-left-area", "Toggle side panel", "Show or hide the side panel (file browser, table of contents, kernels)."),
        ("application:focus-side-panel", "Focus side panel", "Move the focus to the side panel, showing it if hidden."),
        ("application:toggle-statusbar", "Toggle status bar", "Show or hide the status bar."),
        ("application:reset-layout", "Reset layout", "Go back to one pane with the side panel shown."),
        ("application:redraw", "Redraw screen", "Clear and redraw the whole screen."),
        ("application:suspend", "Suspend", "Suspend Callisto and return to the shell (resume with fg)."),
        ("apputils:activate-command-palette", "Command palette", "Open the command palette to search and run any command."),
        ("apputils:display-shortcuts", "Show keyboard shortcuts", "List the key bindings of the focused context and their commands."),
        ("apputils:change-theme", "Change theme", "Choose a colour theme."),
        ("apputils:toggle-mouse", "Toggle mouse", "Turn mouse support on or off (off lets the terminal select text)."),
        ("settings:open-config", "Open settings file", "Open config.toml for editing, creating it with the defaults if missing."),
        ("settings:open-keymap", "Open keymap file", "Open the user keymap file for editing."),
        ("settings:reload", "Reload settings", "Read the configuration, keymap and theme files again."),
        ("help:about", "About Callisto", "Show the version and where configuration is read from."),
        ("help:which-key", "Show pending keys", "Show the keys that can follow a started key sequence."),
        ("help:cancel-sequence", "Cancel key sequence", "Forget a started key sequence."),
    ])

    static let documents = table(.global, [
        ("docmanager:save", "Save", "Save the current document."),
        ("docmanager:save-as", "Save as…", "Save the current document under a new name."),
        ("docmanager:save-all", "Save all", "Save every modified document."),
        ("docmanager:reload", "Reload from disk", "Read the current document again from disk, dropping unsaved changes after asking."),
        ("docmanager:rename", "Rename document", "Rename the current document's file."),
        ("docmanager:open", "Open…", "Open a file by path."),
        ("docmanager:new-untitled-notebook", "New notebook", "Create an untitled notebook and choose its kernel."),
        ("docmanager:new-untitled-file", "New text file", "Create an untitled text file."),
        ("docmanager:toggle-autosave", "Toggle autosave", "Turn periodic saving of modified documents on or off."),
        ("docmanager:restore-recovery", "Restore recovered documents", "Offer documents saved to the recovery folder after a crash."),
        ("documentsearch:start", "Find", "Search the current document."),
        ("documentsearch:start-with-replace", "Find and replace", "Search and replace in the current document."),
        ("documentsearch:highlight-next", "Find next", "Go to the next search match."),
        ("documentsearch:highlight-previous", "Find previous", "Go to the previous search match."),
        ("documentsearch:end", "End search", "Close the search bar and clear the highlights."),
        ("terminal:create-new", "New terminal", "Open a terminal running the shell in a new tab."),
        ("filebrowser:toggle-main", "File browser", "Show the file browser in the side panel and focus it."),
        ("toc:show-panel", "Table of contents", "Show the notebook's headings in the side panel."),
        ("running:show-panel", "Running kernels and terminals", "Show running kernels and terminals in the side panel."),
    ])
}
