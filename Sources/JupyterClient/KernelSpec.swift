import Foundation
import JupyterProtocol

/// A kernelspec: how to start a kernel (`kernel.json` in a `kernels/NAME` directory).
public struct KernelSpec: Sendable, Equatable {
    /// The kernel name: its directory's name, lower-cased.
    public var name: String
    /// The directory holding `kernel.json` (`{resource_dir}`).
    public var resourceDirectory: String
    /// The command line, with `{connection_file}` and other placeholders.
    public var argv: [String]
    /// Name shown to users.
    public var displayName: String
    /// The language (`python`, `bash`, …).
    public var language: String
    /// `signal` (default) or `message`.
    public var interruptMode: String
    /// Environment additions, with `$NAME` / `${NAME}` references.
    public var env: [String: String]
    /// Free-form metadata.
    public var metadata: MessageJSON
    /// Declared protocol version (`""` when absent).
    public var kernelProtocolVersion: String

    /// Whether interrupts are sent as `interrupt_request` messages rather than SIGINT.
    public var interruptsByMessage: Bool { interruptMode.lowercased() == "message" }

    /// Reads `kernel.json` from `directory`; the name is the directory's name lower-cased.
    public static func load(directory: String) throws -> KernelSpec {
        let path = directory + "/kernel.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KernelError.invalidFile(path: path, reason: "cannot be read")
        }
        let json: MessageJSON
        do { json = try MessageJSONParser.parse(data) } catch {
            throw KernelError.invalidFile(path: path, reason: error.description)
        }
        guard case .object = json else { throw KernelError.invalidFile(path: path, reason: "not a JSON object") }
        guard let argvValues = json["argv"]?.arrayValue else {
            throw KernelError.invalidFile(path: path, reason: "no argv list")
        }
        let argv = argvValues.compactMap(\.stringValue)
        guard argv.count == argvValues.count, !argv.isEmpty else {
            throw KernelError.invalidFile(path: path, reason: "argv must be a non-empty list of strings")
        }
        var env: [String: String] = [:]
        for (k, v) in json["env"]?.objectValue ?? [:] { if let s = v.stringValue { env[k] = s } }
        let name = (directory as NSString).lastPathComponent.lowercased()
        return KernelSpec(name: name, resourceDirectory: directory, argv: argv,
                          displayName: json["display_name"]?.stringValue ?? "",
                          language: json["language"]?.stringValue ?? "",
                          interruptMode: json["interrupt_mode"]?.stringValue ?? "signal",
                          env: env, metadata: json["metadata"] ?? .object([:]),
                          kernelProtocolVersion: json["kernel_protocol_version"]?.stringValue ?? "")
    }

    /// The spec as `jupyter kernelspec list --json` shows it.
    public var json: MessageJSON {
        .object([
            "argv": .array(argv.map(MessageJSON.string)),
            "env": .object(env.mapValues(MessageJSON.string)),
            "display_name": .string(displayName),
            "language": .string(language),
            "interrupt_mode": .string(interruptMode),
            "metadata": metadata,
            "kernel_protocol_version": .string(kernelProtocolVersion),
        ])
    }
}
