import Glibc

/// A deliberate crash for end-to-end tests of the crash path: when `CALLISTO_TEST_CRASH` is set, the
/// F12 key (`ESC [ 24 ~`) read from the terminal crashes the process in the event loop, so a test
/// can check that the terminal is restored and recovery copies are written.
///
/// `CALLISTO_TEST_CRASH` names the kind: `trap` (or `1`; a Swift runtime trap, SIGILL/SIGTRAP),
/// `segv` (an invalid memory access), `abort` (SIGABRT), `fpe` (SIGFPE raised). Unset, nothing happens.
enum CrashTest {
    static let trigger: [UInt8] = Array("\u{1b}[24~".utf8)

    /// The kind asked for in `environment`, or nil.
    static func kind(_ environment: [String: String]) -> String? {
        guard let v = environment["CALLISTO_TEST_CRASH"], !v.isEmpty, v != "0" else { return nil }
        return v == "1" ? "trap" : v
    }

    /// Crashes as `kind` if `input` holds the trigger.
    static func check(_ input: [UInt8], kind: String?) {
        guard let kind, input.count >= trigger.count else { return }
        guard (0...(input.count - trigger.count)).contains(where: { Array(input[$0..<$0 + trigger.count]) == trigger }) else { return }
        switch kind {
        case "segv":
            let bad = UnsafeMutablePointer<Int>(bitPattern: 16)
            bad?.pointee = 1
        case "abort": abort()
        case "fpe": raise(SIGFPE)
        default: break
        }
        fatalError("CALLISTO_TEST_CRASH: deliberate crash")
    }
}
