import Foundation
import JupyterProtocol

/// The contents of a kernel connection file: transport, address, five ports and the signing key.
public struct ConnectionInfo: Sendable, Equatable {
    public var shellPort: Int
    public var iopubPort: Int
    public var stdinPort: Int
    public var controlPort: Int
    public var hbPort: Int
    /// IP address (tcp) or path prefix (ipc).
    public var ip: String
    /// HMAC key, used as its UTF-8 bytes.
    public var key: String
    /// `tcp` or `ipc`.
    public var transport: String
    /// `hmac-sha256`.
    public var signatureScheme: String
    /// The kernel's name, when known.
    public var kernelName: String

    public init(shellPort: Int, iopubPort: Int, stdinPort: Int, controlPort: Int, hbPort: Int,
                ip: String = "127.0.0.1", key: String, transport: String = "tcp",
                signatureScheme: String = "hmac-sha256", kernelName: String = "") {
        self.shellPort = shellPort
        self.iopubPort = iopubPort
        self.stdinPort = stdinPort
        self.controlPort = controlPort
        self.hbPort = hbPort
        self.ip = ip
        self.key = key
        self.transport = transport
        self.signatureScheme = signatureScheme
        self.kernelName = kernelName
    }

    /// New connection details on free local ports with a fresh random key.
    public static func fresh(kernelName: String) throws -> ConnectionInfo {
        let ports = try PortAllocator.freePorts(5)
        return ConnectionInfo(shellPort: ports[0], iopubPort: ports[1], stdinPort: ports[2], controlPort: ports[3],
                              hbPort: ports[4], key: MessageSigner.randomKey(), kernelName: kernelName)
    }

    /// The ZeroMQ endpoint of `channel`.
    public func endpoint(_ channel: Channel) -> String {
        let port: Int
        switch channel {
        case .shell: port = shellPort
        case .iopub: port = iopubPort
        case .stdin: port = stdinPort
        case .control: port = controlPort
        case .heartbeat: port = hbPort
        }
        return transport == "ipc" ? "ipc://\(ip)-\(port)" : "tcp://\(ip):\(port)"
    }

    /// Reads a connection file; unknown fields are ignored.
    public static func read(path: String) throws -> ConnectionInfo {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KernelError.invalidFile(path: path, reason: "cannot be read")
        }
        let json: MessageJSON
        do { json = try MessageJSONParser.parse(data) } catch {
            throw KernelError.invalidFile(path: path, reason: error.description)
        }
        func port(_ key: String) throws -> Int {
            guard let p = json[key]?.intValue, (0...65535).contains(p) else {
                throw KernelError.invalidFile(path: path, reason: "missing or invalid \(key)")
            }
            return p
        }
        let scheme = json["signature_scheme"]?.stringValue ?? "hmac-sha256"
        guard scheme == "hmac-sha256" else {
            throw KernelError.invalidFile(path: path, reason: "unsupported signature scheme \(scheme)")
        }
        return ConnectionInfo(shellPort: try port("shell_port"), iopubPort: try port("iopub_port"),
                              stdinPort: try port("stdin_port"), controlPort: try port("control_port"),
                              hbPort: try port("hb_port"), ip: json["ip"]?.stringValue ?? "127.0.0.1",
                              key: json["key"]?.stringValue ?? "", transport: json["transport"]?.stringValue ?? "tcp",
                              signatureScheme: scheme, kernelName: json["kernel_name"]?.stringValue ?? "")
    }

    /// The file text as jupyter_client writes it (`json.dumps(indent=2)`, its key order).
    public var fileText: String {
        func q(_ s: String) -> String { MessageJSONWriter.string(.string(s)) }
        return """
        {
          "shell_port": \(shellPort),
          "iopub_port": \(iopubPort),
          "stdin_port": \(stdinPort),
          "control_port": \(controlPort),
          "hb_port": \(hbPort),
          "ip": \(q(ip)),
          "key": \(q(key)),
          "transport": \(q(transport)),
          "signature_scheme": \(q(signatureScheme)),
          "kernel_name": \(q(kernelName))
        }
        """
    }

    /// Writes the file securely: any old file is removed, the new one is created with mode 0600.
    public func write(path: String) throws {
        unlink(path)
        let fd = open(path, O_CREAT | O_WRONLY | O_TRUNC | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw KernelError.launchFailed("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array(fileText.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBufferPointer { systemWrite(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw KernelError.launchFailed("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            written += n
        }
        fchmod(fd, 0o600)
    }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafePointer<UInt8>?, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, buffer, count)
    #else
    return Darwin.write(fd, buffer, count)
    #endif
}
