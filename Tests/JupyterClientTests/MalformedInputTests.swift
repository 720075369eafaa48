import Foundation
import Testing
import JupyterProtocol
@testable import JupyterClient

/// Bad signatures, broken frames and junk JSON from a fake kernel are dropped and logged; the
/// connection keeps working.
@Suite struct MalformedInputTests {
    @Test func dropsAndLogsBadMessagesButKeepsWorking() throws {
        let fake = try FakeKernel()
        let client = try KernelClient(connection: fake.connection)
        defer { client.close() }
        let wrongSigner = WireCodec(signer: MessageSigner(key: "wrong-key"))
        var answered = false
        try fake.pump(client, step: { fake in
            _ = fake.receive(on: .heartbeat)
            guard let request = fake.receive(on: .shell), request.msgType == "kernel_info_request" else {
                if answered { fake.send(fake.message("status", content: ["execution_state": "idle"], parent: nil), on: .iopub) }
                return
            }
            let reply = fake.message("kernel_info_reply", content: ["status": "ok", "implementation": "fake"], parent: request.header)
            // 1. Wrong key.
            fake.sendRaw(wrongSigner.encode(reply), on: .shell)
            // 2. No delimiter.
            fake.sendRaw([Data("junk".utf8), Data("{}".utf8)], on: .shell)
            // 3. Too few frames.
            fake.sendRaw([WireCodec.delimiter, Data(), Data("{}".utf8)], on: .shell)
            // 4. Signed but not JSON, and a header without msg_type.
            let signer = MessageSigner(key: "fake-key")
            for parts in [["{oops", "{}", "{}", "{}"], [#"{"msg_id":"x"}"#, "{}", "{}", "{}"], [#"{"msg_id":"x","msg_type":"y"}"#, "{}", "{}", "[1,2]"]] {
                let data = parts.map { Data($0.utf8) }
                fake.sendRaw([WireCodec.delimiter, signer.signature(data)] + data, on: .shell)
            }
            // 5. Invalid UTF-8 and deep nesting on IOPub.
            fake.sendRaw([Data("topic".utf8), WireCodec.delimiter, Data([0xFF, 0xFE]), Data([0xC3]), Data(), Data(), Data()], on: .iopub)
            // Then the real reply.
            fake.send(reply, on: .shell)
            answered = true
        }, until: { client.isReady })
        let log = client.log.entries.map(\.text).joined(separator: "\n")
        #expect(log.contains("bad signature"))
        #expect(log.contains("no <IDS|MSG> delimiter"))
        #expect(log.contains("frames after the delimiter"))
        #expect(log.contains("header: invalid JSON"))
        #expect(log.contains("header lacks msg_id or msg_type"))
        #expect(log.contains("content is not a JSON object"))
        #expect(client.session.kernelInfo?["implementation"]?.stringValue == "fake")

        // An execution whose forged output is dropped while the genuine one is kept.
        let id = client.execute("anything")
        var done = false
        try fake.pump(client, step: { fake in
            _ = fake.receive(on: .heartbeat)
            guard !done, let request = fake.receive(on: .shell), request.msgType == "execute_request" else { return }
            let h = request.header
            fake.send(fake.message("status", content: ["execution_state": "busy"], parent: h), on: .iopub)
            fake.sendRaw(wrongSigner.encode(fake.message("stream", content: ["name": "stdout", "text": "forged\n"], parent: h)), on: .iopub)
            fake.send(fake.message("stream", content: ["name": "stdout", "text": "genuine\n"], parent: h), on: .iopub)
            fake.send(fake.message("comm_open", content: ["comm_id": "c1", "target_name": "unknown", "data": [:]], parent: h), on: .iopub)
            fake.send(fake.message("stream", content: ["name": "stdout", "text": "buffers\n"], parent: h).withBuffers([Data([0, 1])]), on: .iopub)
            fake.send(fake.message("execute_reply", content: ["status": "ok", "execution_count": 1], parent: h), on: .shell)
            fake.send(fake.message("status", content: ["execution_state": "idle"], parent: h), on: .iopub)
            done = true
        }, until: { client.execution(id)?.isFinished == true })
        #expect(client.execution(id)?.status == .ok)
        #expect(client.execution(id)?.streamText() == "genuine\nbuffers\n")
        // The unknown comm was closed.
        var closed = false
        let deadline = Date().addingTimeInterval(5)
        while !closed, Date() < deadline {
            _ = EventPoller.poll(client.pollDescriptors, timeoutMillis: 10)
            if let m = fake.receive(on: .shell), m.msgType == "comm_close" { closed = m.content["comm_id"]?.stringValue == "c1" }
        }
        #expect(closed)
    }
}

extension Message {
    func withBuffers(_ buffers: [Data]) -> Message {
        var m = self
        m.buffers = buffers
        return m
    }
}
