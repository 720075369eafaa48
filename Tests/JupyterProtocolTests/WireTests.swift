import Foundation
import Testing
@testable import JupyterProtocol

@Suite struct WireTests {
    let codec = WireCodec(signer: MessageSigner(key: "secret"))

    @Test func encodeThenDecodeKeepsEverything() throws {
        var factory = MessageFactory(session: "sess", username: "me")
        let parent = factory.header("execute_request")
        var msg = factory.message("stream", content: ["name": "stdout", "text": "hi\n"], parent: parent)
        msg.identities = [Data("kernel.x.stream".utf8)]
        msg.buffers = [Data([0, 1, 2, 255])]
        let frames = codec.encode(msg)
        #expect(frames[1] == WireCodec.delimiter)
        let back = try codec.decode(frames)
        #expect(back.identities == msg.identities)
        #expect(back.header == msg.header)
        #expect(back.parentID == parent.msgID)
        #expect(back.content["text"]?.stringValue == "hi\n")
        #expect(back.buffers == [Data([0, 1, 2, 255])])
    }

    @Test func messageIDsAreUniqueAndCarryTheSession() {
        var factory = MessageFactory(session: "abc")
        let ids = (0..<100).map { _ in factory.header("x").msgID }
        #expect(Set(ids).count == 100)
        #expect(ids.allSatisfy { $0.hasPrefix("abc_") })
    }

    @Test func verifiesTheRawBytesNotReserialisedJSON() throws {
        // Spacing and key order that our writer would not produce.
        let signer = MessageSigner(key: "secret")
        let parts = [#"{ "msg_type" : "status", "msg_id":"1" , "x": 1.50}"#, "{}", "{}", #"{"execution_state": "idle"}"#].map { Data($0.utf8) }
        let frames = [WireCodec.delimiter, signer.signature(parts)] + parts
        let msg = try codec.decode(frames)
        #expect(msg.msgType == "status")
        #expect(msg.header.raw["x"] == .number("1.50"))
    }

    @Test func rejectsBadInput() {
        var factory = MessageFactory()
        let good = codec.encode(factory.message("status", content: ["execution_state": "idle"]))
        var badSig = good
        badSig[1] = Data(String(repeating: "0", count: 64).utf8)
        #expect(throws: WireError.badSignature) { try codec.decode(badSig) }
        #expect(throws: WireError.missingDelimiter) { try codec.decode(Array(good.dropFirst())) }
        #expect(throws: WireError.tooFewFrames(4)) { try codec.decode(Array(good.dropLast())) }
        let signer = MessageSigner(key: "secret")
        func frames(_ dicts: [String]) -> [Data] {
            let parts = dicts.map { Data($0.utf8) }
            return [WireCodec.delimiter, signer.signature(parts)] + parts
        }
        #expect(throws: WireError.self) { try codec.decode(frames(["{not json", "{}", "{}", "{}"])) }
        #expect(throws: WireError.notAnObject(frame: "content")) { try codec.decode(frames([#"{"msg_id":"1","msg_type":"x"}"#, "{}", "{}", "[]"])) }
        #expect(throws: WireError.invalidHeader) { try codec.decode(frames([#"{"msg_id":"1"}"#, "{}", "{}", "{}"])) }
    }
}
