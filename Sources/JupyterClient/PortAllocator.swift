import Foundation

/// Picks free TCP ports on 127.0.0.1 for a kernel, below the system's ephemeral range.
///
/// Ports from the ephemeral range (what binding to port 0 gives, as jupyter_client does) are the
/// ones the system also hands out as source ports of outgoing connections. While a kernel is down
/// (dead, restarting) its clients keep reconnecting to its ports, and a connection to a port nobody
/// listens on can get that very port as its source and connect to itself (TCP simultaneous open);
/// the port is then taken and the restarted kernel cannot bind it. Any other process's outgoing
/// connection can take such a port between the pick and the kernel's bind, too. Ports below the
/// ephemeral range are never used as source ports, so neither can happen. Each pick is checked by
/// binding it, and all sockets stay open until every port is known, so one call never returns the
/// same port twice.
public enum PortAllocator {
    /// The lowest port picked.
    static let lowest = 10_000
    /// How many random ports are tried before falling back to the ephemeral range.
    static let attempts = 500

    /// `count` distinct free ports.
    public static func freePorts(_ count: Int) throws -> [Int] {
        var fds: [Int32] = []
        defer { for fd in fds { close(fd) } }
        var ports: [Int] = []
        let range = lowest..<max(lowest, ephemeralRange().lowerBound)
        var tries = 0
        while ports.count < count {
            let wanted: Int
            if range.count >= 1_000 && tries < attempts {
                tries += 1
                wanted = Int.random(in: range)
                if ports.contains(wanted) { continue }
            } else {
                wanted = 0
            }
            let (fd, port) = try bindLoopback(wanted)
            if fd < 0 { continue }
            fds.append(fd)
            ports.append(port)
        }
        return ports
    }

    /// The ports the system picks for outgoing connections (`/proc/sys/net/ipv4/ip_local_port_range`,
    /// else Linux's default).
    static func ephemeralRange() -> Range<Int> {
        if let text = try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8) {
            let bounds = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).compactMap { Int($0) }
            if bounds.count == 2, bounds[0] <= bounds[1] { return bounds[0]..<(bounds[1] + 1) }
        }
        return 32_768..<61_000
    }

    /// Binds a TCP socket to 127.0.0.1:`port` (0: any); the socket and the port bound, or -1 and 0
    /// when that port is taken. Throws when no socket can be made at all.
    static func bindLoopback(_ port: Int) throws -> (Int32, Int) {
        #if os(Linux)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw KernelError.launchFailed("socket: \(String(cString: strerror(errno)))") }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = UInt16(port).bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { sp in
                bind(fd, sp, len) == 0 && getsockname(fd, sp, &len) == 0
            }
        }
        guard ok else {
            let error = errno
            close(fd)
            if port != 0 && (error == EADDRINUSE || error == EACCES) { return (-1, 0) }
            throw KernelError.launchFailed("bind: \(String(cString: strerror(error)))")
        }
        return (fd, Int(UInt16(bigEndian: addr.sin_port)))
    }
}
