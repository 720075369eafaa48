import Foundation
import Testing
import TestSupport
@testable import JupyterClient

/// Launch options for test kernels: the venv's kernelspecs, a private runtime directory, kernel
/// output in a log file.
enum TestKernels {
    static func options(directory: String? = nil) -> KernelLaunchOptions {
        var env = ProcessInfo.processInfo.environment
        env["JUPYTER_PATH"] = ProjectPaths.venvJupyterPath.path
        env["JUPYTER_RUNTIME_DIR"] = runtimeDirectory
        env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
        return KernelLaunchOptions(directory: directory, output: .file(runtimeDirectory + "/kernels.log"),
                                   paths: JupyterPaths(environment: env))
    }

    static let runtimeDirectory: String = {
        let dir = NSTemporaryDirectory() + "callisto-kernel-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }()

    /// A started, ready kernel.
    static func start(_ name: String = "python3") throws -> KernelManager {
        let manager = try KernelManager(kernelName: name, options: options())
        do { try manager.client.waitUntilReady(timeout: 60) } catch {
            manager.shutdown()
            throw error
        }
        return manager
    }
}

/// One kernel shared by the tests of a serialized suite, shut down when the suite ends.
final class SharedKernel: @unchecked Sendable {
    @TaskLocal static var current: SharedKernel?
    let manager: KernelManager

    init(_ name: String) throws { manager = try TestKernels.start(name) }

    var client: KernelClient { manager.client }

    static func require() throws -> SharedKernel { try #require(current, "suite needs the .sharedKernel trait") }
}

/// Gives a suite one kernel for all its tests.
struct SharedKernelTrait: SuiteTrait, TestScoping {
    let name: String
    var isRecursive: Bool { false }

    func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        let kernel = try SharedKernel(name)
        defer { kernel.manager.shutdown() }
        try await SharedKernel.$current.withValue(kernel) { try await function() }
    }
}

extension Trait where Self == SharedKernelTrait {
    static func sharedKernel(_ name: String = "python3") -> SharedKernelTrait { SharedKernelTrait(name: name) }
}

extension Execution {
    /// All stream text of one stream name.
    func streamText(_ name: String = "stdout") -> String {
        outputs.outputs.filter { $0.kind == .stream && $0.name == name }.map(\.text).joined()
    }
}
