import Testing
@testable import JupyterClient
