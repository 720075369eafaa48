import Foundation

/// Callisto's folder for state that outlives a run (recovery copies, saved workspaces):
/// `$XDG_STATE_HOME/callisto`, else `$HOME/.local/state/callisto`.
public enum StateDirectory {
    /// The folder `name` inside Callisto's state folder, from `environment`.
    public static func path(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".local/state")
        return (state as NSString).appendingPathComponent("callisto/\(name)")
    }

    /// A stable 64-bit FNV-1a hash of `text`'s UTF-8 bytes as 16 hex digits, to name a file after a
    /// path (Swift's `Hasher` is seeded per process, so it cannot).
    public static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
