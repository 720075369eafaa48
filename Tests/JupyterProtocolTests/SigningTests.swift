import Foundation
import Testing
@testable import JupyterProtocol

@Suite struct SigningTests {
    let header = #"{"msg_id": "m1", "session": "s1", "username": "u", "date": "2024-01-01T00:00:00.000000Z", "msg_type": "kernel_info_request", "version": "5.4"}"#

    @Test func matchesTheReferenceVector() {
        let signer = MessageSigner(key: "a0436f6c-1916-498b-8eb9-e81ab9368e84")
        let parts = [Data(header.utf8), Data("{}".utf8), Data("{}".utf8), Data("{}".utf8)]
        let sig = String(decoding: signer.signature(parts), as: UTF8.self)
        #expect(sig == "f642c061b3483e355d23e8c575227f85c75230c680870899ee262e708fc77bd1")
        #expect(signer.verify(signature: Data(sig.utf8), parts: parts))
    }

    @Test func matchesPythonHmac() throws {
        let key = MessageSigner.randomKey()
        let parts = [Data("héllo".utf8), Data("{\"a\": 1}".utf8), Data(), Data("🙂".utf8)]
        let ours = String(decoding: MessageSigner(key: key).signature(parts), as: UTF8.self)
        let result = try TestPython.run("""
            import hmac, hashlib, sys
            key, *parts = sys.argv[1:]
            h = hmac.new(key.encode(), digestmod=hashlib.sha256)
            for p in parts: h.update(p.encode())
            print(h.hexdigest())
            """, arguments: [key] + parts.map { String(decoding: $0, as: UTF8.self) })
        #expect(result == ours)
    }

    @Test func rejectsAlteredSignatureOrContent() {
        let signer = MessageSigner(key: "k")
        let parts = [Data("a".utf8), Data("b".utf8), Data("c".utf8), Data("d".utf8)]
        var sig = signer.signature(parts)
        #expect(signer.verify(signature: sig, parts: parts))
        sig[0] = sig[0] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        #expect(!signer.verify(signature: sig, parts: parts))
        #expect(!signer.verify(signature: Data(), parts: parts))
        #expect(!signer.verify(signature: signer.signature(parts), parts: [Data("a".utf8), Data("b".utf8), Data("c".utf8), Data("e".utf8)]))
    }

    @Test func emptyKeyDisablesSigning() {
        let signer = MessageSigner(key: "")
        #expect(signer.signature([Data("x".utf8)]).isEmpty)
        #expect(signer.verify(signature: Data("anything".utf8), parts: []))
    }

    @Test func randomKeysHaveJupyterShape() {
        let a = MessageSigner.randomKey(), b = MessageSigner.randomKey()
        #expect(a != b)
        #expect(a.count == 33)
        #expect(a.split(separator: "-").map(\.count) == [8, 24])
    }
}
