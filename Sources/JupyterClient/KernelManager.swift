import Foundation
import JupyterProtocol

/// Options for starting a kernel.
public struct KernelLaunchOptions: Sendable {
    /// Working directory of the kernel (default: the caller's).
    public var directory: String?
    /// Where the kernel's own stdout/stderr go.
    public var output: KernelOutputDestination = .discard
    /// Extra environment variables.
    public var environment: [String: String] = [:]
    /// Search and runtime paths.
    public var paths = JupyterPaths()

    public init(directory: String? = nil, output: KernelOutputDestination = .discard,
                environment: [String: String] = [:], paths: JupyterPaths = JupyterPaths()) {
        self.directory = directory
        self.output = output
        self.environment = environment
        self.paths = paths
    }
}

/// A kernel Callisto started: its process, connection file and client. Interrupt, restart (same
/// ports and key) and shutdown (control request, then SIGTERM, then SIGKILL; always reaped).
public final class KernelManager {
    /// The kernelspec it was started from.
    public let spec: KernelSpec
    /// Its connection file (mode 0600 in the runtime directory).
    public let connectionFile: String
    /// The connection to it.
    public let client: KernelClient
    private let options: KernelLaunchOptions
    private var shutDown = false

    /// Starts the kernel named `name` (see `KernelSpecFinder`).
    public convenience init(kernelName name: String, options: KernelLaunchOptions = KernelLaunchOptions()) throws {
        try self.init(spec: KernelSpecFinder(paths: options.paths).spec(named: name), options: options)
    }

    /// Starts a kernel from `spec`; it is not ready yet (see `KernelClient.waitUntilReady`).
    public init(spec: KernelSpec, options: KernelLaunchOptions = KernelLaunchOptions()) throws {
        self.spec = spec
        self.options = options
        let runtime = try options.paths.ensureRuntimeDirectory()
        let connection = try ConnectionInfo.fresh(kernelName: spec.name)
        let file = runtime + "/kernel-" + UUID().uuidString.lowercased() + ".json"
        try connection.write(path: file)
        connectionFile = file
        do {
            let process = try Self.spawn(spec: spec, connectionFile: file, options: options)
            client = try KernelClient(connection: connection, process: process)
        } catch {
            unlink(file)
            throw error
        }
    }

    deinit { shutdown() }

    /// The kernel process.
    public var process: KernelProcess? { client.process }

    static func spawn(spec: KernelSpec, connectionFile: String, options: KernelLaunchOptions) throws -> KernelProcess {
        var env = options.paths.environment
        for (k, v) in options.environment { env[k] = v }
        let base = env
        for (k, v) in spec.env { env[k] = LaunchTemplate.substituteEnvironment(v, env: base) }
        if spec.language.lowercased().hasPrefix("python") { env["PYTHONEXECUTABLE"] = nil }
        env["JPY_PARENT_PID"] = String(getpid())
        let resolved = URL(fileURLWithPath: connectionFile).resolvingSymlinksInPath().path
        let values = ["connection_file": resolved, "resource_dir": spec.resourceDirectory,
                      "prefix": options.paths.environmentPrefix ?? "/usr"]
        let argv = spec.argv.map { LaunchTemplate.substituteArgument($0, values: values, home: options.paths.home) }
        return try KernelProcess(argv: argv, environment: env, directory: options.directory, output: options.output)
    }

    /// Interrupts the running execution: SIGINT to the process group, or `interrupt_request` on
    /// control when the kernelspec says `interrupt_mode: message`.
    public func interrupt() {
        if spec.interruptsByMessage {
            client.request("interrupt_request", channel: .control)
        } else {
            client.process?.signal(SIGINT)
        }
    }

    /// Restarts the kernel with the same connection file, ports and key; the client keeps its
    /// sockets and probes again. Open requests end with "kernel restarted".
    public func restart(timeout: TimeInterval = 60) throws {
        try beginRestart()
        try client.waitUntilReady(timeout: timeout)
    }

