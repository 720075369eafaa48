import Foundation
internal import CZMQ

/// Waits on ZeroMQ sockets and plain descriptors together (`zmq_poll`), for event loops that hold
/// kernel connections beside their own file descriptors.
public enum EventPoller {
    /// Waits until one of `items` is readable or `timeoutMillis` passes (-1: forever). Returns the
    /// indices of the readable items (empty on timeout or interruption by a signal).
    public static func poll(_ items: [PollDescriptor], timeoutMillis: Int) -> [Int] {
        var raw = items.map { zmq_pollitem_t(socket: $0.socket, fd: $0.fd, events: Int16(ZMQ_POLLIN), revents: 0) }
        let n = raw.withUnsafeMutableBufferPointer { zmq_poll($0.baseAddress, Int32($0.count), timeoutMillis) }
        guard n > 0 else { return [] }
        return raw.indices.filter { raw[$0].revents & Int16(ZMQ_POLLIN) != 0 }
    }

    /// What `wait` found on one item.
    public struct Readiness: Sendable, Equatable {
        /// The item's index.
        public var index: Int
        /// Whether it is readable.
        public var readable: Bool
        /// Whether it reported an error or a hangup (plain descriptors: `POLLHUP`, `POLLERR`).
        public var failed: Bool
    }

    /// Like `poll`, but reports hangups and errors too, so a caller can tell a closed descriptor
    /// (a terminal that went away) from a readable one.
    public static func wait(_ items: [PollDescriptor], timeoutMillis: Int) -> [Readiness] {
        var raw = items.map { zmq_pollitem_t(socket: $0.socket, fd: $0.fd, events: Int16(ZMQ_POLLIN), revents: 0) }
        let n = raw.withUnsafeMutableBufferPointer { zmq_poll($0.baseAddress, Int32($0.count), timeoutMillis) }
        guard n > 0 else { return [] }
        return raw.indices.compactMap { i in
            let r = raw[i].revents
            guard r != 0 else { return nil }
            return Readiness(index: i, readable: r & Int16(ZMQ_POLLIN) != 0, failed: r & Int16(ZMQ_POLLERR) != 0)
        }
    }
}
