import Foundation

/// A private tmux server running one command at a fixed size, for end-to-end tests of the real binary.
///
/// The server is isolated (`tmux -L <unique> -f /dev/null`) and configured before the command starts:
/// `remain-on-exit` (so exit state can be inspected), `default-terminal` (the `TERM` the program sees),
/// extended keys, and `LC_ALL`. Read the screen with `capture()`, wait for it with `waitFor`, which polls
/// every 20 ms until a condition holds or a deadline passes. `close()` (also run on deinit) kills the
/// server and every process that ran in its panes.
public final class TmuxSession: @unchecked Sendable {
    /// A tmux command that failed, or a condition that did not hold in time.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let socketName: String
    public private(set) var isClosed = false
    private var panePIDs: Set<Int32> = []

    /// Whether tmux can be run here.
    public static var isAvailable: Bool {
        (try? spawn(["tmux", "-V"]).0) == 0
    }

    /// Starts `command` (run by `sh -c`) in a new server with a `width`×`height` window.
    public init(command: String, width: Int = 80, height: Int = 24, term: String = "tmux-256color",
                locale: String = "C.UTF-8", environment: [String: String] = [:]) throws {
        socketName = "callisto-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var args = ["start-server", ";", "set", "-s", "exit-empty", "off", ";", "set", "-g", "remain-on-exit", "on", ";",
                    "set", "-g", "default-terminal", term, ";", "set", "-s", "extended-keys", "on", ";",
                    "set", "-s", "escape-time", "0", ";",
                    "new-session", "-d", "-s", "main", "-x", String(width), "-y", String(height), "-e", "LC_ALL=\(locale)"]
        for (k, v) in environment.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(k)=\(v)"] }
        args.append(command)
        try tmux(args)
        rememberPanes()
    }

    deinit { close() }

    /// Runs a tmux command against this server; returns its standard output.
    @discardableResult
    public func tmux(_ arguments: [String]) throws -> String {
        let (status, out, err) = try Self.spawn(["tmux", "-u", "-L", socketName, "-f", "/dev/null"] + arguments)
        guard status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed (\(status)): \(err)")
        }
        return out
    }

    /// Runs a program found on PATH with LC_ALL=C.UTF-8, output to temporary files, and waits for it.
    /// (tmux forks its server from the first client, so pipes and Foundation's Process are avoided.)
    static func spawn(_ argv: [String]) throws -> (Int32, String, String) {
        let dir = FileManager.default.temporaryDirectory
        let outURL = dir.appendingPathComponent("tmux-out-\(UUID().uuidString)")
        let errURL = dir.appendingPathComponent("tmux-err-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outURL); try? FileManager.default.removeItem(at: errURL) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // The server passes its environment to every pane: keep it minimal and predictable.
        let inherited = ProcessInfo.processInfo.environment
        var env = ["LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PATH": inherited["PATH"] ?? "/usr/bin:/bin"]
        for key in ["HOME", "USER", "TMPDIR"] { if let v = inherited[key] { env[key] = v } }
        // Saved workspaces and recovery copies of one server never leak into another test (a test
        // may still name its own folder on the command line).
        if let i = argv.firstIndex(of: "-L"), i + 1 < argv.count {
            env["XDG_STATE_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("callisto-state-" + argv[i + 1]).path
        }
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
        // Test threads run with signals blocked; the server and its panes must not inherit that.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        sigdelset(&allSignals, SIGKILL)
        sigdelset(&allSignals, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, argv[0], &actions, &attributes, cArgs, cEnv)
        guard rc == 0 else { throw Failure(description: "cannot run \(argv[0]): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        let exited = status & 0x7F == 0
        return (exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), out, err)
    }

    /// Sends keys by tmux name (`Enter`, `C-e`, `M-x`, `Up`, `F5`) or as plain words.
    public func sendKeys(_ keys: String...) throws { try tmux(["send-keys", "-t", "main"] + keys) }

    /// Sends `text` literally, character by character (escape characters included).
    public func sendLiteral(_ text: String) throws { try tmux(["send-keys", "-t", "main", "-l", text]) }

    /// Pastes `text` through a tmux buffer, bracketed when the program asked for bracketed paste.
    public func paste(_ text: String) throws {
        try tmux(["set-buffer", "-b", "callisto-test", text])
        try tmux(["paste-buffer", "-p", "-d", "-b", "callisto-test", "-t", "main"])
    }

    /// The visible screen, one line per row; with `escapes`, including SGR sequences (`capture-pane -e`).
    public func capture(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "main"] + (escapes ? ["-e"] : []))
    }

    /// A tmux format evaluated for the pane (`#{alternate_on}`, `#{cursor_flag}`, `#{pane_dead}` …).
    public func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "main", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pid of the pane's first process.
    public func panePID() throws -> Int32 { Int32(try display("#{pane_pid}")) ?? -1 }

    /// Resizes the window.
    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", String(width), "-y", String(height)])
    }

    /// Polls every 20 ms until `condition` holds for the captured screen; returns that screen. Throws
    /// with the last screen when `timeout` passes.
    @discardableResult
    public func waitFor(timeout: TimeInterval = 10, escapes: Bool = false, _ what: String = "condition",
                        _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        repeat {
            last = (try? capture(escapes: escapes)) ?? last
            if condition(last) { return last }
            usleep(20_000)
        } while Date() < deadline
        throw Failure(description: "timed out after \(timeout)s waiting for \(what); screen:\n\(last)")
    }

    /// Polls every 20 ms until `condition` holds; throws after `timeout`.
    public func waitUntil(timeout: TimeInterval = 10, _ what: String = "condition", _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if (try? condition()) == true { return }
            usleep(20_000)
        } while Date() < deadline
        throw Failure(description: "timed out after \(timeout)s waiting for \(what)")
    }

    private func rememberPanes() {
        guard let out = try? tmux(["list-panes", "-a", "-F", "#{pane_pid}"]) else { return }
        for line in out.split(separator: "\n") { if let pid = Int32(line) { panePIDs.insert(pid) } }
    }

    /// Kills the server and every process started in it (and their process groups).
    public func close() {
        guard !isClosed else { return }
        rememberPanes()
        isClosed = true
        _ = try? Self.spawn(["tmux", "-L", socketName, "-f", "/dev/null", "kill-server"])
        for pid in panePIDs {
            for member in Self.sessionMembers(pid) { kill(member, SIGKILL) }
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
        }
        try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appendingPathComponent("callisto-state-" + socketName))
    }

    /// Processes whose session is `sid` (a pane's shell and the jobs it started), from /proc.
    static func sessionMembers(_ sid: Int32) -> [Int32] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { name -> Int32? in
            guard let pid = Int32(name), let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 3 && Int32(fields[3]) == sid ? pid : nil
        }
    }
}