    /// Restarts the kernel without waiting for it: the old process is stopped (a `shutdown_request`
    /// with up to 2 s to exit, then signals), a new one spawned with the same connection file, and
    /// the client starts probing; the caller's loop sees `KernelEvent.ready` (or `died`) later.
    /// Open requests end with "kernel restarted". Works on a dead kernel too.
    public func beginRestart() throws {
        guard !shutDown else { throw KernelError.died("shut down") }
        if let old = client.detachProcess() { stop(old, restart: true) }
        client.discardIncoming()
        let process = try Self.spawn(spec: spec, connectionFile: connectionFile, options: options)
        client.restarted(process: process)
    }

    /// Whether `shutdown()` ran.
    public var isShutDown: Bool { shutDown }

    /// Shuts the kernel down (idempotent): `shutdown_request` on control, up to 2 s for it to exit,
    /// then SIGTERM to its process group, 2 s, then SIGKILL; reaped; connection file removed. A
    /// shutdown begun with `beginShutdown` is finished here, waiting for what is left of it.
    public func shutdown() {
        guard !shutDown else { return }
        if let started = stopping?.started {
            let left = max(0, Self.graceSeconds - Date().timeIntervalSince(started))
            if let process = client.process, process.isRunning, !process.wait(timeout: left) {
                process.signal(SIGTERM)
                if !process.wait(timeout: Self.graceSeconds) { process.kill() }
            }
            finishShutdown()
            return
        }
        shutDown = true
        if let process = client.process { stop(process, restart: false) }
        client.markDead("shut down")
        client.close()
        unlink(connectionFile)
    }

    /// Seconds a kernel gets to exit after `shutdown_request`, and again after SIGTERM.
    static let graceSeconds: TimeInterval = 2

    private var stopping: (started: Date, terminated: Bool)?

    /// Starts shutting the kernel down without waiting: `shutdown_request` on control. The caller's
    /// loop calls `advanceShutdown` until it returns true (SIGTERM after 2 s, SIGKILL 2 s later).
    public func beginShutdown(now: Date = Date()) {
        guard !shutDown, stopping == nil else { return }
        stopping = (now, false)
        if let process = client.process, process.isRunning, !client.isDead {
            client.request("shutdown_request", content: ["restart": .bool(false)], channel: .control)
        }
    }

    /// Moves a begun shutdown on without blocking; true once the kernel is gone and reaped.
    @discardableResult
    public func advanceShutdown(now: Date = Date()) -> Bool {
        if shutDown { return true }
        guard let s = stopping else { return false }
        guard let process = client.process, process.isRunning else { finishShutdown(); return true }
        let waited = now.timeIntervalSince(s.started)
        if !s.terminated, waited >= Self.graceSeconds {
            process.signal(SIGTERM)
            stopping?.terminated = true
        } else if waited >= 2 * Self.graceSeconds {
            process.kill()
            _ = process.waitBlocking()
            finishShutdown()
            return true
        }
        return false
    }

    private func finishShutdown() {
        shutDown = true
        if let process = client.process {
            // Children the kernel left in its process group go too.
            process.signal(SIGKILL)
            _ = process.waitBlocking()
            killpg(process.pid, SIGKILL)
        }
        client.markDead("shut down")
        client.close()
        unlink(connectionFile)
    }

    private func stop(_ process: KernelProcess, restart: Bool) {
        if process.isRunning, !client.isDead {
            client.request("shutdown_request", content: ["restart": .bool(restart)], channel: .control)
            _ = process.wait(timeout: 2)
        }
        if process.isRunning {
            process.signal(SIGTERM)
            if !process.wait(timeout: 2) { process.kill() }
        }
        // Children the kernel left in its process group go too.
        process.signal(SIGKILL)
        _ = process.waitBlocking()
        killpg(process.pid, SIGKILL)
    }
}
