import Foundation

/// Finds keymaps, themes and the configuration file: the user's folder first
/// (`$XDG_CONFIG_HOME/callisto/`, default `~/.config/callisto/`), then the installed copies next to
/// the binary (`../share/callisto/`), then the copies embedded in the binary at build time.
public struct ResourceLocator: Sendable {
    /// A kind of shipped file.
    public enum Kind: String, CaseIterable, Sendable {
        case keymap, theme
        /// The shipped folder (`Keymaps`, `Themes`).
        public var shippedFolder: String { self == .keymap ? "Keymaps" : "Themes" }
        /// The folder in the user's configuration directory (`keymaps`, `themes`).
        public var userFolder: String { self == .keymap ? "keymaps" : "themes" }
    }

    /// Where a file was found, from most to least preferred.
    public enum Origin: Int, Comparable, Sendable {
        case user, installed, builtin
        public static func < (lhs: Origin, rhs: Origin) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A found file's text and where it came from.
    public struct Resource: Sendable {
        public let name: String
        public let text: String
        /// A path, or `<builtin>/Folder/name.toml` for embedded copies.
        public let file: String
        public let origin: Origin
    }

    /// The user's configuration folder (`$XDG_CONFIG_HOME/callisto`), if a home is known.
    public var userDirectory: URL?
    /// The installed shared folder (`<prefix>/share/callisto`), if it exists.
    public var installedDirectory: URL?
    /// Embedded files by `Folder/name.toml`.
    public var embedded: [String: String]

    public init(userDirectory: URL?, installedDirectory: URL?, embedded: [String: String] = EmbeddedResources.files) {
        self.userDirectory = userDirectory
        self.installedDirectory = installedDirectory
        self.embedded = embedded
    }

    /// The locator for this process: XDG variables from `environment`, the share folder from the
    /// executable's location.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment,
                                executable: URL? = Bundle.main.executableURL) -> ResourceLocator {
        ResourceLocator(userDirectory: userConfigDirectory(environment: environment),
                        installedDirectory: executable.map(installedDirectory(forExecutable:)))
    }

    /// `$XDG_CONFIG_HOME/callisto`, or `$HOME/.config/callisto`; nil when neither is set.
    public static func userConfigDirectory(environment: [String: String]) -> URL? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("callisto")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent(".config/callisto")
        }
        return nil
    }

    /// `<dir of executable>/../share/callisto`, following symbolic links to the real binary.
    public static func installedDirectory(forExecutable executable: URL) -> URL {
        executable.resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("share/callisto")
    }

    /// The user's `config.toml`.
    public var configFile: URL? { userDirectory?.appendingPathComponent("config.toml") }

    /// The user's keymap overlay, `keymap.toml`, laid over the chosen keymap.
    public var userKeymapFile: URL? { userDirectory?.appendingPathComponent("keymap.toml") }

    /// Whether `name` is a plain name (letters, digits, `-`, `_`, `.` not leading), not a path.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
    }

    /// The file named `name` of `kind`, from the most preferred origin after `below` (so a user theme
    /// named `dark` can inherit the shipped `dark`). Unreadable files are skipped with a diagnostic.
    public func find(_ kind: Kind, named name: String, below: Origin? = nil,
                     diagnostics: inout [ConfigDiagnostic]) -> Resource? {
        guard Self.isValidName(name) else { return nil }
        let fileName = name + ".toml"
        let folders: [(Origin, URL?)] = [
            (.user, userDirectory?.appendingPathComponent(kind.userFolder)),
            (.installed, installedDirectory?.appendingPathComponent(kind.shippedFolder)),
        ]
        for (origin, folder) in folders {
            if let below, origin <= below { continue }
            guard let url = folder?.appendingPathComponent(fileName),
                  FileManager.default.fileExists(atPath: url.path) else { continue }
            switch Self.readText(url) {
            case let .success(text): return Resource(name: name, text: text, file: url.path, origin: origin)
            case let .failure(d): diagnostics.append(d)
            }
        }
        let key = "\(kind.shippedFolder)/\(fileName)"
        if below != .builtin, let text = embedded[key] {
            return Resource(name: name, text: text, file: "<builtin>/\(key)", origin: .builtin)
        }
        return nil
    }

    /// Every name of `kind` that can be found, sorted.
    public func available(_ kind: Kind) -> [String] {
        var names = Set(embedded.keys.filter { $0.hasPrefix(kind.shippedFolder + "/") }
            .map { String($0.dropFirst(kind.shippedFolder.count + 1).dropLast(5)) })
        for folder in [userDirectory?.appendingPathComponent(kind.userFolder),
                       installedDirectory?.appendingPathComponent(kind.shippedFolder)].compactMap({ $0 }) {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for f in files where f.hasSuffix(".toml") { names.insert(String(f.dropLast(5))) }
        }
        return names.filter(Self.isValidName).sorted()
    }

    /// Reads a small UTF-8 text file, or says why not.
    public static func readText(_ url: URL) -> Result<String, ConfigDiagnostic> {
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                return .failure(ConfigDiagnostic(file: url.path, message: "is a directory, not a file"))
            }
            if let size = attributes[.size] as? Int, size > TOMLDocument.maximumSize {
                return .failure(ConfigDiagnostic(file: url.path, message: "file is larger than \(TOMLDocument.maximumSize / 1024) KiB; not read"))
            }
            let data = try Data(contentsOf: url)
            guard let text = String(data: data, encoding: .utf8) else {
                return .failure(ConfigDiagnostic(file: url.path, message: "file is not valid UTF-8 text"))
            }
            return .success(text)
        } catch {
            return .failure(ConfigDiagnostic(file: url.path, message: "cannot read: \(error.localizedDescription)"))
        }
    }
}
