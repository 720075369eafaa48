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
}
