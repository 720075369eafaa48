import Foundation

/// The result of running a program to completion.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: Data
    public var stderr: Data
    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs programs for tests: arguments, optional standard input, extra environment, a deadline.
public enum ProcessRunner {
    /// Runs `executable` with `arguments` and waits for it; output is collected without deadlocking on full pipes.
    @discardableResult
    public static func run(_ executable: URL, _ arguments: [String], stdin: Data? = nil,
                           environment: [String: String] = [:], currentDirectory: URL? = nil,
                           timeout: TimeInterval = 120) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        let collected = Collected()
        let group = DispatchGroup()
        for (pipe, isOut) in [(outPipe, true), (errPipe, false)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(data, isOut: isOut)
                group.leave()
            }
        }
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        if let stdin { inPipe.fileHandleForWriting.write(stdin) }
        try? inPipe.fileHandleForWriting.close()
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
        }
        group.wait()
        return ProcessResult(status: process.terminationStatus, stdout: collected.out, stderr: collected.err)
    }

    /// Runs a Python snippet with the project's venv interpreter.
    @discardableResult
    public static func python(_ code: String, arguments: [String] = [], stdin: Data? = nil,
                              environment: [String: String] = [:], timeout: TimeInterval = 120) throws -> ProcessResult {
        try run(ProjectPaths.python, ["-c", code] + arguments, stdin: stdin, environment: environment, timeout: timeout)
    }

    /// Runs the built `callisto` binary.
    @discardableResult
    public static func callisto(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
                                currentDirectory: URL? = nil, timeout: TimeInterval = 120) throws -> ProcessResult {
        try run(ProjectPaths.callisto, arguments, stdin: stdin, environment: environment,
                currentDirectory: currentDirectory, timeout: timeout)
    }
}

private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var _out = Data(), _err = Data()
    func set(_ data: Data, isOut: Bool) {
        lock.lock(); defer { lock.unlock() }
        if isOut { _out = data } else { _err = data }
    }
    var out: Data { lock.lock(); defer { lock.unlock() }; return _out }
    var err: Data { lock.lock(); defer { lock.unlock() }; return _err }
}
