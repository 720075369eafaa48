// callisto-termtest: the small program the CursesBackend end-to-end tests run under tmux. It draws a
// frame (wide characters, colours, a box), lists the decoded events, and exercises resize, suspend
// (Ctrl+Z), termination signals and a crash (F12). Ctrl+Q quits.
import Foundation
import Glibc
import TermCore
import CursesBackend

@MainActor
final class TermTest {
    let backend: CursesBackend
    let signals: SignalPipe
    let screen: Screen
    var decoder = InputDecoder()
    var log: [String] = []
    var resumes = 0
    var resizes = 0

    init() throws {
        backend = try CursesBackend()
        signals = try SignalPipe()
        screen = Screen(backend: backend)
    }

    func describe(_ event: Event) -> String {
        switch event {
        case let .key(k): return "key \(k)"
        case let .paste(s): return "paste \(s.debugDescription)"
        case let .mouse(m): return "mouse \(m.kind) \(m.position.x),\(m.position.y)\(m.modifiers.isEmpty ? "" : " mods")"
        case let .focus(f): return "focus \(f ? "in" : "out")"
        case let .resize(s): return "resize \(s)"
        case let .report(r): return "report \(r)"
        }
    }

    func render() {
        var frame = screen.makeFrame()
        let size = frame.size
        frame.draw("termtest \(size) resumes=\(resumes) resizes=\(resizes)",
                   at: .zero, style: Style(attributes: .bold))
        frame.draw(Line([Span("日本語", style: Style(foreground: .indexed(196), background: .indexed(21))),
                         Span(" 😀 "), Span("é", style: Style(attributes: .underline)),
                         Span(" orange", style: Style(foreground: .rgb(255, 135, 0)))]), at: Point(x: 0, y: 1))
        let box = Rect(x: 0, y: 2, width: size.width, height: max(0, size.height - 2))
        let inner = frame.drawBox(box, border: .single, style: Style(foreground: .indexed(6)), title: Line("events pid=\(getpid()) depth=\(backend.capabilities.colorDepth) "))
        let shown = log.suffix(max(0, inner.height))
        frame.draw(Text(shown.map { Line($0) }), in: inner)
        screen.present(frame)
    }

    func handle(_ event: Event) {
        if case let .key(k) = event {
            if k == Key.ctrl("q") { finish(status: 0, message: "termtest: quit") }
            if k == Key(.function(12)) { fatalError("termtest: crash requested") }
            if k == Key.ctrl("z") {
                backend.suspend()
                backend.resume()
                resumes += 1
                screen.invalidate()
                log.append("resumed")
                return
            }
        }
        // Answers to the backend's own queries (device attributes from tmux) are not input.
        if case let .report(report) = event {
            _ = backend.apply(report)
            return
        }
        log.append(describe(event))
    }

    func finish(status: Int32, message: String) -> Never {
        backend.leave()
        print(message)
        exit(status)
    }

    func handleSignals() {
        for sig in signals.drain() {
            switch sig {
            case SIGWINCH:
                let size = backend.handleResize()
                resizes += 1
                screen.invalidate()
                handle(.resize(size))
            case SIGTERM, SIGHUP, SIGINT:
                finish(status: 128 + sig, message: "termtest: signal \(sig)")
            case SIGTSTP:
                backend.suspend()
                backend.resume()
                resumes += 1
                screen.invalidate()
            case SIGCONT:
                backend.resume()
                screen.invalidate()
            default:
                break
            }
        }
    }

    func run() throws -> Never {
        try backend.enter()
        render()
        while true {
            var fds = [pollfd(fd: backend.inputFD, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: signals.readFD, events: Int16(POLLIN), revents: 0)]
            let timeout = decoder.milliseconds(untilDeadlineFrom: .now).map { Int32(clamping: $0) } ?? -1
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno != EINTR { finish(status: 1, message: "termtest: poll failed") }
            if fds[1].revents != 0 { handleSignals() }
            if fds[0].revents & Int16(POLLHUP | POLLERR) != 0 { finish(status: 1, message: "termtest: terminal gone") }
            if fds[0].revents & Int16(POLLIN) != 0 {
                let bytes = backend.readInput()
                for event in decoder.feed(bytes, now: .now) { handle(event) }
            }
            for event in decoder.resolve(now: .now) { handle(event) }
            render()
        }
    }
}

do {
    try TermTest().run()
} catch {
    FileHandle.standardError.write(Data("callisto-termtest: \(error)\n".utf8))
    exit(1)
}
