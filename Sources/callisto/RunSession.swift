import Foundation
import JupyterClient

/// The kernel a `callisto run` talks to: one it starts (and shuts down), or a running one it
/// attaches to (and leaves running).
final class RunSession {
    let client: KernelClient
    /// The kernel's language (for parameters): the kernelspec's, or the kernel's own report.
    var language: String {
        spec?.language ?? client.session.kernelInfo?["language_info"]?["name"]?.stringValue ?? ""
    }
    private let manager: KernelManager?
    private let spec: KernelSpec?

    private init(client: KernelClient, manager: KernelManager?, spec: KernelSpec?) {
        self.client = client
        self.manager = manager
        self.spec = spec
    }

    /// Starts kernel `name` (default python3) in the notebook's directory, or attaches to `existing`.
    static func open(notebook: String, kernel name: String?, existing: String?) throws -> RunSession {
        InterruptSignal.install()
        if let existing {
            let file = try ConnectionFileFinder().find(existing)
            let client = try KernelClient(connectionFile: file)
            try client.waitUntilReady(timeout: 30)
            return RunSession(client: client, manager: nil, spec: nil)
        }
        let spec = try KernelSpecFinder().spec(named: name ?? "python3")
        let directory = URL(fileURLWithPath: notebook).deletingLastPathComponent().path
        let manager = try KernelManager(spec: spec, options: KernelLaunchOptions(directory: directory, output: .discard))
        return RunSession(client: manager.client, manager: manager, spec: spec)
    }

    /// Interrupts the kernel: a signal to a kernel we started, an `interrupt_request` otherwise.
    func interrupt() {
        if let manager { manager.interrupt() } else { client.request("interrupt_request", channel: .control) }
    }

    /// Shuts down a kernel we started; only disconnects from an attached one.
    func close() {
        if let manager { manager.shutdown() } else { client.close() }
    }
}
