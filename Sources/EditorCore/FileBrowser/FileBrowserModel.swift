import Foundation

/// The file browser's state: the folder shown and its entries, which are visible (hidden files,
/// the type-ahead filter), the selection and marks, and the files cut or copied. Reading a folder
/// takes names and types only; `loadDetails(for:)` stats the rows on screen. Folders come first, then
/// names without regard to case.
public struct FileBrowserModel {
    /// Files cut or copied, waiting for `paste`.
    public struct Clipboard: Hashable, Sendable {
        public var paths: [[UInt8]]
        public var move: Bool
        public init(paths: [[UInt8]], move: Bool) { self.paths = paths; self.move = move }
    }

    /// The folder shown (absolute).
    public private(set) var folder: String
    /// Every entry of the folder, sorted.
    public private(set) var entries: [FileEntry] = []
    /// Indices into `entries` of the rows shown.
    public private(set) var visible: [Int] = []
    /// The row selected (index into `visible`).
    public private(set) var selected = 0
    /// Raw names of the marked entries.
    public private(set) var marked: Set<[UInt8]> = []
    public private(set) var showHidden = false
    /// The type-ahead filter (case-insensitive substring); empty shows everything.
    public private(set) var filter = ""
    /// Why the folder could not be read, if it could not.
    public private(set) var error: FileOperationError?
    /// The folder's identity and modification time when it was last read: a create, delete or
    /// rename inside it changes the time, so `reloadIfChanged` needs one `stat` to know.
    private var stamp: DirectoryReader.Stamp?
    /// Whether the folder's time was under a second old when it was read: a change within the same
    /// clock tick of the file system would not move it, so the next check reads the folder again.
    private var stampIsRecent = false
    public var clipboard: Clipboard?

    /// Shows `folder` (made absolute against the current directory).
    public init(folder: String) {
        self.folder = FileBrowserModel.absolute(folder)
        reload()
    }

