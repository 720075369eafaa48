import Foundation
import CZMQ
import JupyterProtocol
@testable import JupyterClient

/// A kernel impostor made of raw ZeroMQ sockets bound on 127.0.0.1, for feeding a real
/// `KernelClient` hand-made (and broken) frames.
final class FakeKernel {
    let context: UnsafeMutableRawPointer
    var sockets: [Channel: UnsafeMutableRawPointer] = [:]
    var connection: ConnectionInfo!
    let codec: WireCodec
    var factory = MessageFactory(session: "fake-kernel")
    /// Routing id of the client (learned from its first shell message).
    var clientID = Data()

    /// Binds every channel but those in `later` (their ports are reserved; see `bind(_:)`).
    init(key: String = "fake-key", later: Set<Channel> = []) throws {
        context = zmq_ctx_new()
        codec = WireCodec(signer: MessageSigner(key: key))
        var ports: [Channel: Int] = [:]
        for ch in Channel.allCases {
            if later.contains(ch) {
                ports[ch] = try PortAllocator.freePorts(1)[0]
                continue
            }
            let s = try socket(ch, endpoint: "tcp://127.0.0.1:*")
            var buf = [CChar](repeating: 0, count: 256)
            var len = buf.count
            zmq_getsockopt(s, ZMQ_LAST_ENDPOINT, &buf, &len)
            let endpoint = String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            ports[ch] = Int(endpoint.split(separator: ":").last!)!
            sockets[ch] = s
        }
        connection = ConnectionInfo(shellPort: ports[.shell]!, iopubPort: ports[.iopub]!, stdinPort: ports[.stdin]!,
                                    controlPort: ports[.control]!, hbPort: ports[.heartbeat]!, key: key)
    }

    private func socket(_ ch: Channel, endpoint: String) throws -> UnsafeMutableRawPointer {
        let s = zmq_socket(context, ch == .iopub ? ZMQ_PUB : ZMQ_ROUTER)!
        var linger: Int32 = 0
        zmq_setsockopt(s, ZMQ_LINGER, &linger, 4)
        guard zmq_bind(s, endpoint) == 0 else {
            zmq_close(s)
            throw KernelError.transport("bind \(endpoint)")
        }
        return s
    }

    /// Binds a channel left out at init on its reserved port.
    func bind(_ ch: Channel) throws {
        sockets[ch] = try socket(ch, endpoint: connection.endpoint(ch))
    }

    deinit {
        for (_, s) in sockets { zmq_close(s) }
        zmq_ctx_term(context)
    }

    /// Sends raw frames (a routing id is prepended on ROUTER channels).
    func sendRaw(_ frames: [Data], on ch: Channel) {
        let all = ch == .iopub ? frames : [clientID] + frames
        for (i, f) in all.enumerated() {
            _ = f.withUnsafeBytes { zmq_send(sockets[ch]!, $0.baseAddress, $0.count, i < all.count - 1 ? ZMQ_SNDMORE : 0) }
        }
    }

    /// Sends a properly signed message.
    func send(_ message: Message, on ch: Channel) {
        sendRaw(codec.encode(message), on: ch)
    }

    /// A message of `type` replying to `parent`.
    func message(_ type: String, content: MessageJSON, parent: MessageHeader?) -> Message {
        factory.message(type, content: content, parent: parent)
    }

    /// Receives one message if waiting (decoded), answering heartbeats on the way.
    func receive(on ch: Channel) -> Message? {
        var frames: [Data] = []
        while true {
            var msg = zmq_msg_t()
            zmq_msg_init(&msg)
            defer { zmq_msg_close(&msg) }
            if zmq_msg_recv(&msg, sockets[ch]!, frames.isEmpty ? ZMQ_DONTWAIT : 0) < 0 { return nil }
            frames.append(Data(bytes: zmq_msg_data(&msg), count: zmq_msg_size(&msg)))
            if zmq_msg_more(&msg) == 0 { break }
        }
        if ch == .heartbeat {
            for (i, f) in frames.enumerated() {
                _ = f.withUnsafeBytes { zmq_send(sockets[ch]!, $0.baseAddress, $0.count, i < frames.count - 1 ? ZMQ_SNDMORE : 0) }
            }
            return nil
        }
        clientID = frames[0]
        return try? codec.decode(Array(frames.dropFirst()))
    }

    /// Runs `client` and this kernel (`step`) in turns until `done` or the deadline.
    func pump(_ client: KernelClient, timeout: TimeInterval = 10, step: (FakeKernel) -> Void,
              until done: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !done() {
            if Date() > deadline { throw KernelError.timedOut("fake kernel exchange") }
            step(self)
            _ = EventPoller.poll(client.pollDescriptors, timeoutMillis: 10)
            client.processIncoming()
            client.tick()
        }
    }
}
