import Foundation
import TestSupport

/// A temporary home for end-to-end runs of the real binary: its own configuration (side panel
/// hidden, `/bin/sh` in terminals), its own state folder (saved workspaces, recovery copies) and a
/// working folder `work` that callisto starts in.
struct TmuxHome {
    let root: URL
    /// The folder callisto runs in.
    var dir: String { root.appendingPathComponent("work").path }
    /// `$XDG_STATE_HOME`.
    var state: String { root.appendingPathComponent("state").path }

    init(_ prefix: String) throws {
        root = try ProjectPaths.makeTemporaryDirectory(prefix)
        let config = root.appendingPathComponent("config/callisto")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "[ui]\nside-panel = false\n[terminal]\nshell = \"/bin/sh\"\n".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: root.appendingPathComponent("work").path, withIntermediateDirectories: true)
    }

    /// `callisto ARGS` in the working folder; the pane's shell stays after it exits and prints
    /// `callisto-exit=STATUS`.
    func start(_ args: String = "", width: Int = 120, height: Int = 30) throws -> TmuxSession {
        let env = ["XDG_CONFIG_HOME": root.appendingPathComponent("config").path, "XDG_STATE_HOME": state]
        return try TmuxSession(command: "cd '\(dir)' && \(WorkspaceTmuxTests.callisto) \(args); echo callisto-exit=$?; sleep 600",
                               width: width, height: height, environment: env)
    }

    /// Removes the folder.
    func remove() { try? FileManager.default.removeItem(at: root) }
}
