import Foundation

/// The five Jupyter channels.
public enum Channel: String, Sendable, CaseIterable {
    case shell, iopub, stdin, control, heartbeat
}

/// Something an event loop must wait on: a ZeroMQ socket (opaque pointer) or a plain file descriptor,
/// laid out like `zmq_pollitem_t` so `EventPoller` can poll it beside the loop's own descriptors.
public struct PollDescriptor: @unchecked Sendable {
    /// A ZeroMQ socket, or `nil` for a plain descriptor.
    public var socket: UnsafeMutableRawPointer?
    /// A file descriptor when `socket` is `nil`.
    public var fd: Int32
    /// The channel this descriptor carries (`nil` for the caller's own descriptors).
    public var channel: Channel?

    public init(socket: UnsafeMutableRawPointer?, fd: Int32, channel: Channel?) {
        self.socket = socket
        self.fd = fd
        self.channel = channel
    }
}

/// Moves raw multipart frames between a client and a kernel. The ZeroMQ implementation is
/// `ZMQTransport`; a Jupyter Server WebSocket transport can implement the same protocol by handing
/// finished messages to the loop through a pipe descriptor.
///
/// Transports are single-threaded: use one from the thread that created it.
public protocol KernelTransport: AnyObject {
    /// What the event loop must poll for readability.
    var pollDescriptors: [PollDescriptor] { get }
    /// Queues a multipart message on `channel` without blocking.
    func send(_ frames: [Data], on channel: Channel) throws
    /// The next complete message on `channel`, or `nil` if none is waiting; never blocks.
    func receive(on channel: Channel) throws -> [Data]?
    /// Drops and recreates the heartbeat connection (a stuck heartbeat peer).
    func resetHeartbeat() throws
    /// Closes everything; further use fails.
    func close()
    /// How many times the stdin channel completed a connection to the kernel so far, or `nil` when
    /// the transport cannot tell. A kernel drops an `input_request` for a peer it has not met yet, so
    /// readiness waits for a new connection here after every (re)start.
    var stdinConnections: Int? { get }
}

extension KernelTransport {
    public var stdinConnections: Int? { nil }
}
