import EditorCore
import TermCore

/// Drives a `WorkspaceApp` from terminal bytes and time, for the event loop and for tests: decodes
/// input (resolving a lone Escape at the decoder's deadline), hands events to the app, and draws a
/// frame when something changed, at most one per `frameInterval`. Time is always passed in, so a
/// test can run the loop on a virtual clock.
public final class AppDriver {
    public let app: WorkspaceApp
    public let screen: Screen
    public private(set) var decoder: InputDecoder
    /// The shortest time between two frames (about 60 per second).
    public var frameInterval: Duration = .milliseconds(16)
    private var lastFrame: ContinuousClock.Instant?
    /// Called for requests only the shell can perform (suspend, mouse modes).
    public var perform: (WorkspaceApp.Request) -> Void = { _ in }

    public init(app: WorkspaceApp, backend: any TerminalBackend, escapeTimeout: Duration = .milliseconds(25)) {
        self.app = app
        self.screen = Screen(backend: backend)
        self.decoder = InputDecoder(escapeTimeout: escapeTimeout)
    }

    /// Bytes read from the terminal at `now`.
    public func receive(_ bytes: [UInt8], now: ContinuousClock.Instant) {
        for event in decoder.feed(bytes, now: now) { dispatch(event, now: now) }
        takeRequests()
    }

    /// Terminal reports go to the backend (a new graphics mode redraws everything); the rest to the app.
    private func dispatch(_ event: Event, now: ContinuousClock.Instant) {
        guard case let .report(report) = event else {
            app.handle(event, now: now)
            return
        }
        if screen.backend.apply(report) {
            screen.invalidate()
            app.needsRender = true
        }
    }

    /// A decoded event (resize reports from the shell, tests).
    public func send(_ event: Event, now: ContinuousClock.Instant) {
        app.handle(event, now: now)
        if case .resize = event { screen.invalidate() }
        takeRequests()
    }

    /// Runs what is due at `now`: a pending Escape, the app's timers.
    public func tick(now: ContinuousClock.Instant) {
        for event in decoder.resolve(now: now) { dispatch(event, now: now) }
        app.tick(now: now)
        takeRequests()
    }

    /// When the loop must wake up next, or nil to sleep until input.
    public func nextDeadline() -> ContinuousClock.Instant? {
        var candidates = [decoder.deadline, app.nextDeadline].compactMap { $0 }
        if app.needsRender { candidates.append(lastFrame.map { $0.advanced(by: frameInterval) } ?? .now) }
        return candidates.min()
    }

    /// Draws a frame if something changed and the last frame is at least `frameInterval` old.
    @discardableResult
    public func renderIfDue(now: ContinuousClock.Instant) -> Bool {
        guard app.needsRender else { return false }
        if let last = lastFrame, now < last.advanced(by: frameInterval) { return false }
        renderNow(now: now)
        return true
    }

    /// Draws a frame now.
    public func renderNow(now: ContinuousClock.Instant) {
        var frame = screen.makeFrame()
        if frame.size != app.size { app.resize(to: frame.size) }
        let cursor = app.render(into: &frame)
        screen.present(frame, cursor: cursor)
        lastFrame = now
    }

    private func takeRequests() {
        for r in app.takeRequests() {
            if r == .redraw { screen.invalidate(); app.needsRender = true } else { perform(r) }
        }
    }
}
