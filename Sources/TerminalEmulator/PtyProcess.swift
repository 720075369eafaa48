internal import CVTerm
import Foundation
import TermCore

/// A child process on its own pty: its own session with the pty as controlling terminal, a
/// non-blocking master fd for the event loop to poll, reads that never block, writes that queue when
/// the pty is full, resizes that reach the child as SIGWINCH, exit detection, and a hang-up on
/// `close()` that leaves no process of the session behind.
///
/// Not thread-safe: use it from the event loop's thread. The loop owns signal handling: on SIGCHLD
/// (or when a read reports the end) it calls `reap()`.
public final class PtyProcess {
    /// What a read found.
    public enum ReadResult: Hashable, Sendable {
        /// This many bytes were read.
        case data(Int)
        /// Nothing available now.
        case wouldBlock
        /// The slave side is closed: every process holding the pty is gone.
        case endOfFile
    }

    /// The child's pid, which is also its session and process-group id.
    public let pid: Int32
    /// The master side; -1 once closed.
    public private(set) var fd: Int32
    /// How the child ended, once reaped.
    public private(set) var exit: ProcessExit?
    /// Whether the master reported the end of the slave side.
    public private(set) var reachedEnd = false
    private var output = OutputQueue()

    /// Starts `command` on a new pty of `size`.
    public init(_ command: PtyCommand, size: Size) throws(PtyError) {
        guard let path = command.resolvedExecutable else { throw .executableNotFound(command.executable) }
        if let dir = command.workingDirectory {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
                throw .workingDirectoryMissing(dir)
            }
        }
        // Everything the child needs is built before fork: it may only call execve and _exit.
        let argv0 = command.argv0 ?? (path as NSString).lastPathComponent
        let argv = CStringArray([argv0] + command.arguments)
        let envp = CStringArray(command.terminalEnvironment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        var master: Int32 = -1
        let rows = UInt16(clamping: max(1, size.height)), cols = UInt16(clamping: max(1, size.width))
        let child: pid_t = path.withCString { cPath in
            if let dir = command.workingDirectory {
                return dir.withCString { cvt_spawn_on_pty(&master, rows, cols, cPath, argv.pointers, envp.pointers, $0) }
            }
            return cvt_spawn_on_pty(&master, rows, cols, cPath, argv.pointers, envp.pointers, nil)
        }
        guard child > 0 else { throw .spawnFailed(errno: cvt_errno()) }
        pid = child
        fd = master
        _ = cvt_set_nonblocking_cloexec(master)
    }

    deinit { close(grace: .milliseconds(200)) }

    /// Whether the child has not been reaped yet.
    public var isRunning: Bool { exit == nil }

    // MARK: - Reading and writing

    /// Reads what is available into `buffer` without blocking.
    public func read(into buffer: UnsafeMutableRawBufferPointer) -> ReadResult {
        guard fd >= 0, !reachedEnd else { return .endOfFile }
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n > 0 { return .data(n) }
            if n == 0 { reachedEnd = true; output.removeAll(); return .endOfFile }
            let e = cvt_errno()
            if e == EINTR { continue }
            if e == EAGAIN || e == EWOULDBLOCK { return .wouldBlock }
            // Linux reports EIO once no process holds the slave side open.
            reachedEnd = true
            output.removeAll()
            _ = reap()
            return .endOfFile
        }
    }

    /// Writes `bytes` to the child, queueing what the pty cannot take now. Dropped once the child
    /// side of the pty is gone.
    public func write(_ bytes: UnsafeRawBufferPointer) {
        guard fd >= 0, !reachedEnd, !bytes.isEmpty else { return }
        output.append(bytes)
        flush()
    }

    /// Writes `bytes` to the child.
    public func write(_ bytes: [UInt8]) { bytes.withUnsafeBytes { write($0) } }

    /// Whether output is queued: the loop should poll the fd for writability.
    public var hasPendingOutput: Bool { !output.isEmpty }

    /// Bytes dropped because the child stopped reading and the queue reached its limit.
    public var droppedOutput: Int { output.dropped }

    /// Writes queued output as far as the pty takes it; returns whether the queue is empty. When the
    /// pty refuses for good (the child side is gone), the queue is dropped so nobody polls for it.
    @discardableResult
    public func flush() -> Bool {
        guard fd >= 0, !reachedEnd else { output.removeAll(); return true }
        let fd = self.fd
        var broken = false
        let empty = output.drain { chunk in
            while true {
                let n = Glibc.write(fd, chunk.baseAddress, chunk.count)
                if n >= 0 { return n }
                let e = cvt_errno()
                if e == EINTR { continue }
                if e != EAGAIN && e != EWOULDBLOCK { broken = true }
                return nil
            }
        }
        if broken { output.removeAll() }
        return empty || broken
    }

    // MARK: - Size and lifetime

    /// Tells the pty its new size; the kernel sends SIGWINCH to the foreground process group.
    public func resize(_ size: Size) {
        guard fd >= 0 else { return }
        _ = cvt_set_winsize(fd, UInt16(clamping: max(1, size.height)), UInt16(clamping: max(1, size.width)))
    }

    /// Collects the child's exit status if it has ended (never blocks). Call on SIGCHLD.
    @discardableResult
    public func reap() -> ProcessExit? {
        if let exit { return exit }
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        guard r == pid else { return nil }
        exit = PtyProcess.decode(status)
        return exit
    }

    static func decode(_ status: Int32) -> ProcessExit {
        if cvt_wifsignaled(status) { return .signaled(cvt_wtermsig(status)) }
        return .exited(cvt_wexitstatus(status))
    }

    /// Hangs up: SIGHUP (and SIGCONT, so stopped jobs see it) to every process group of the child's
    /// session, closes the master, waits up to `grace` for them to go, then SIGKILLs what is left and
    /// reaps the child. Safe to call more than once.
    public func close(grace: Duration = .milliseconds(500)) {
        let wasOpen = fd >= 0
        if fd >= 0 {
            Glibc.close(fd)
            fd = -1
        }
        output.removeAll()
        guard wasOpen || exit == nil else { return }
        SessionSignaller(session: pid).hangUp(grace: grace)
        if exit == nil {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && cvt_errno() == EINTR {}
            exit = PtyProcess.decode(status)
        }
    }
}

/// A NULL-terminated array of C strings, allocated before fork and freed when released.
final class CStringArray {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private let count: Int

    init(_ strings: [String]) {
        count = strings.count
        pointers = .allocate(capacity: strings.count + 1)
        for (i, s) in strings.enumerated() { pointers[i] = strdup(s) }
        pointers[strings.count] = nil
    }

    deinit {
        for i in 0..<count { free(pointers[i]) }
        pointers.deallocate()
    }
}
