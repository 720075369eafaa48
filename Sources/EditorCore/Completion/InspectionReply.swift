import JupyterProtocol

/// An `inspect_reply`: the kernel's help for the name at the cursor, as text that may carry ANSI
/// colours (IPython's docstrings do).
public struct InspectionReply: Hashable, Sendable {
    /// Whether the kernel found something to say.
    public var found: Bool
    /// The `text/plain` help ("" when none).
    public var text: String

    public init(found: Bool, text: String) {
        self.found = found
        self.text = text
    }

    /// Reads the content of an `inspect_reply`; nil unless its status is `ok`. A reply that says
    /// found but carries no plain text counts as not found.
    public init?(content: MessageJSON) {
        guard content["status"]?.stringValue == "ok" else { return nil }
        let data = content["data"]
        var text = data?["text/plain"]?.stringValue ?? ""
        if text.isEmpty, let parts = data?["text/plain"]?.arrayValue { text = parts.compactMap(\.stringValue).joined() }
        while text.hasSuffix("\n") { text.removeLast() }
        self.init(found: (content["found"]?.boolValue ?? false) && !text.isEmpty, text: text)
    }
}
