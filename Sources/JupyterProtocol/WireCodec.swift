import Foundation

/// Why received frames were not accepted as a message.
public enum WireError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No `<IDS|MSG>` delimiter frame.
    case missingDelimiter
    /// Fewer than the five frames (signature + four dicts) after the delimiter.
    case tooFewFrames(Int)
    /// The signature did not match the key.
    case badSignature
    /// A dict frame was not valid JSON.
    case invalidJSON(frame: String, error: MessageJSONError)
    /// A dict frame was valid JSON but not an object.
    case notAnObject(frame: String)
    /// The header lacks `msg_id` or `msg_type`.
    case invalidHeader

    public var description: String {
        switch self {
        case .missingDelimiter: return "no <IDS|MSG> delimiter"
        case .tooFewFrames(let n): return "only \(n) frames after the delimiter (5 needed)"
        case .badSignature: return "bad signature"
        case .invalidJSON(let frame, let error): return "\(frame): \(error)"
        case .notAnObject(let frame): return "\(frame) is not a JSON object"
        case .invalidHeader: return "header lacks msg_id or msg_type"
        }
    }
}

/// Turns messages into multipart frames and back, signing and verifying with a `MessageSigner`.
///
/// Layout: `[identities…] <IDS|MSG> signature header parent_header metadata content [buffers…]`.
/// Verification runs over the raw received bytes, never over re-serialised JSON.
public struct WireCodec: Sendable {
    /// The delimiter frame.
    public static let delimiter = Data("<IDS|MSG>".utf8)

    /// The signer used both ways.
    public var signer: MessageSigner

    /// A codec signing with `signer`.
    public init(signer: MessageSigner) { self.signer = signer }

    /// The frames for `message`.
    public func encode(_ message: Message) -> [Data] {
        let parts = [MessageJSONWriter.data(message.header.raw), MessageJSONWriter.data(message.parentHeader),
                     MessageJSONWriter.data(message.metadata), MessageJSONWriter.data(message.content)]
        return message.identities + [Self.delimiter, signer.signature(parts)] + parts + message.buffers
    }

    /// The message carried by `frames`, after checking the signature.
    public func decode(_ frames: [Data]) throws(WireError) -> Message {
        guard let split = frames.firstIndex(of: Self.delimiter) else { throw .missingDelimiter }
        let rest = frames.count - split - 1
        guard rest >= 5 else { throw .tooFewFrames(rest) }
        let signature = frames[split + 1]
        let parts = Array(frames[(split + 2)...(split + 5)])
        guard signer.verify(signature: signature, parts: parts) else { throw .badSignature }
        let names = ["header", "parent_header", "metadata", "content"]
        var dicts: [MessageJSON] = []
        for (name, part) in zip(names, parts) {
            let value: MessageJSON
            do { value = try MessageJSONParser.parse(part) } catch { throw .invalidJSON(frame: name, error: error) }
            guard case .object = value else { throw .notAnObject(frame: name) }
            dicts.append(value)
        }
        guard let header = MessageHeader(json: dicts[0]) else { throw .invalidHeader }
        return Message(identities: Array(frames[..<split]), header: header, parentHeader: dicts[1],
                       metadata: dicts[2], content: dicts[3], buffers: Array(frames[(split + 6)...]))
    }
}
