import Foundation

/// Makes outgoing messages for one client session: a stable session id, a user name and unique
/// message ids (`<session>_<pid>_<counter>`, like jupyter_client).
public struct MessageFactory: Sendable {
    /// The session id (also the routing id of the shell, control and stdin sockets).
    public let session: String
    /// The user name stamped on headers.
    public let username: String
    private var counter = 0
    private let prefix: String

    /// A factory with a fresh random session id (or the given one).
    public init(session: String = MessageFactory.newID(), username: String? = nil) {
        self.session = session
        let env = ProcessInfo.processInfo.environment
        self.username = username ?? env["USER"] ?? env["LOGNAME"] ?? "username"
        self.prefix = "\(session)_\(getpid())_"
    }

    /// A random id in jupyter_client's `new_id()` shape.
    public static func newID() -> String { MessageSigner.randomKey() }

    /// A new header of type `msgType` with a unique id and the current date.
    public mutating func header(_ msgType: String) -> MessageHeader {
        counter += 1
        return MessageHeader(msgID: prefix + String(counter), session: session, username: username,
                             date: JupyterDate.string(Date()), msgType: msgType)
    }

    /// A new message of type `msgType`; `parent` is copied verbatim as its parent header.
    public mutating func message(_ msgType: String, content: MessageJSON = .object([:]), parent: MessageHeader? = nil,
                                 metadata: MessageJSON = .object([:])) -> Message {
        Message(header: header(msgType), parentHeader: parent?.raw ?? .object([:]), metadata: metadata, content: content)
    }
}
