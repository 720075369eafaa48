import Testing
@testable import JupyterProtocol
