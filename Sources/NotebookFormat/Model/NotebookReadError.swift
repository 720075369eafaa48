/// Why a file could not be read as a notebook.
public enum NotebookReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are not JSON (with the location).
    case invalidJSON(JSONParseError)
    /// The JSON is not a notebook (top level not an object, `cells` not an array, …).
    case notANotebook(String)
    /// An nbformat version this library does not read.
    case unsupportedVersion(major: Int, minor: Int?, message: String)

    public var description: String {
        switch self {
        case .invalidJSON(let e): return "not valid JSON: \(e)"
        case .notANotebook(let m): return "not a notebook: \(m)"
        case .unsupportedVersion(_, _, let m): return m
        }
    }
}