    /// `path` made absolute, with `.` and `..` resolved by name (symlinks are kept, so going up
    /// from a linked folder returns where the user came from).
    static func absolute(_ path: String) -> String {
        let p = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in p.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    // MARK: Reading

    /// Reads the folder again, keeping the selection on the same name when it is still there.
    public mutating func reload() {
        let keep = selectedEntry?.rawName
        stamp = DirectoryReader.stamp(folder)
        stampIsRecent = stamp.map { Date().timeIntervalSince1970 - Double($0.seconds) - Double($0.nanoseconds) / 1e9 < 1 } ?? false
        switch DirectoryReader.read(folder) {
        case let .success(list):
            entries = list.sorted(by: FileBrowserModel.order)
            error = nil
        case let .failure(e):
            entries = []
            error = e
        }
        marked = marked.filter { name in entries.contains { $0.rawName == name } }
        refilter(keeping: keep)
    }

    /// Reads the folder again when it changed on disk since it was read (one `stat` when it did not);
    /// returns whether it was read.
    @discardableResult
    /// A folder whose time was recent when it was read is read once more (see `stampIsRecent`).
    public mutating func reloadIfChanged() -> Bool {
        guard stampIsRecent || DirectoryReader.stamp(folder) != stamp else { return false }
        reload()
        return true
    }

    /// Drops the sizes and times of visible rows `rows`, so they are read again when drawn.
    public mutating func forgetDetails(for rows: Range<Int>) {
        for row in rows.clamped(to: visible.indices) { entries[visible[row]].details = nil }
    }

    /// Folders first, then by lowercased name, then by raw bytes.
    static func order(_ a: FileEntry, _ b: FileEntry) -> Bool {
        if a.isFolder != b.isFolder { return a.isFolder }
        if a.key != b.key { return a.key.lexicographicallyPrecedes(b.key) }
        return a.rawName.lexicographicallyPrecedes(b.rawName)
    }

    mutating func refilter(keeping name: [UInt8]? = nil) {
        let needle = Array(filter.lowercased().utf8)
        visible = entries.indices.filter { i in
            let e = entries[i]
            if !showHidden && e.isHidden && needle.first != UInt8(ascii: ".") { return false }
            return needle.isEmpty || Self.bytes(e.key, contain: needle)
        }
        if let name, let row = visible.firstIndex(where: { entries[$0].rawName == name }) {
            selected = row
        } else {
            selected = min(selected, max(0, visible.count - 1))
        }
    }

    /// Whether `needle` (not empty) occurs in `haystack`.
    static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                let first = n[0], last = h.count - n.count
                var i = 0
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < n.count && h[i + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// Stats the entries of visible rows `rows` that have no details yet.
    public mutating func loadDetails(for rows: Range<Int>) {
        for row in rows.clamped(to: visible.indices) {
            let i = visible[row]
            if entries[i].details == nil { entries[i].details = DirectoryReader.details(path(of: entries[i])) }
        }
    }

    // MARK: Queries

    /// The selected entry, if any.
    public var selectedEntry: FileEntry? { visible.indices.contains(selected) ? entries[visible[selected]] : nil }
    /// The entry shown in row `row`.
    public func entry(atRow row: Int) -> FileEntry { entries[visible[row]] }
    /// The full path of `entry` as bytes.
    public func path(of entry: FileEntry) -> [UInt8] { DirectoryReader.join(folder, entry.rawName) }
    /// The full path of `entry` as text (escaped when not UTF-8).
    public func displayPath(of entry: FileEntry) -> String { FileOperations.display(path(of: entry)) }
    /// The marked entries, or the selected one when none is marked.
    public var targets: [FileEntry] {
        let m = entries.filter { marked.contains($0.rawName) }
        return m.isEmpty ? selectedEntry.map { [$0] } ?? [] : m
    }

    // MARK: Navigation

    /// Moves the selection by `step` rows, staying in the list.
    public mutating func move(_ step: Int) {
        guard !visible.isEmpty else { return }
        selected = min(max(0, selected + step), visible.count - 1)
    }

    public mutating func selectFirst() { selected = 0 }
    public mutating func selectLast() { selected = max(0, visible.count - 1) }

    /// Whether the entry of raw name `name` is shown.
    public func isVisible(_ name: [UInt8]) -> Bool { visible.contains { entries[$0].rawName == name } }

    /// Selects the row of raw name `name`, if shown.
    public mutating func select(_ name: [UInt8]) {
        if let row = visible.firstIndex(where: { entries[$0].rawName == name }) { selected = row }
    }

    /// Shows `folder`; on failure stays where it was and returns the error.
    @discardableResult
    public mutating func go(to newFolder: String) -> FileOperationError? {
        let target = FileBrowserModel.absolute(newFolder.hasPrefix("/") ? newFolder : folder + "/" + newFolder)
        if case let .failure(e) = DirectoryReader.read(target) { return e }
        let previous = folder
        folder = target
        filter = ""
        marked = []
        selected = 0
        reload()
        if (previous as NSString).deletingLastPathComponent == target {
            select(Array((previous as NSString).lastPathComponent.utf8))
        }
        return nil
    }

    /// Enters the selected folder; returns the error when it cannot be read.
    @discardableResult
    public mutating func enterSelected() -> FileOperationError? {
        guard let e = selectedEntry, e.isFolder else { return nil }
        return go(to: String(decoding: path(of: e), as: UTF8.self))
    }

    /// Shows the parent folder with the folder just left selected.
    @discardableResult
    public mutating func goUp() -> FileOperationError? {
        guard folder != "/" else { return nil }
        return go(to: (folder as NSString).deletingLastPathComponent)
    }

    public mutating func setFilter(_ text: String) {
        let keep = selectedEntry?.rawName
        filter = text
        refilter(keeping: keep)
    }

    public mutating func toggleHidden() {
        let keep = selectedEntry?.rawName
        showHidden.toggle()
        refilter(keeping: keep)
    }

    /// Marks or unmarks the selected entry and moves down.
    public mutating func toggleMark() {
        guard let e = selectedEntry else { return }
        if marked.remove(e.rawName) == nil { marked.insert(e.rawName) }
        move(1)
    }

    /// Marks every visible entry.
    public mutating func markAll() { marked = Set(visible.map { entries[$0].rawName }) }
}
