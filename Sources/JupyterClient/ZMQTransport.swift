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
    private var stdinMonitor: UnsafeMutableRawPointer?   // PAIR receiving the stdin socket's handshake events
    private var stdinHandshakes = 0

    /// Milliseconds between the first connection attempts, and the most they back off to.
    static let reconnectInterval: Int32 = 10
    static let reconnectIntervalMax: Int32 = 100

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
        // A kernel binds its ports a few hundred ms after it is spawned: retry refused connections
        // every 10 ms at first (libzmq's default is 100 ms), backing off to 100 ms.
        var retry: Int32 = Self.reconnectInterval, retryMax: Int32 = Self.reconnectIntervalMax
        zmq_setsockopt(s, ZMQ_RECONNECT_IVL, &retry, MemoryLayout<Int32>.size)
        zmq_setsockopt(s, ZMQ_RECONNECT_IVL_MAX, &retryMax, MemoryLayout<Int32>.size)
        if channel == .shell || channel == .control || channel == .stdin {
            let id = Array(routingID.utf8)
            zmq_setsockopt(s, ZMQ_ROUTING_ID, id, id.count)
        }
        if channel == .stdin { stdinMonitor = monitor(s, endpoint: "inproc://stdin-monitor") }
        guard zmq_connect(s, connection.endpoint(channel)) == 0 else {
            let err = lastError("connect \(connection.endpoint(channel))")
            zmq_close(s)
            throw err
        }
        if channel == .iopub { zmq_setsockopt(s, ZMQ_SUBSCRIBE, "", 0) }
        return s
    }

    /// Watches `socket`'s completed handshakes through a PAIR socket (nil if libzmq refuses).
    private func monitor(_ socket: UnsafeMutableRawPointer, endpoint: String) -> UnsafeMutableRawPointer? {
        guard zmq_socket_monitor(socket, endpoint, ZMQ_EVENT_HANDSHAKE_SUCCEEDED) == 0,
              let pair = zmq_socket(context, ZMQ_PAIR) else { return nil }
        var linger: Int32 = 0
        zmq_setsockopt(pair, ZMQ_LINGER, &linger, MemoryLayout<Int32>.size)
        guard zmq_connect(pair, endpoint) == 0 else {
            zmq_close(pair)
            return nil
        }
        return pair
    }

    public var pollDescriptors: [PollDescriptor] {
        let channels = [Channel.shell, .iopub, .stdin, .control, .heartbeat].compactMap { ch in
            sockets[ch].map { PollDescriptor(socket: $0, fd: -1, channel: ch) }
        }
        return channels + (stdinMonitor.map { [PollDescriptor(socket: $0, fd: -1, channel: .stdin)] } ?? [])
    }

    public var stdinConnections: Int? {
        guard let pair = stdinMonitor else { return nil }
        // Each event is two frames: 6 bytes (event id, value), then the endpoint.
        while true {
            var msg = zmq_msg_t()
            zmq_msg_init(&msg)
            defer { zmq_msg_close(&msg) }
            guard zmq_msg_recv(&msg, pair, ZMQ_DONTWAIT) >= 0 else { break }
            var event: UInt16 = 0
            if zmq_msg_size(&msg) >= 2 { memcpy(&event, zmq_msg_data(&msg), 2) }
            if Int32(event) == ZMQ_EVENT_HANDSHAKE_SUCCEEDED { stdinHandshakes += 1 }
            while zmq_msg_more(&msg) != 0 {
                var rest = zmq_msg_t()
                zmq_msg_init(&rest)
                let rc = zmq_msg_recv(&rest, pair, 0)
                let more = rc >= 0 && zmq_msg_more(&rest) != 0
                zmq_msg_close(&rest)
                if !more { break }
            }
        }
        return stdinHandshakes
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
        if let pair = stdinMonitor { zmq_close(pair) }
        stdinMonitor = nil
        for (_, s) in sockets { zmq_close(s) }
        sockets = [:]
        if let ctx = context { zmq_ctx_term(ctx) }
        context = nil
    }
}
