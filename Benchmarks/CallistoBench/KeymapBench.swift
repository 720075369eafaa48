import EditorCore
import Foundation
import TermCore

/// `callisto-bench keys [commands]`: palette search, keymap and theme loading, key lookup.
/// With `commands`, prints the command list (id, title, doc) for the reference implementation instead.
enum KeymapBench {
    static func run(_ arguments: [String]) {
        let registry = CommandRegistry.builtin
        if arguments.first == "commands" {
            let list = registry.commands.map { ["id": $0.id.rawValue, "title": $0.title, "doc": $0.doc] }
            emit(["commands": list])
            return
        }
        let queries = ["run", "run next", "rcsn", "restart kernel", "save", "split", "toggle side", "SIGINT", "new term", "zzz"]
        let locator = ResourceLocator(userDirectory: nil, installedDirectory: nil)
        let keymap = KeymapLoader(locator: locator).load("vim").keymap
        let keys = ["j", "k", "d d", "<C-e>", "<S-Enter>", "<C-w> v", "i i", "q"].map { Key.sequence($0)! }
        var sink = 0
        let result: [String: Any] = [
            "commands": registry.commands.count,
            "palette_search_us": median(repeats: 200) {
                for q in queries { sink &+= registry.search(q).count }
            } / Double(queries.count) * 1e6,
            "keymap_load_vim_ms": median(repeats: 30) { sink &+= KeymapLoader(locator: locator).load("vim").files.count } * 1e3,
            "theme_load_gruvbox_ms": median(repeats: 30) { sink &+= ThemeLoader(locator: locator).load("gruvbox").theme.styles.count } * 1e3,
            "toml_parse_keymaps_ms": median(repeats: 30) {
                for name in ["Keymaps/default.toml", "Keymaps/vim.toml"] {
                    sink &+= ((try? TOMLDocument(text: EmbeddedResources.files[name] ?? "", file: name))?.root.tableEntries?.count ?? 0)
                }
            } * 1e3,
            "config_parse_default_ms": median(repeats: 30) {
                sink &+= Configuration.parse(text: Configuration.defaultFileText(), file: "c").1.count
            } * 1e3,
            "key_lookup_ns": median(repeats: 200) {
                for _ in 0..<100 { for k in keys { if case .matched = keymap.lookup(k, in: .notebook) { sink &+= 1 } } }
            } / Double(100 * keys.count) * 1e9,
            "sink": sink,
        ]
        emit(result)
    }

    /// The median wall time of `body` in seconds.
    static func median(repeats: Int, _ body: () -> Void) -> Double {
        body()
        var times: [Double] = []
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times.sorted()[times.count / 2]
    }

    static func emit(_ object: [String: Any]) {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
