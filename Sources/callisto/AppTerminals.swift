import CursesBackend
import Foundation
import TermCore

extension CursesBackend: AppTerminal {}
extension SignalPipe: AppSignalSource {}

/// Where the real terminal and signal pipe come from: the ncurses backend on the process's terminal.
enum AppTerminals {
    static func make(mouse: Bool, extendedKeys: Bool) throws -> any AppTerminal {
        try CursesBackend(mouse: mouse, extendedKeys: extendedKeys)
    }

    static func signals() throws -> any AppSignalSource {
        try SignalPipe()
    }
}
