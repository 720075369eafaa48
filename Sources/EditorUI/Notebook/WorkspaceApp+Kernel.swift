import EditorCore
import Foundation
import JupyterClient

/// Kernels in the workspace: starting a notebook's kernel from its metadata (or a picker), attaching
/// to a running one, the status bar's kernel slot, the loop's kernel timers, and shutting kernels
/// down when the last tab of their notebook closes.
extension WorkspaceApp {
    /// The kernel of `document`, made (not started) when there is none; its messages go to the
    /// status bar.
    public func kernel(for document: NotebookDocument) -> NotebookKernel {
        if let k = kernels.kernel(for: document) { return k }
        let k = kernels.make(for: document)
        k.onMessage = { [weak self] text, error in self?.show(text, error: error) }
        k.onInputRequest = { [weak self] uid, id, prompt, password in
            self?.deliverInputRequest(document: document, cellUID: uid, requestID: id, prompt: prompt, password: password)
        }
        return k
    }

    /// Starts `kernel` for `view`'s notebook: the kernelspec named in the metadata, else one of the
    /// notebook's language; otherwise (or when it fails) a picker of the installed kernelspecs.
    func startKernel(_ kernel: NotebookKernel, for view: NotebookView) {
        let specs = KernelSpecFinder(paths: kernels.launch.paths).allSpecs()
        let metadata = view.document.model.format.metadata
        guard let spec = KernelChoice.spec(for: metadata, among: specs) else {
            let wanted = metadata["kernelspec"]?["name"]?.stringValue
            pickKernel(for: view, reason: wanted.map { "No kernel named \($0) is installed. Choose one for \(view.document.title)." }
                ?? "\(view.document.title) names no kernel. Choose one.")
            return
        }
        start(kernel, spec: spec)
    }

    private func start(_ kernel: NotebookKernel, spec: KernelSpec) {
        do {
            try kernel.start(spec: spec)
            show("starting \(spec.displayName)")
        } catch {
            show("cannot start \(spec.displayName): \(error)", error: true)
        }
    }

    /// The title of the kernel picker dialog.
    static let kernelPickerTitle = "Select kernel"

    /// Offers the installed kernelspecs as buttons; the chosen one starts (replacing a running kernel).
    func pickKernel(for view: NotebookView, reason: String) {
        let specs = KernelSpecFinder(paths: kernels.launch.paths).allSpecs().values.sorted { $0.name < $1.name }
        guard !specs.isEmpty else {
            show("no kernels are installed (see `callisto kernels`)", error: true)
            view.kernel?.shutdown()
            return
        }
        let listing = specs.map { "\($0.name): \($0.displayName) (\($0.language))" }.joined(separator: "; ")
        present(.confirm(Self.kernelPickerTitle, message: "\(reason) Installed: \(listing).",
                         buttons: specs.map(\.name) + ["Cancel"], defaultButton: 0) { [weak self, weak view] answer in
            guard let self, let view else { return }
            let kernel = self.kernel(for: view.document)
            guard case let .button(i, _) = answer, i < specs.count else {
                if kernel.client == nil { kernel.shutdown() }
                self.show("no kernel chosen")
                return
            }
            self.start(kernel, spec: specs[i])
            self.needsRender = true
        })
    }

    /// Asks for a connection file (path or name in the runtime folder) and attaches the notebook to
    /// that kernel.
    func promptConnectExisting(for view: NotebookView) {
        present(.prompt("Connect to existing kernel", message: "Connection file (a path, or a name in the Jupyter runtime folder):") { [weak self, weak view] answer in
            guard let self, let view, case let .button(0, text) = answer, !text.isEmpty else { return }
            do {
                let file = try ConnectionFileFinder(paths: self.kernels.launch.paths).find(text)
                try self.kernel(for: view.document).attach(connectionFile: file)
                self.show("connected to the kernel of \(file)")
            } catch {
                self.show("cannot connect: \(error)", error: true)
            }
            self.needsRender = true
        })
    }

