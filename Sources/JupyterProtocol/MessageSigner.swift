import Foundation
internal import COpenSSLCrypto

/// Signs and verifies Jupyter messages with HMAC-SHA256 (OpenSSL's one-shot `HMAC()`).
///
/// The key is the connection file's `key` string used as its UTF-8 bytes. An empty key disables
/// signing: the signature frame is empty and never checked.
public struct MessageSigner: Sendable {
    /// The key bytes.
    public let key: [UInt8]

    /// A signer for `key` (the literal string from the connection file).
    public init(key: String) { self.key = Array(key.utf8) }

    /// A signer for raw key bytes.
    public init(keyBytes: [UInt8]) { self.key = keyBytes }

    /// `true` when the key is empty and messages are neither signed nor verified.
    public var isDisabled: Bool { key.isEmpty }

    /// The lowercase hex HMAC-SHA256 of the parts concatenated, as ASCII bytes (empty when disabled).
    public func signature(_ parts: [Data]) -> Data {
        guard !isDisabled else { return Data() }
        let digest = mac(parts)
        let hex = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(digest.count * 2)
        for b in digest {
            out.append(hex[Int(b >> 4)])
            out.append(hex[Int(b & 0xF)])
        }
        return Data(out)
    }

    /// Whether `signature` is the signature of `parts`, compared in constant time.
    public func verify(signature: Data, parts: [Data]) -> Bool {
        guard !isDisabled else { return true }
        let expected = self.signature(parts)
        guard signature.count == expected.count else { return false }
        var diff: UInt8 = 0
        for (a, b) in zip(signature, expected) { diff |= a ^ b }
        return diff == 0
    }

    private func mac(_ parts: [Data]) -> [UInt8] {
        var joined = [UInt8]()
        joined.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for p in parts { joined.append(contentsOf: p) }
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        key.withUnsafeBufferPointer { k in
            joined.withUnsafeBufferPointer { d in
                _ = HMAC(EVP_sha256(), k.baseAddress, Int32(k.count), d.baseAddress, d.count, &out, &length)
            }
        }
        return Array(out.prefix(Int(length)))
    }

    /// A fresh random key in jupyter_client's shape (8 hex, '-', 24 hex), from OpenSSL's CSPRNG.
    public static func randomKey() -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        if RAND_bytes(&bytes, 16) != 1 {
            for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255) }
        }
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        return String(hex.prefix(8)) + "-" + String(hex.dropFirst(8))
    }
}
