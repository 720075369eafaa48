import EditorCore
import TermCore

extension KeyTrie {
    /// The bindings of `command` as shown to people: those every terminal can send first, then the
    /// shortest.
    public func displayBindings(for command: CommandID) -> [KeyBinding] {
        bindings(for: command).sorted { a, b in
            let pa = a.keys.allSatisfy(\.isPortable), pb = b.keys.allSatisfy(\.isPortable)
            if pa != pb { return pa }
            return (a.keys.count, a.notation.count, a.notation) < (b.keys.count, b.notation.count, b.notation)
        }
    }
}
