import Foundation

extension FileFingerprint {
    /// Whether the file at `path` differs from this fingerprint: size and modification time first,
    /// then the content hash when only the time moved. A deleted file does not count as changed.
    public func differs(fromFileAt path: String) throws(NotebookFileError) -> Bool {
        guard let st = try SafeFile.status(path) else { return false }
        let (seconds, nanoseconds) = SafeFile.modificationTime(st)
        let now = FileFingerprint(data: Data(), size: Int64(st.st_size), modificationSeconds: seconds,
                                  modificationNanoseconds: nanoseconds)
        if now.sameStatus(as: self) { return false }
        if now.size != size { return true }
        let (data, _) = try SafeFile.read(path)
        return FileFingerprint.hash(data) != contentHash
    }
}
