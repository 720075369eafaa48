import EditorCore
import JupyterProtocol
import TermCore

/// What completion, inspection, history and input prompts ask of a notebook's kernel.
public protocol NotebookKernelRequests: AnyObject {
    /// Sends a shell request; `onReply` gets the reply on the loop thread, or nil when none will come.
    func request(_ msgType: String, content: MessageJSON, onReply: @escaping (Message?) -> Void)
    /// Answers input request `requestID` with `value`; `echo` is the line the cell's output keeps.
    func sendInput(_ value: String, requestID: String, echo: String)
    /// Whether cell `cellUID` is running now (an input prompt of a cell that stopped is dropped).
    func isRunning(cellUID: Int) -> Bool
}

/// The completion, inspection, history and input state of a notebook view.
struct NotebookAssist {
    /// The open completion list.
    var completion: CompletionSession?
    /// The text version and cursor the list last followed (a cursor move without an edit closes it).
    var completionState: (version: Int, cursor: TextPosition)?
    /// The open help popup.
    var inspection: InspectionPopup?
    /// The newest request of each kind: replies to older ones are dropped.
    var serial = 0
    var pendingCompletion: Int?
    var pendingInspection: Int?
    var pendingHistory: Int?
    /// History navigation in cells.
    var history = KernelHistory()
    /// The kernel's question waiting for an answer, and whether it has the keyboard.
    var prompt: StdinPrompt?
    var promptFocused = false
    /// Earlier answers (not passwords), oldest first, for Up/Down in a prompt.
    var answers: [String] = []
    /// Where the prompt's cursor was drawn.
    var promptCursor: Point?
    /// A kernel to use instead of the document's (a stand-in for tests and demos).
    var standIn: NotebookKernelRequests?

    /// The next request number.
    mutating func nextSerial() -> Int {
        serial += 1
        return serial
    }
}
