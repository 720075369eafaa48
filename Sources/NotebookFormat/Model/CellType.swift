/// The kind of a notebook cell. Types this library does not know are kept as they are.
public enum CellType: Sendable, Hashable, CustomStringConvertible {
    case code
    case markdown
    case raw
    /// A cell type from a newer or foreign format, preserved untouched.
    case other(String)

    /// The type from its `cell_type` string.
    public init(rawValue: String) {
        switch rawValue {
        case "code": self = .code
        case "markdown": self = .markdown
        case "raw": self = .raw
        default: self = .other(rawValue)
        }
    }

    /// The `cell_type` string.
    public var rawValue: String {
        switch self {
        case .code: return "code"
        case .markdown: return "markdown"
        case .raw: return "raw"
        case .other(let s): return s
        }
    }

    public var description: String { rawValue }
}

/// The kind of a code cell output. Unknown types are kept as they are.
public enum OutputType: Sendable, Hashable, CustomStringConvertible {
    case stream
    case displayData
    case executeResult
    case error
    /// An output type from a newer or foreign format, preserved untouched.
    case other(String)

    /// The type from its `output_type` string.
    public init(rawValue: String) {
        switch rawValue {
        case "stream": self = .stream
        case "display_data": self = .displayData
        case "execute_result": self = .executeResult
        case "error": self = .error
        default: self = .other(rawValue)
        }
    }

    /// The `output_type` string.
    public var rawValue: String {
        switch self {
        case .stream: return "stream"
        case .displayData: return "display_data"
        case .executeResult: return "execute_result"
        case .error: return "error"
        case .other(let s): return s
        }
    }

    public var description: String { rawValue }
}
