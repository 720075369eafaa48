import EditorCore
import EditorUI
import Foundation
import TermCore

/// Terminal panes in the event loop: each running pane's pty master joins the poll set; a readable
/// pty is read (a bounded amount per turn, so keys and frames keep their turn during a flood) and
/// the app redraws at the driver's frame pace. Ended and closed panes leave the poll set.
extension AppRunner {
    /// Brings the poll set in line with the open terminals and does their housekeeping; writes text
    /// copied in a terminal's copy mode to the outer terminal's clipboard (OSC 52).
    func syncTerminals() {
        let app = driver.app
        for text in app.serviceTerminals() {
            if let seq = OSC52.sequence(copying: text) {
                terminal.writeRaw(ProcessInfo.processInfo.environment["TMUX"] == nil ? seq : OSC52.tmuxPassthrough(seq))
            }
        }
        var wanted: [Int32: ObjectIdentifier] = [:]
        for pane in app.terminalPanes {
            pane.reap()
            guard pane.wantsRead else { continue }
            let fd = pane.session.fd
            wanted[fd] = ObjectIdentifier(pane)
            guard watchedTerminalFDs[fd] != ObjectIdentifier(pane) else { continue }
            loop.watch(fd) { [weak pane] _ in pane?.pump() }
        }
        for fd in watchedTerminalFDs.keys where wanted[fd] == nil { loop.unwatch(fd) }
        watchedTerminalFDs = wanted
    }
}
