import JupyterProtocol

/// One completion offered by a kernel: what the list shows, what accepting inserts, and its kind
/// (`function`, `module`, …) when the kernel says.
public struct CompletionItem: Hashable, Sendable {
    /// The text shown in the list (the kernel's match).
    public var label: String
    /// The text inserted in place of the completed range.
    public var text: String
    /// The kind of the completion, nil when the kernel did not say or said `<unknown>`.
    public var type: String?

    public init(label: String, text: String? = nil, type: String? = nil) {
        self.label = label
        self.text = text ?? label
        self.type = type
    }
}

/// A `complete_reply`: the matches and the range of the cell text they replace, in Unicode code
/// points as the protocol counts them.
public struct CompletionReply: Hashable, Sendable {
    public var items: [CompletionItem]
    /// Where the replaced range starts and ends (code points into the text sent).
    public var start: Int
    public var end: Int

    public init(items: [CompletionItem], start: Int, end: Int) {
        self.items = items
        self.start = start
        self.end = max(start, end)
    }

    /// Reads the content of a `complete_reply`; nil unless its status is `ok`. Types come from
    /// `metadata._jupyter_types_experimental` (paired with the matches by position when the lists
    /// line up, else by text); duplicate matches are dropped.
    public init?(content: MessageJSON, cursor: Int) {
        guard content["status"]?.stringValue == "ok" else { return nil }
        let matches = (content["matches"]?.arrayValue ?? []).compactMap(\.stringValue)
        let start = content["cursor_start"]?.intValue ?? cursor
        let end = content["cursor_end"]?.intValue ?? cursor
        let typed = content["metadata"]?["_jupyter_types_experimental"]?.arrayValue ?? []
        var typeByText: [String: String] = [:]
        for entry in typed {
            if let text = entry["text"]?.stringValue, let type = entry["type"]?.stringValue { typeByText[text] = type }
        }
        let aligned = typed.count == matches.count
        var seen = Set<String>()
        var items: [CompletionItem] = []
        for (i, match) in matches.enumerated() where !match.isEmpty && seen.insert(match).inserted {
            var text = match, type = typeByText[match]
            if aligned, let t = typed[i]["text"]?.stringValue, !t.isEmpty {
                text = t
                type = typed[i]["type"]?.stringValue ?? type
            }
            items.append(CompletionItem(label: match, text: text, type: type == "<unknown>" ? nil : type))
        }
        self.init(items: items, start: max(0, min(start, cursor)), end: max(end, min(start, cursor)))
    }
}
