import Testing
import TermCore
@testable import EditorCore

@Suite struct KeyDispatcherTests {
    let keymap = shippedKeymap("default").keymap

    func press(_ notation: String, _ d: inout KeyDispatcher, _ context: KeyContext = .notebook) -> [KeyDispatcher.Outcome] {
        Key.sequence(notation)!.map { d.press($0, context: context, keymap: keymap) }
    }

    @Test func sequencesCompleteAcrossPresses() {
        var d = KeyDispatcher()
        let first = press("d", &d)
        guard case let .pending(keys, next) = first[0] else { Issue.record("\(first)"); return }
        #expect(keys == [.char("d")] && next.map(\.key) == [.char("d")])
        #expect(d.state == .pending([.char("d")]))
        let out = press("d", &d)
        guard case let .command(id, _) = out[0] else { Issue.record("\(out)"); return }
        #expect(id == "notebook:delete-cell" && d.state == .idle)
    }

    @Test func singleKeysAndGlobalSequencesFromAContext() {
        var d = KeyDispatcher()
        guard case let .command(run, _) = press("<C-e>", &d)[0] else { Issue.record("<C-e>"); return }
        #expect(run == "notebook:run-cell")
        let split = press("<C-w> v", &d, .notebookEdit)
        guard case let .command(id, _) = split[1] else { Issue.record("\(split)"); return }
        #expect(id == "application:split-right")
    }

    @Test func aKeyThatContinuesNothingCancelsAndIsDropped() {
        var d = KeyDispatcher()
        let out = press("d q", &d)
        #expect(out[1] == .cancelled([.char("d"), .char("q")]))
        #expect(d.state == .idle)
        let esc = press("i <Esc>", &d)
        #expect(esc[1] == .cancelled([.char("i"), Key(.escape)]))
    }

    @Test func unboundKeysGoToTheComponent() {
        var d = KeyDispatcher()
        #expect(press("q", &d, .notebookEdit) == [.unhandled(.char("q"))])
        #expect(press("<C-c>", &d, .terminal) == [.unhandled(.ctrl("c"))])
        _ = press("<C-w>", &d, .editor)
        d.reset()
        #expect(d.state == .idle)
    }
}
