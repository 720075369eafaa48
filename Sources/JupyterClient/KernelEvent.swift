import Foundation
import JupyterProtocol

/// Something that happened on a kernel connection, for the caller to act on.
public enum KernelEvent: Sendable {
    /// The connection is usable: kernel_info_reply received and IOPub proven live.
    case ready(kernelInfo: MessageJSON)
    /// The kernel's execution state changed (`busy`, `idle`, `starting`), whatever caused it.
    case kernelStatus(String)
    /// An execution began (`execute_input` arrived) with this count.
    case executionStarted(requestID: String, executionCount: Int?)
    /// Outputs of an execution changed.
    case outputsChanged(requestID: String)
    /// An `update_display_data` rewrote the display `displayID` (in these executions).
    case displayUpdated(displayID: String, data: MessageJSON, metadata: MessageJSON, requestIDs: [String])
    /// The kernel asks for input for an execution; answer with `sendInput`.
    case inputRequested(requestID: String, prompt: String, password: Bool)
    /// An execution finished (see its `Execution.status`).
    case executionFinished(requestID: String)
    /// The reply to a non-execute request.
    case reply(requestID: String, message: Message)
    /// A request will never be answered (the kernel died or restarted).
    case requestFailed(requestID: String, reason: String)
    /// The kernel is gone.
    case died(reason: String)
}

/// A message to put on a channel.
public struct Outgoing: Sendable {
    public var channel: Channel
    public var message: Message
}
