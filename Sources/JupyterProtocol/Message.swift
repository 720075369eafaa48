import Foundation

/// One Jupyter message: routing identities, header, parent header, metadata, content and binary buffers.
public struct Message: Sendable {
    /// Routing or topic frames before the `<IDS|MSG>` delimiter.
    public var identities: [Data]
    /// The message's own header.
    public var header: MessageHeader
    /// The header of the message that caused this one (`{}` when none), kept verbatim.
    public var parentHeader: MessageJSON
    /// Free-form metadata.
    public var metadata: MessageJSON
    /// Type-specific content.
    public var content: MessageJSON
    /// Raw binary buffers after the content frame (not signed).
    public var buffers: [Data]

    /// A message with the given parts.
    public init(identities: [Data] = [], header: MessageHeader, parentHeader: MessageJSON = .object([:]),
                metadata: MessageJSON = .object([:]), content: MessageJSON = .object([:]), buffers: [Data] = []) {
        self.identities = identities
        self.header = header
        self.parentHeader = parentHeader
        self.metadata = metadata
        self.content = content
        self.buffers = buffers
    }

    /// The message type (`header.msg_type`).
    public var msgType: String { header.msgType }

    /// The `msg_id` of the parent header, if any.
    public var parentID: String? { parentHeader["msg_id"]?.stringValue }
}
