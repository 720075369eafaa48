import Foundation
internal import CZMQ

/// `KernelTransport` over ZeroMQ (libzmq): DEALER sockets for shell, control and stdin sharing the
/// session's routing id, a SUB socket subscribed to everything for IOPub, and a DEALER for the
/// heartbeat (an empty delimiter frame is added by hand, so a lost echo never wedges it like a REQ).
public final class ZMQTransport: KernelTransport {
    private var context: UnsafeMutableRawPointer?
    private var sockets: [Channel: UnsafeMutableRawPointer] = [:]
    private let connection: ConnectionInfo
    private let routingID: String

    /// Connects all five channels to the kernel described by `connection`; `routingID` is the session id.
    public init(connection: ConnectionInfo, routingID: String) throws {
        self.connection = connection
        self.routingID = routingID
        guard let ctx = zmq_ctx_new() else { throw KernelError.transport("zmq_ctx_new failed") }
        context = ctx
        do {
            for channel in Channel.allCases { sockets[channel] = try makeSocket(channel) }
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    private func lastError(_ what: String) -> KernelError {
        KernelError.transport("\(what): \(String(cString: zmq_strerror(zmq_errno())))")
    }

    private func makeSocket(_ channel: Channel) throws -> UnsafeMutableRawPointer {
        let type: Int32
        switch channel {
        case .iopub: type = ZMQ_SUB
        default: type = ZMQ_DEALER
        }
        guard let s = zmq_socket(context, type) else { throw lastError("zmq_socket") }
        var linger: Int32 = 0
        zmq_setsockopt(s, ZMQ_LINGER, &linger, MemoryLayout<Int32>.size)
        if channel == .shell || channel == .control || channel == .stdin {
            let id = Array(routingID.utf8)
            zmq_setsockopt(s, ZMQ_ROUTING_ID, id, id.count)
        }
        guard zmq_connect(s, connection.endpoint(channel)) == 0 else {
            let err = lastError("connect \(connection.endpoint(channel))")
            zmq_close(s)
            throw err
        }
        if channel == .iopub { zmq_setsockopt(s, ZMQ_SUBSCRIBE, "", 0) }
        return s
    }

    public var pollDescriptors: [PollDescriptor] {
        [Channel.shell, .iopub, .stdin, .control, .heartbeat].compactMap { ch in
            sockets[ch].map { PollDescriptor(socket: $0, fd: -1, channel: ch) }
        }
    }

    public func send(_ frames: [Data], on channel: Channel) throws {
        guard let s = sockets[channel] else { throw KernelError.transport("closed") }
        let all = channel == .heartbeat ? [Data()] + frames : frames
        for (i, frame) in all.enumerated() {
            let flags = (i < all.count - 1 ? ZMQ_SNDMORE : 0) | ZMQ_DONTWAIT
            let rc = frame.withUnsafeBytes { zmq_send(s, $0.baseAddress, $0.count, flags) }
            if rc < 0 { throw lastError("send on \(channel)") }
        }
    }

    public func receive(on channel: Channel) throws -> [Data]? {
        guard let s = sockets[channel] else { throw KernelError.transport("closed") }
        var frames: [Data] = []
        while true {
            var msg = zmq_msg_t()
            zmq_msg_init(&msg)
            defer { zmq_msg_close(&msg) }
            let rc = zmq_msg_recv(&msg, s, frames.isEmpty ? ZMQ_DONTWAIT : 0)
            if rc < 0 {
                let e = zmq_errno()
                if e == EAGAIN && frames.isEmpty { return nil }
                if e == EINTR { continue }
                throw lastError("receive on \(channel)")
            }
            let size = zmq_msg_size(&msg)
            frames.append(size == 0 ? Data() : Data(bytes: zmq_msg_data(&msg), count: size))
            if zmq_msg_more(&msg) == 0 { break }
        }
        if channel == .heartbeat, frames.first?.isEmpty == true { frames.removeFirst() }
        return frames
    }

    public func resetHeartbeat() throws {
        if let s = sockets[.heartbeat] { zmq_close(s) }
        sockets[.heartbeat] = try makeSocket(.heartbeat)
    }

    public func close() {
        for (_, s) in sockets { zmq_close(s) }
        sockets = [:]
        if let ctx = context { zmq_ctx_term(ctx) }
        context = nil
    }
}
