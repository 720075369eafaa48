/// Commands of the completion list, the kernel's help box and cell input prompts.
extension BuiltinCommands {
    static let completion = table(.completer, [
        ("completer:complete-or-next", "Complete or next", "Insert the only match, or highlight the next one (Tab in the list)."),
        ("completer:next-item", "Next completion", "Highlight the next match of the completion list."),
        ("completer:previous-item", "Previous completion", "Highlight the previous match of the completion list."),
        ("completer:next-page", "Completions page down", "Highlight the match a page further down."),
        ("completer:previous-page", "Completions page up", "Highlight the match a page further up."),
        ("completer:select-notebook", "Accept completion", "Insert the highlighted match in place of the completed text."),
        ("completer:dismiss", "Close completions", "Close the completion list and keep editing."),
    ]) + table(.tooltip, [
        ("tooltip:dismiss", "Close help", "Close the kernel's help shown over the cell."),
        ("tooltip:scroll-down", "Scroll help down", "Scroll the help box down a line."),
        ("tooltip:scroll-up", "Scroll help up", "Scroll the help box up a line."),
        ("tooltip:page-down", "Help page down", "Scroll the help box down a page."),
        ("tooltip:page-up", "Help page up", "Scroll the help box up a page."),
        ("tooltip:open-in-pager", "Open help in a tab", "Open the kernel's help in a read-only tab (the pager)."),
    ]) + table(.stdin, [
        ("stdin:submit", "Send input", "Answer the kernel's input prompt with what was typed."),
        ("stdin:leave", "Leave input prompt", "Give the keyboard back to the notebook; the prompt keeps waiting."),
        ("stdin:previous-entry", "Previous answer", "Show the previous answer given to an input prompt."),
        ("stdin:next-entry", "Next answer", "Show the next answer given to an input prompt."),
    ]) + table(.notebook, [
        ("stdin:focus", "Answer input", "Go back to the input prompt of the cell waiting for input."),
    ])
}
