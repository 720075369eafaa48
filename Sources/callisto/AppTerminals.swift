import Foundation
import TermCore

/// Where the real terminal and signal pipe come from.
enum AppTerminals {
    static func make(mouse: Bool, extendedKeys: Bool) throws -> any AppTerminal {
        throw TerminalError("this build has no terminal backend")
    }

    static func signals() throws -> any AppSignalSource {
        throw TerminalError("this build has no signal pipe")
    }
}
