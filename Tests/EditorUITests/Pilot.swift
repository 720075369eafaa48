import EditorCore
import EditorUI
import Foundation
import TermCore

/// Drives the whole app headlessly: keys in keymap notation are encoded as terminal bytes, decoded by
/// the real `InputDecoder`, dispatched through the keymap, and the loop runs until idle on a virtual
/// clock (an Escape resolves at its deadline, messages expire) — no sleeps, no real time.
final class Pilot {
    let backend: MemoryBackend
    let driver: AppDriver
    private(set) var now: ContinuousClock.Instant
    var app: WorkspaceApp { driver.app }
    /// Requests the app made of the shell (suspend, mouse), in order.
    private(set) var performed: [WorkspaceApp.Request] = []

    /// The settings of a fresh install: shipped keymap and theme, default configuration.
    static func defaultSettings(config: String = "") -> EditorSettings {
        if config == Self.standardConfig { return standard }
        let locator = ResourceLocator(userDirectory: nil, installedDirectory: nil)
        let (configuration, diagnostics) = Configuration.parse(text: config, file: "config.toml")
        return EditorSettings.load(configuration: configuration, diagnostics: diagnostics, locator: locator)
    }

    /// The configuration most tests use: no side panel, so panes start at the left edge.
    static let standardConfig = "[ui]\nside-panel = false"
    static let standard: EditorSettings = {
        let (configuration, diagnostics) = Configuration.parse(text: standardConfig, file: "config.toml")
        return EditorSettings.load(configuration: configuration, diagnostics: diagnostics,
                                   locator: ResourceLocator(userDirectory: nil, installedDirectory: nil))
    }()

    init(width: Int = 80, height: Int = 24, paths: [String]? = [], config: String = Pilot.standardConfig,
         colorDepth: ColorDepth = .trueColor, settings: EditorSettings? = nil) {
        now = ContinuousClock.now
        backend = MemoryBackend(size: Size(width: width, height: height), capabilities: TerminalCapabilities(colorDepth: colorDepth))
        let app = WorkspaceApp(settings: settings ?? Self.defaultSettings(config: config), size: backend.size,
                               capabilities: backend.capabilities, now: now)
        driver = AppDriver(app: app, backend: backend)
        driver.perform = { [unowned self] in performed.append($0) }
        if let paths { app.openFiles(paths) }
        settle()
    }

    /// Presses keys written in notation, separated by spaces (`"<C-w> v"`, `"d d"`), each as its own
    /// read, then runs until idle.
    func press(_ notation: String) {
        guard let keys = Key.sequence(notation) else { fatalError("bad key notation \(notation)") }
        for key in keys {
            driver.receive(KeyBytes.encode(key), now: now)
            settle()
        }
    }

    /// Types text as plain keys.
    func type(_ text: String) {
        for ch in text {
            driver.receive(Array(String(ch).utf8), now: now)
        }
        settle()
    }

    /// Pastes text with bracketed paste.
    func paste(_ text: String) {
        driver.receive(Array("\u{1b}[200~\(text)\u{1b}[201~".utf8), now: now)
        settle()
    }

    /// Sends raw bytes (mouse reports).
    func send(_ bytes: String) {
        driver.receive(Array(bytes.utf8), now: now)
        settle()
    }

    /// A left click at (x, y) as an SGR mouse report.
    func click(_ x: Int, _ y: Int) { send("\u{1b}[<0;\(x + 1);\(y + 1)M\u{1b}[<0;\(x + 1);\(y + 1)m") }

    /// Resizes the terminal.
    func resize(_ width: Int, _ height: Int) {
        backend.resize(to: Size(width: width, height: height))
        driver.send(.resize(backend.size), now: now)
        settle()
    }

    /// Lets time pass on the virtual clock.
    func advance(_ d: Duration) {
        now = now.advanced(by: d)
        settle()
    }

    /// Runs the loop until nothing is due: each turn runs timers and draws if needed; when a deadline
    /// lies ahead, the virtual clock jumps to it. Deadlines beyond `horizon` (status message timeouts)
    /// are left for `advance` so tests can see messages.
    func settle(horizon: Duration = .milliseconds(100)) {
        for _ in 0..<1000 {
            driver.tick(now: now)
            driver.renderIfDue(now: now)
            guard let next = driver.nextDeadline() else { return }
            if next <= now { continue }
            if now.duration(to: next) > horizon { return }
            now = next
        }
        fatalError("the loop did not become idle")
    }

    /// The screen as rows of text.
    var rows: [String] { backend.screen.rowStrings }
    var screenText: String { rows.joined(separator: "\n") }
    func contains(_ text: String) -> Bool { screenText.contains(text) }
}
