import Foundation

/// What to run on a new pty: a program, its arguments, environment and working directory.
public struct PtyCommand: Hashable, Sendable {
    /// A path, or a name looked up in the environment's `PATH`.
    public var executable: String
    /// Arguments after `argv[0]`.
    public var arguments: [String]
    /// `argv[0]`; the executable's name when nil (`-bash` style names start a login shell).
    public var argv0: String?
    /// The environment before `terminalEnvironment` adjusts it.
    public var environment: [String: String]
    /// Where the child starts; the parent's directory when nil.
    public var workingDirectory: String?

    public init(executable: String, arguments: [String] = [], argv0: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment, workingDirectory: String? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.argv0 = argv0
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// The user's shell (`$SHELL`, else `/bin/sh`).
    public static func shell(environment: [String: String] = ProcessInfo.processInfo.environment,
                             workingDirectory: String? = nil) -> PtyCommand {
        let shell = environment["SHELL"].flatMap { $0.isEmpty ? nil : $0 } ?? "/bin/sh"
        let usable = FileManager.default.isExecutableFile(atPath: shell) ? shell : "/bin/sh"
        return PtyCommand(executable: usable, environment: environment, workingDirectory: workingDirectory)
    }

    /// `/bin/sh -c script`.
    public static func script(_ script: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                              workingDirectory: String? = nil) -> PtyCommand {
        PtyCommand(executable: "/bin/sh", arguments: ["-c", script], environment: environment,
                   workingDirectory: workingDirectory)
    }

    /// The environment the child gets: `TERM=xterm-256color` (what the emulator answers to),
    /// `COLORTERM=truecolor`, and no `LINES`/`COLUMNS`, which would override the pty's size.
    public var terminalEnvironment: [String: String] {
        var env = environment
        env["TERM"] = "xterm-256color"
        env["COLORTERM"] = "truecolor"
        env["LINES"] = nil
        env["COLUMNS"] = nil
        env["TERMCAP"] = nil
        return env
    }

    /// The absolute path to execute, or nil when the program is not found or not executable.
    public var resolvedExecutable: String? {
        let fm = FileManager.default
        if executable.contains("/") { return fm.isExecutableFile(atPath: executable) ? executable : nil }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/\(executable)"
            if fm.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
