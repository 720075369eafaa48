import CursesBackend
import Foundation
import TermCore

extension CursesBackend: AppTerminal {}
extension SignalPipe: AppSignalSource {}

/// Where the real terminal and signal pipe come from: the ncurses backend on the process's terminal.
enum AppTerminals {
    static func make(mouse: Bool, extendedKeys: Bool, images: String) throws -> any AppTerminal {
        try CursesBackend(mouse: mouse, extendedKeys: extendedKeys, graphics: GraphicsChoice(rawValue: images) ?? .auto)
    }

    /// Runs `hook` (async-signal-safe) when the process crashes, after the terminal is restored.
    static func onCrash(_ hook: @escaping @convention(c) () -> Void) {
        TerminalGuard.setCrashHook(hook)
    }

    static func signals() throws -> any AppSignalSource {
        try SignalPipe()
    }
}
