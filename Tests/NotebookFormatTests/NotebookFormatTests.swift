import Testing
@testable import NotebookFormat
