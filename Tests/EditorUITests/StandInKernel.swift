import EditorCore
@testable import EditorUI
import Foundation
import JupyterProtocol
import TestSupport

/// A stand-in for a notebook's kernel in headless UI tests: records requests and answers them
/// from canned contents (or holds them until `flush`). The real kernel is exercised by the
/// kernel tests; this one makes popups reproducible for screen snapshots.
final class StandInKernel: NotebookKernelRequests {
    struct Request {
        var msgType: String
        var content: MessageJSON
        var onReply: (Message?) -> Void
    }
    /// The reply content by request type (nil: no reply, as a dead kernel).
    var replies: [String: MessageJSON] = [:]
    /// Hold replies until `flush`.
    var holdReplies = false
    private(set) var requests: [Request] = []
    private var held: [Request] = []
    private(set) var inputs: [(value: String, requestID: String, echo: String)] = []
    var running: Set<Int> = []

    func request(_ msgType: String, content: MessageJSON, onReply: @escaping (Message?) -> Void) {
        let r = Request(msgType: msgType, content: content, onReply: onReply)
        requests.append(r)
        if holdReplies { held.append(r) } else { answer(r) }
    }

    func flush() {
        let pending = held
        held = []
        pending.forEach(answer)
    }

    private func answer(_ r: Request) {
        guard let content = replies[r.msgType.replacingOccurrences(of: "_request", with: "_reply")] else { r.onReply(nil); return }
        let header = MessageHeader(msgID: UUID().uuidString, session: "s", username: "u", date: "", msgType: r.msgType.replacingOccurrences(of: "_request", with: "_reply"))
        r.onReply(Message(header: header, content: content))
    }

    func sendInput(_ value: String, requestID: String, echo: String) { inputs.append((value, requestID, echo)) }
    func isRunning(cellUID: Int) -> Bool { running.contains(cellUID) }

    static func completeReply(_ matches: [String], start: Int, end: Int, types: [String]? = nil) -> MessageJSON {
        var metadata: [String: MessageJSON] = [:]
        if let types {
            metadata["_jupyter_types_experimental"] = .array(zip(matches, types).map { ["text": .string($0), "type": .string($1)] })
        }
        return ["status": "ok", "matches": .array(matches.map { .string($0) }), "cursor_start": .int(start), "cursor_end": .int(end),
                "metadata": .object(metadata)]
    }
}

extension Fixtures {
    /// A notebook of code cells with these sources, in a fresh folder.
    static func codeNotebook(_ sources: [String]) throws -> String {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-assist")
        let cells = sources.enumerated().map { i, s -> String in
            let escaped = s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
            return #"{"cell_type": "code", "execution_count": null, "id": "c\#(i)", "metadata": {}, "outputs": [], "source": "\#(escaped)"}"#
        }
        let text = #"{"cells": [\#(cells.joined(separator: ","))], "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}"#
        let path = dir.appendingPathComponent("assist.ipynb").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
