import Foundation
import TermCore
import TerminalEmulator

/// `callisto-bench terminal [--command CMD] [--marker TEXT] [--repeat N] [--size COLSxROWS]`: runs CMD
/// (a `/bin/sh -c` script) in a TerminalSession driven like the event loop does it (poll, bounded
/// reads, a frame rendered at most every 16 ms) until the child has exited, all output is read and
/// MARKER is on screen. Prints JSON: seconds per run, bytes read, frames.
enum TerminalBench {
    static func run(_ args: [String]) {
        var command = "yes | head -n 2000000; echo DONE-MARK"
        var marker = "DONE-MARK"
        var repeats = 3
        var size = Size(width: 80, height: 24)
        var i = 0
        while i < args.count {
            let value = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--command": command = value
            case "--marker": marker = value
            case "--repeat": repeats = max(1, Int(value) ?? 3)
            case "--feed-lines":
                feedOnly(lines: Int(value) ?? 2_000_000, size: size)
                return
            case "--size":
                let parts = value.split(separator: "x").compactMap { Int($0) }
                if parts.count == 2 { size = Size(width: parts[0], height: parts[1]) }
            default:
                FileHandle.standardError.write(Data("terminal: unknown argument \(args[i])\n".utf8))
                exit(2)
            }
            i += 2
        }
        var seconds: [Double] = []
        var bytes = 0, frames = 0
        for _ in 0..<repeats {
            let r = once(command: command, marker: marker, size: size)
            seconds.append(r.seconds)
            bytes = r.bytes
            frames = r.frames
        }
        let json: [String: Any] = ["area": "terminal", "command": command, "seconds": seconds, "bytes": bytes,
                                   "frames_last_run": frames]
        let data = try! JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    /// The emulator alone: `lines` lines of "y" fed straight into a TerminalScreen in 4 KiB chunks.
    static func feedOnly(lines: Int, size: Size) {
        let screen = TerminalScreen(size: size)
        let chunk = [UInt8](repeating: 0, count: 4096 / 3 * 3).enumerated().map { i, _ in [UInt8(ascii: "y"), 13, 10][i % 3] }
        let clock = ContinuousClock()
        let start = clock.now
        var fed = 0
        while fed < lines * 3 {
            chunk.withUnsafeBytes { screen.feed($0) }
            fed += chunk.count
        }
        screen.refresh()
        let elapsed = clock.now - start
        let s = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("{\"area\":\"terminal-feed\",\"bytes\":\(fed),\"seconds\":\(s)}")
    }

    static func once(command: String, marker: String, size: Size) -> (seconds: Double, bytes: Int, frames: Int) {
        let clock = ContinuousClock()
        let start = clock.now
        let session: TerminalSession
        do { session = try TerminalSession(command: .script(command), size: size) } catch {
            FileHandle.standardError.write(Data("terminal: \(error)\n".utf8))
            exit(1)
        }
        var buffer = CellBuffer(size: size)
        var lastFrame = start
        var bytes = 0, frames = 0
        while true {
            var pfd = pollfd(fd: session.fd, events: session.pollEvents, revents: 0)
            if pfd.fd >= 0, pfd.events != 0 {
                if poll(&pfd, 1, 16) > 0 {
                    if pfd.revents & Int16(POLLOUT) != 0 { session.handleWritable() }
                    if pfd.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 { bytes += session.handleReadable() }
                }
            } else {
                _ = poll(nil, 0, 1)
            }
            session.reapChild()
            let now = clock.now
            if session.needsRender, now - lastFrame >= .milliseconds(16) {
                session.render(into: &buffer)
                frames += 1
                lastFrame = now
            }
            if session.isFinished {
                session.render(into: &buffer)
                frames += 1
                break
            }
        }
        let elapsed = clock.now - start
        if !session.visibleText.contains(where: { $0.contains(marker) }) {
            FileHandle.standardError.write(Data("terminal: marker \(marker) not on screen\n".utf8))
            exit(1)
        }
        session.close()
        let s = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (s, bytes, frames)
    }
}