    /// Opens new connections to the notebook's kernel (an attached kernel's connection file is read again).
    func reconnectKernel(of view: NotebookView) {
        guard let kernel = view.kernel, kernel.state != .notStarted, kernel.state != .shutDown else { show("no kernel to reconnect to"); return }
        guard let file = kernel.attachedFile else {
            show(kernel.client == nil ? "the kernel is not running; restart it (0 0)" : "\(kernel.displayName) is connected")
            return
        }
        do {
            try kernel.attach(connectionFile: file)
            show("reconnected to \(file)")
        } catch {
            show("cannot reconnect: \(error)", error: true)
        }
    }

    /// Shuts down every kernel Callisto started (attached kernels keep running).
    func shutDownAllKernels() {
        let running = kernels.all.filter { $0.isManaged }
        for k in running { k.shutdown() }
        show(running.isEmpty ? "no kernel to shut down" : "shut down \(running.count) kernel\(running.count == 1 ? "" : "s")")
    }

    /// Shows the kernel's name, language, version, process and connection file.
    func showKernelInfo(of view: NotebookView) {
        guard let kernel = view.kernel, let client = kernel.client else { show("no kernel is running"); return }
        let info = client.session.kernelInfo
        let language = info?["language_info"]?["name"]?.stringValue ?? kernel.spec?.language ?? "?"
        let version = info?["language_info"]?["version"]?.stringValue ?? "?"
        let implementation = [info?["implementation"]?.stringValue, info?["implementation_version"]?.stringValue].compactMap { $0 }.joined(separator: " ")
        var parts = ["\(kernel.displayName)", "\(language) \(version)"]
        if !implementation.isEmpty { parts.append(implementation) }
        if let pid = kernel.pid { parts.append("pid \(pid)") }
        parts.append(kernel.attachedFile.map { "attached to \($0)" } ?? "connection \(client.connection.transport)://\(client.connection.ip)")
        show(parts.joined(separator: " · "))
    }

    // MARK: The loop

    /// Services the kernels and shuts down those whose notebook has no tab any more.
    func tickKernels(now: ContinuousClock.Instant) {
        let open = Set(notebookViews.map { ObjectIdentifier($0.document) })
        let released = kernels.release(keeping: open)
        if !released.isEmpty { show("shut down \(released.joined(separator: ", "))") }
        if kernels.service(now: now) { needsRender = true }
    }

    /// Looks for kernels whose process ended (the loop calls it on SIGCHLD).
    public func checkKernelProcesses() {
        if kernels.checkProcesses(now: now) { needsRender = true }
    }

    /// When the kernels next need the loop.
    var kernelDeadline: ContinuousClock.Instant? { kernels.deadline(now: now) }

    /// Shuts down the kernels Callisto started and disconnects attached ones (on exit).
    public func shutDownKernels() { kernels.shutDownAll() }

    /// The status bar's kernel slot for the focused notebook: name and state (`starting`, `idle`,
    /// `busy 12s` with the running cell's elapsed time, `restarting`, `dead`, `shut down`).
    var focusedKernelStatus: (text: String, scope: String)? {
        guard !sidePanelFocused, let view = workspace.focusedContent as? NotebookView else { return nil }
        // Before the first run the slot stays empty: the kernel starts on demand.
        guard let kernel = view.kernel else { return nil }
        let name = kernel.displayName
        switch kernel.state {
        case .notStarted: return ("\(name) | not started", "ui.statusbar.kernel.idle")
        case .starting: return ("\(name) | starting", "ui.statusbar.kernel.starting")
        case .restarting: return ("\(name) | restarting", "ui.statusbar.kernel.starting")
        case .idle, .busy:
            if let running = kernel.running {
                let seconds = running.since.duration(to: now).components.seconds
                return ("\(name) | busy \(KernelChoice.elapsed(seconds))", "ui.statusbar.kernel.busy")
            }
            // Between two queued cells the kernel is idle for a moment; the notebook is still busy.
            let busy = kernel.state == .busy || kernel.isRunningCells
            return busy ? ("\(name) | busy", "ui.statusbar.kernel.busy") : ("\(name) | idle", "ui.statusbar.kernel.idle")
        case .dead(let reason): return ("\(name) | dead (\(reason))", "ui.statusbar.kernel.dead")
        case .shutDown: return ("\(name) | shut down", "ui.statusbar.kernel.dead")
        }
    }
}
