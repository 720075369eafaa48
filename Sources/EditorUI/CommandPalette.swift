import EditorCore
import TermCore

/// The command palette: a filter line and every command matching it (fuzzy over title, id and doc),
/// each with its keys in the context the palette was opened from.
public struct CommandPalette {
    public private(set) var query = ""
    public private(set) var matches: [PaletteMatch] = []
    public private(set) var selected = 0
    /// The first entry shown.
    public private(set) var scroll = 0
    let registry: CommandRegistry
    /// Key notation of each command's bindings.
    let keys: [CommandID: String]
    /// Entries shown at once (set by the last render).
    var visibleRows = 10

    /// Contexts whose commands only make sense inside them (the palette, dialogs, popups, input
    /// prompts): the palette does not list them.
    public static let hiddenContexts: Set<KeyContext> = [.palette, .dialog, .completer, .tooltip, .stdin]

    /// A palette over `registry`, showing the keys of `trie`.
    public init(registry: CommandRegistry, trie: KeyTrie) {
        self.registry = CommandRegistry(registry.commands.filter { $0.id != .none && !Self.hiddenContexts.contains($0.context) })
        var keys: [CommandID: String] = [:]
        for id in Set(trie.bindings.map(\.command)) {
            keys[id] = trie.displayBindings(for: id).prefix(2).map(\.notation).joined(separator: ", ")
        }
        self.keys = keys
        refilter()
    }

    /// The highlighted command.
    public var selection: CommandInfo? { matches.indices.contains(selected) ? matches[selected].command : nil }

    public mutating func setQuery(_ text: String) { query = text; refilter() }
    public mutating func insert(_ text: String) { setQuery(query + text.filter { !$0.isNewline }) }
    public mutating func deleteBackward() { if !query.isEmpty { setQuery(String(query.dropLast())) } }

    /// Moves the highlight by `step` entries, clamped.
    public mutating func move(_ step: Int) {
        guard !matches.isEmpty else { return }
        selected = min(max(0, selected + step), matches.count - 1)
        if selected < scroll { scroll = selected }
        if selected >= scroll + visibleRows { scroll = selected - visibleRows + 1 }
    }

    /// Moves by a page.
    public mutating func page(_ direction: Int) { move(direction * max(1, visibleRows - 1)) }

    private mutating func refilter() {
        matches = registry.search(query)
        selected = 0
        scroll = 0
    }

    /// The keys bound to `command`, or "".
    public func keys(for command: CommandID) -> String { keys[command] ?? "" }

    /// The palette's box in a screen of `size`.
    public static func frame(in area: Rect) -> Rect {
        let width = min(max(20, area.width - 4), 90)
        let height = min(max(5, area.height - 4), 18)
        return Rect(x: area.x + (area.width - width) / 2, y: area.y + 1, width: min(width, area.width), height: min(height, area.height))
    }

    /// Draws the palette over `area`; remembers how many rows it shows.
    public mutating func render(into buffer: inout CellBuffer, area: Rect, styles: StyleSheet) {
        let box = Self.frame(in: area)
        let inner = buffer.drawBox(box, border: .single, style: styles.style("ui.dialog.border"), title: Line(" Commands ", style: styles.style("ui.dialog.title")))
        guard inner.height >= 3 else { return }
        buffer.fill(inner, with: .blank(styles.style("ui.palette")))
        let input = Rect(x: inner.x, y: inner.y, width: inner.width, height: 1)
        buffer.fill(input, with: .blank(styles.style("ui.palette.input")))
        let end = buffer.draw("> " + query, at: input.origin, style: styles.style("ui.palette.input"), clip: input)
        cursorPosition = Point(x: min(end, input.maxX - 1), y: input.y)
        let docRow = Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1)
        let list = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 2)
        visibleRows = max(1, list.height)
        if selected >= scroll + visibleRows { scroll = selected - visibleRows + 1 }
        if matches.isEmpty {
            buffer.draw(" no command matches", at: list.origin, style: styles.style("ui.text.dim"), clip: list)
        }
        for row in 0..<list.height {
            let i = scroll + row
            guard i < matches.count else { break }
            let m = matches[i]
            let r = Rect(x: list.x, y: list.y + row, width: list.width, height: 1)
            let isSelected = i == selected
            let base = isSelected ? styles.focus("ui.palette.selected") : styles.style("ui.palette")
            buffer.fill(r, with: .blank(base))
            let keyText = keys(for: m.command.id)
            let keyWidth = keyText.isEmpty ? 0 : min(keyText.displayWidth + 1, r.width / 3)
            var line = Line()
            let positions = Set(m.titlePositions)
            for (ci, ch) in m.command.title.enumerated() {
                line.append(Span(String(ch), style: positions.contains(ci) ? base.patched(with: styles.style("ui.palette.match")) : base))
            }
            line.append(Span("  " + m.command.id.rawValue, style: base.patched(with: styles.style("ui.palette.doc"))))
            let titleArea = Rect(x: r.x + 1, y: r.y, width: max(0, r.width - keyWidth - 2), height: 1)
            buffer.draw(line.truncated(to: titleArea.width), at: titleArea.origin, clip: titleArea)
            if keyWidth > 0 {
                let k = Line(keyText, style: base.patched(with: styles.style("ui.palette.key"))).truncated(to: keyWidth - 1)
                buffer.draw(k, at: Point(x: r.maxX - k.width - 1, y: r.y), clip: r)
            }
        }
        buffer.fill(docRow, with: .blank(styles.style("ui.palette")))
        if let s = selection {
            buffer.draw(Line(" " + s.doc, style: styles.style("ui.palette.doc")).truncated(to: docRow.width), at: docRow.origin, clip: docRow)
        }
    }

    /// Where the text cursor goes (end of the filter), set by `render`.
    public private(set) var cursorPosition: Point?
}
