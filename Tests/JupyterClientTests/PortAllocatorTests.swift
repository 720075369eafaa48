import Foundation
import Testing
@testable import JupyterClient

/// Kernel ports come from below the ephemeral range, where no outgoing connection (nor a client
/// reconnecting to a dead kernel, connecting to itself) can take them.
@Suite struct PortAllocatorTests {
    @Test func portsAreDistinctFreeAndBelowTheEphemeralRange() throws {
        let ephemeral = PortAllocator.ephemeralRange()
        let ports = try PortAllocator.freePorts(5)
        #expect(Set(ports).count == 5)
        #expect(ports.allSatisfy { $0 >= PortAllocator.lowest && $0 < ephemeral.lowerBound }, "\(ports) vs \(ephemeral)")
        // Each is free: it can be bound once handed out.
        for port in ports {
            let (fd, bound) = try PortAllocator.bindLoopback(port)
            #expect(fd >= 0 && bound == port)
            if fd >= 0 { close(fd) }
        }
    }

    @Test func aTakenPortIsNotHandedOut() throws {
        let (fd, taken) = try PortAllocator.bindLoopback(try PortAllocator.freePorts(1)[0])
        defer { close(fd) }
        let (again, _) = try PortAllocator.bindLoopback(taken)
        #expect(again == -1)
        for _ in 0..<20 { #expect(try !PortAllocator.freePorts(5).contains(taken)) }
    }
}
