import Foundation
import NotebookFormat

/// Puts the injected-parameters cell into a notebook where papermill puts it.
enum ParameterCell {
    /// Removes earlier injected cells, then inserts a new one after the first cell tagged
    /// `parameters` (or at the top when there is none).
    static func inject(_ parameters: RunParameters, language: String, into notebook: inout Notebook) throws {
        let source = try parameters.source(language: language)
        notebook.cells.removeAll { $0.tags.contains("injected-parameters") }
        let position = notebook.cells.firstIndex { $0.tags.contains("parameters") }.map { $0 + 1 } ?? 0
        let cell = notebook.makeCell(.code, source: source, metadata: ["tags": .array([.string("injected-parameters")])])
        notebook.cells.insert(cell, at: position)
    }
}
