import Foundation
import Testing
import TestSupport
@testable import NotebookFormat

/// Callisto's read → write against nbformat's read → write on a generated corpus.
@Suite struct NbformatDifferentialTests {
    @Test func corpusIsLargeAndVaried() throws {
        let inputs = try Reference.corpusInputs()
        #expect(inputs.count >= 100)
        let minors = Set(inputs.map { $0.lastPathComponent.components(separatedBy: "-v4.").last! })
        #expect(minors.count == 6)
    }

    @Test func readWriteMatchesNbformatByteForByte() throws {
        var failures: [String] = []
        for input in try Reference.corpusInputs() {
            let expectedURL = input.deletingPathExtension().appendingPathExtension("expected.ipynb")
            let expected = try Data(contentsOf: expectedURL)
            let notebook = try Notebook(data: Data(contentsOf: input))
            let written = notebook.serialized()
            if written != expected {
                failures.append("\(input.lastPathComponent): \(firstDifference(written, expected))")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) files differ:\n\(failures.prefix(3).joined(separator: "\n"))")
    }

    @Test func filesNbformatWroteComeBackUnchanged() throws {
        var checked = 0
        for input in try Reference.corpusInputs() {
            let original = try Data(contentsOf: input)
            let expected = try Data(contentsOf: input.deletingPathExtension().appendingPathExtension("expected.ipynb"))
            guard original == expected else { continue }  // inputs nbformat itself would change
            checked += 1
            #expect(try Notebook(data: original).serialized() == original, "\(input.lastPathComponent)")
        }
        #expect(checked >= 40)
    }
}
