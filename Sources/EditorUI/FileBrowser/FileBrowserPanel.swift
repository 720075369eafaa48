import EditorCore
import Foundation
import TermCore

/// The file browser in the side panel: a path bar, the listing (folders first, a marker for marked
/// entries, sizes and times when turned on) and the filter line. Holds the model and its scroll
/// position; stats only the rows it draws. Re-reads the folder when it gains the focus and, while
/// visible, whenever a once-a-second `stat` of the folder shows it changed (so files made, removed or
/// renamed by other programs appear), keeping the selection on the same name.
public final class FileBrowserPanel {
    public internal(set) var model: FileBrowserModel
    /// Whether the type-ahead filter line takes typed keys.
    public internal(set) var isFiltering = false
    /// Whether sizes and modification times are shown.
    public var showDetails = false
    /// The first row drawn.
    public private(set) var top = 0
    /// Rows shown in the last frame.
    public private(set) var pageSize = 10
    /// When the shown folder is next checked for changes on disk.
    var nextScan: ContinuousClock.Instant?
    /// Time between checks while the panel is visible (one `stat` of the folder each).
    public static let scanInterval: Duration = .seconds(1)

    public init(folder: String) { model = FileBrowserModel(folder: folder) }

    /// The folder Callisto was started in.
    public static var startFolder: String { FileManager.default.currentDirectoryPath }

    /// Draws the panel into `area` (the side panel, its right border column included).
    public func render(into buffer: inout CellBuffer, area: Rect, styles: StyleSheet, focused: Bool) {
        guard area.width >= 2, !area.isEmpty else { return }
        let body = Rect(x: area.x, y: area.y, width: area.width - 1, height: area.height)
        buffer.fill(body, with: .blank(styles.style("ui.sidepanel")))
        let titleStyle = focused ? styles.focus("ui.sidepanel.title") : styles.style("ui.sidepanel.title")
        let title = Rect(x: body.x, y: body.y, width: body.width, height: 1)
        buffer.fill(title, with: .blank(titleStyle))
        buffer.draw(" " + Self.tail(model.folder, width: max(1, body.width - 1)), at: title.origin, style: titleStyle, clip: title)
        var listTop = body.y + 1
        if isFiltering || !model.filter.isEmpty {
            let line = Rect(x: body.x, y: listTop, width: body.width, height: 1)
            buffer.draw(" /" + model.filter + (isFiltering ? "▏" : ""), at: line.origin, style: styles.style("ui.text.dim"), clip: line)
            listTop += 1
        }
        let list = Rect(x: body.x, y: listTop, width: body.width, height: max(0, body.maxY - listTop))
        pageSize = max(1, list.height)
        if let error = model.error {
            buffer.draw(" " + error.message, at: list.origin, style: styles.style("ui.statusbar.error"), clip: list)
        } else if model.visible.isEmpty {
            buffer.draw(model.filter.isEmpty ? " (empty folder)" : " (no match)", at: list.origin, style: styles.style("ui.text.dim"), clip: list)
        }
        scrollToSelection()
        let rows = top..<min(model.visible.count, top + list.height)
        if showDetails { model.loadDetails(for: rows) }
        for row in rows {
            let e = model.entry(atRow: row)
            let y = list.y + row - top
            let selected = row == model.selected
            var style = styles.style(e.isFolder ? "filebrowser.directory" : "filebrowser.file")
            if selected { style = focused ? styles.focus("filebrowser.selected") : styles.style("filebrowser.selected") }
            let line = Rect(x: list.x, y: y, width: list.width, height: 1)
            if selected { buffer.fill(line, with: .blank(style)) }
            let mark = model.marked.contains(e.rawName) ? "•" : " "
            let name = e.name + (e.isFolder ? "/" : "") + (e.kind == .symlink ? " →" : "")
            var info = ""
            if showDetails, let d = e.details {
                // Size and time; in a narrow panel the size alone (the time for folders).
                let size = Self.size(d.size, folder: e.isFolder), date = Self.date(d.modified)
                info = d.broken ? "broken" : [size, date].filter { !$0.isEmpty }.joined(separator: " ")
                if line.width - info.count - 1 < line.width / 2 { info = size.isEmpty ? date : size }
            }
            // The name keeps at least half the row; the details take the rest from the right.
            let room = info.isEmpty ? line.width : max(line.width / 2, line.width - info.count - 1)
            buffer.draw(mark + Self.head(name, width: room - 1), at: line.origin, style: style, clip: line)
            if !info.isEmpty {
                let shown = String(info.suffix(max(0, line.width - room - 1)))
                buffer.draw(shown, at: Point(x: line.maxX - shown.count, y: y), style: selected ? style : styles.style("ui.text.dim"), clip: line)
            }
        }
        for y in area.y..<area.maxY {
            buffer.draw("│", at: Point(x: area.maxX - 1, y: y), style: styles.style("ui.window.border"))
        }
    }

    /// Checks the folder for changes at `now` when due; returns whether the listing changed.
    func scan(now: ContinuousClock.Instant) -> Bool {
        if let due = nextScan, now < due { return false }
        nextScan = now.advanced(by: Self.scanInterval)
        let changed = model.reloadIfChanged()
        if showDetails && !changed { model.forgetDetails(for: top..<(top + pageSize)) }
        return changed || showDetails
    }

    private func scrollToSelection() {
        if model.selected < top { top = model.selected }
        if model.selected >= top + pageSize { top = model.selected - pageSize + 1 }
        top = max(0, min(top, max(0, model.visible.count - pageSize)))
    }

    static func tail(_ text: String, width: Int) -> String {
        text.count <= width ? text : "…" + text.suffix(max(0, width - 1))
    }

    static func head(_ text: String, width: Int) -> String {
        text.count <= width ? text : text.prefix(max(0, width - 1)) + "…"
    }

    static func size(_ bytes: Int64, folder: Bool) -> String {
        if folder { return "" }
        let units = ["B", "K", "M", "G", "T"]
        var v = Double(bytes)
        var i = 0
        while v >= 1024 && i < units.count - 1 { v /= 1024; i += 1 }
        return i == 0 ? "\(bytes)B" : String(format: v < 10 ? "%.1f%@" : "%.0f%@", v, units[i])
    }

    static func date(_ d: Date) -> String {
        let f = DateFormatter()
        f.dateFormat = "yy-MM-dd HH:mm"
        return f.string(from: d)
    }

    /// A key while the filter line is active: text edits the filter (the list narrows at once),
    /// Enter keeps it, Escape clears it, arrows move. Returns whether the key was used.
    public func filterKey(_ key: Key) -> Bool {
        guard isFiltering else { return false }
        switch key.code {
        case .enter: isFiltering = false
        case .escape: isFiltering = false; model.setFilter("")
        case .backspace: model.setFilter(String(model.filter.dropLast()))
        case .up: model.move(-1)
        case .down: model.move(1)
        case let .char(s) where key.modifiers.isEmpty || key.modifiers == .shift: model.setFilter(model.filter + String(Character(s)))
        case .space: model.setFilter(model.filter + " ")
        default: return false
        }
        return true
    }
}
