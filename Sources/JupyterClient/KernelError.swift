import Foundation

/// What went wrong talking to or managing a kernel.
public enum KernelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No kernelspec of that name.
    case noSuchKernel(String, available: [String])
    /// A kernelspec, connection file or notebook could not be read.
    case invalidFile(path: String, reason: String)
    /// Starting the kernel process failed.
    case launchFailed(String)
    /// The kernel died (exit status or reason).
    case died(String)
    /// No answer in time.
    case timedOut(String)
    /// The transport failed.
    case transport(String)

    public var description: String {
        switch self {
        case .noSuchKernel(let name, let available):
            return "no kernel named '\(name)'" + (available.isEmpty ? " (no kernels found)" : " (available: \(available.joined(separator: ", ")))")
        case .invalidFile(let path, let reason): return "\(path): \(reason)"
        case .launchFailed(let reason): return "could not start the kernel: \(reason)"
        case .died(let reason): return "kernel died: \(reason)"
        case .timedOut(let what): return "timed out: \(what)"
        case .transport(let reason): return "transport error: \(reason)"
        }
    }
}
