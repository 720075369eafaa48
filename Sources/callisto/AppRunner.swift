import EditorCore
import EditorUI
import Foundation
import TermCore
#if canImport(Glibc)
import Glibc
#endif

/// Runs the workspace on a real terminal: the event loop of DESIGN §3. Each turn runs what is due
/// (a pending Escape, message timeouts, what the kernels sent), draws a frame if something changed
/// (coalesced to ~60 per second), then sleeps in `zmq_poll` over the terminal, the signal pipe, the
/// ptys and the kernels' sockets until input, a signal or the next deadline.
final class AppRunner {
    let terminal: any AppTerminal
    let signals: any AppSignalSource
    let driver: AppDriver
    let loop = EventLoop()
    private var exitStatus: Int32 = 0
    private var stop = false
    var watchedTerminalFDs: [Int32: ObjectIdentifier] = [:]

    init(terminal: any AppTerminal, signals: any AppSignalSource, app: WorkspaceApp, escapeTimeout: Duration) {
        self.terminal = terminal
        self.signals = signals
        driver = AppDriver(app: app, backend: terminal, escapeTimeout: escapeTimeout)
        driver.perform = { [weak self] request in self?.perform(request) }
    }

    /// Takes over the terminal, runs until the app quits or a termination signal, and gives the
    /// terminal back. Returns the exit status.
    func run() throws -> Int32 {
        try terminal.enter()
        defer { terminal.leave() }
        defer { driver.app.shutDownTerminals() }
        // Kernels Callisto started go on every exit path (quit, SIGTERM, SIGHUP, a lost terminal).
        defer { driver.app.shutDownKernels() }
        loop.sockets = { [unowned self] in driver.app.kernels.pollDescriptors }
        driver.app.update(capabilities: terminal.capabilities)
        driver.app.resize(to: terminal.size)
        loop.watch(terminal.inputFD) { [unowned self] readiness in
            let bytes = terminal.readInput()
            if readiness == .hangup && bytes.isEmpty {
                // The terminal went away (SSH dropped): nothing can be shown any more.
                stop = true
                exitStatus = 129
                return
            }
            driver.receive(bytes, now: .now)
        }
        loop.watch(signals.readFD) { [unowned self] _ in
            for sig in signals.drain() { handle(signal: sig) }
        }
        while !stop && !driver.app.shouldQuit {
            let now = ContinuousClock.now
            driver.tick(now: now)
            syncTerminals()
            driver.renderIfDue(now: now)
            if stop || driver.app.shouldQuit { break }
            loop.turn(until: driver.nextDeadline())
        }
        // On quit, hang-up and termination alike, before the terminals are hung up.
        driver.app.saveWorkspace()
        return exitStatus
    }

    private func handle(signal sig: Int32) {
        switch sig {
        case SIGWINCH:
            driver.send(.resize(terminal.handleResize()), now: .now)
        case SIGTERM, SIGHUP, SIGINT:
            // Modified notebooks are kept in the recovery folder, offered back at the next start.
            driver.app.writeRecoveryCopies()
            stop = true
            exitStatus = 128 + sig
        case SIGCHLD:
            driver.app.checkKernelProcesses()
        case SIGTSTP:
            suspend()
        case SIGCONT:
            terminal.resume()
            driver.send(.resize(terminal.handleResize()), now: .now)
        default:
            break
        }
    }

    private func suspend() {
        terminal.suspend()
        terminal.resume()
        driver.send(.resize(terminal.handleResize()), now: .now)
    }

    /// Leaves the screen, runs `argv` on the terminal until it exits, takes the screen back.
    private func runProgram(_ argv: [String]) {
        terminal.leave()
        var status: Int32 = 127
        if let first = argv.first {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: first)
            process.arguments = Array(argv.dropFirst())
            if (try? process.run()) != nil {
                process.waitUntilExit()
                status = process.terminationStatus
            }
        }
        terminal.resume()
        driver.send(.resize(terminal.handleResize()), now: .now)
        driver.app.programFinished(status: status)
    }

    private func perform(_ request: WorkspaceApp.Request) {
        switch request {
        case .suspend: suspend()
        case let .mouse(on):
            // SGR mouse reports with button motion, as the backend asks for on enter.
            terminal.writeRaw(on ? "\u{1b}[?1000h\u{1b}[?1002h\u{1b}[?1006h" : "\u{1b}[?1006l\u{1b}[?1002l\u{1b}[?1000l")
            terminal.flush()
        case .redraw: break
        case let .runProgram(argv): runProgram(argv)
        }
    }
}
