import Foundation
import JupyterClient
import NotebookFormat

/// Which installed kernelspec a notebook asks for, as JupyterLab decides it: the kernelspec named in
/// `metadata.kernelspec.name`; else the only one whose language is the notebook's
/// (`language_info.name`, then `kernelspec.language`); else none, and the user is asked.
public enum KernelChoice {
    /// The kernelspec for a notebook with `metadata`, or nil when none or several fit.
    public static func spec(for metadata: JSONObject, among specs: [String: KernelSpec]) -> KernelSpec? {
        if let name = metadata["kernelspec"]?["name"]?.stringValue, let spec = specs[name] { return spec }
        let language = metadata["language_info"]?["name"]?.stringValue ?? metadata["kernelspec"]?["language"]?.stringValue
        guard let language = language?.lowercased(), !language.isEmpty else { return nil }
        let matching = specs.values.filter { $0.language.lowercased() == language }
        return matching.count == 1 ? matching[0] : nil
    }

    /// Elapsed seconds as the status bar shows them: `7s`, `1:05`, `1:02:03`.
    public static func elapsed(_ seconds: Int64) -> String {
        let s = max(0, seconds)
        if s < 60 { return "\(s)s" }
        if s < 3600 { return String(format: "%d:%02d", s / 60, s % 60) }
        return String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
    }
}
