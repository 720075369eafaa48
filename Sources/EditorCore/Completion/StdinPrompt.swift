/// A kernel's request for a line of input (`input()`, `getpass()`) shown in a cell's output, and
/// the line being typed, as JupyterLab's stdin field: Left/Right/Home/End move, Up/Down step
/// through earlier answers (not for passwords), Enter answers.
public struct StdinPrompt: Hashable, Sendable {
    /// The cell whose run asked.
    public let cellUID: Int
    /// The request to answer (`input_reply`).
    public let requestID: String
    /// The prompt text the kernel sent.
    public let prompt: String
    /// Whether the answer is a password: never shown, never kept.
    public let password: Bool
    /// The typed text.
    public private(set) var value = ""
    /// The cursor, in characters of `value`.
    public private(set) var cursor = 0
    /// Earlier answers, oldest first, and which one is shown (nil: the typed text).
    private let history: [String]
    private var historyIndex: Int?
    private var typed = ""

    public init(cellUID: Int, requestID: String, prompt: String, password: Bool, history: [String] = []) {
        self.cellUID = cellUID
        self.requestID = requestID
        self.prompt = prompt
        self.password = password
        self.history = password ? [] : history
    }

    /// What the screen shows of the typed text: a bullet per character for a password.
    public var shownValue: String { password ? String(repeating: "•", count: value.count) : value }

    /// The line kept in the output once answered, as JupyterLab keeps it: the prompt, a space, and
    /// the answer (eight dots for a password, whatever its length).
    public var echo: String { prompt + " " + (password ? String(repeating: "·", count: 8) : value) }

    /// Inserts typed or pasted text at the cursor (line breaks are dropped: Enter answers).
    public mutating func insert(_ text: String) {
        let clean = text.filter { !$0.isNewline }
        guard !clean.isEmpty else { return }
        let i = value.index(value.startIndex, offsetBy: cursor)
        value.insert(contentsOf: clean, at: i)
        cursor += clean.count
        historyIndex = nil
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        value.remove(at: value.index(value.startIndex, offsetBy: cursor - 1))
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < value.count else { return }
        value.remove(at: value.index(value.startIndex, offsetBy: cursor))
    }

    public mutating func moveCursor(by delta: Int) { cursor = min(max(0, cursor + delta), value.count) }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { cursor = value.count }

    /// Shows an earlier (`back`) or later answer; past the newest, the text that was being typed.
    public mutating func stepHistory(back: Bool) {
        guard !history.isEmpty else { return }
        let current = historyIndex ?? history.count
        let next = min(max(0, current + (back ? -1 : 1)), history.count)
        guard next != current else { return }
        if historyIndex == nil { typed = value }
        historyIndex = next == history.count ? nil : next
        value = historyIndex.map { history[$0] } ?? typed
        cursor = value.count
    }
}
