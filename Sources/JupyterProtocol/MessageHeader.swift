import Foundation

/// The header of a Jupyter message.
public struct MessageHeader: Sendable, Hashable {
    /// Unique id of the message.
    public var msgID: String
    /// Session of the sender.
    public var session: String
    /// User name of the sender.
    public var username: String
    /// ISO 8601 date as sent (kept verbatim; see `JupyterDate`).
    public var date: String
    /// Message type, e.g. `execute_request`.
    public var msgType: String
    /// Message-spec version, e.g. `5.4`.
    public var version: String
    /// The header exactly as received (with any extra fields), used verbatim as a reply's parent.
    public var raw: MessageJSON

    /// A header with the given fields; `raw` is built from them.
    public init(msgID: String, session: String, username: String, date: String, msgType: String,
                version: String = JupyterProtocolVersion.current) {
        self.msgID = msgID
        self.session = session
        self.username = username
        self.date = date
        self.msgType = msgType
        self.version = version
        self.raw = .object([
            "msg_id": .string(msgID), "session": .string(session), "username": .string(username),
            "date": .string(date), "msg_type": .string(msgType), "version": .string(version),
        ])
    }

    /// Reads a header from its JSON object; `nil` when `msg_id` or `msg_type` is missing.
    public init?(json: MessageJSON) {
        guard let msgID = json["msg_id"]?.stringValue, let msgType = json["msg_type"]?.stringValue else { return nil }
        self.msgID = msgID
        self.msgType = msgType
        self.session = json["session"]?.stringValue ?? ""
        self.username = json["username"]?.stringValue ?? ""
        self.date = json["date"]?.stringValue ?? ""
        self.version = json["version"]?.stringValue ?? ""
        self.raw = json
    }
}

/// Protocol version facts.
public enum JupyterProtocolVersion {
    /// The version Callisto stamps on its headers (what jupyter_client sends).
    public static let current = "5.4"
}
