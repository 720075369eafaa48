import Testing
@testable import EditorCore
