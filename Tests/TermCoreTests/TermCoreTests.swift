import Testing
@testable import TermCore
