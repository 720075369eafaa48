import Foundation
import Testing
import TestSupport
import JupyterProtocol

/// `callisto kernels` against `jupyter kernelspec list` on the same machine and environment.
@Suite struct KernelsCommandTests {
    var environment: [String: String] {
        ["JUPYTER_PATH": ProjectPaths.venvJupyterPath.path, "VIRTUAL_ENV": ProjectPaths.venv.path]
    }

    func normalized(_ text: String) throws -> MessageJSON {
        // Sorted keys both ways; compare as values.
        try MessageJSONParser.parse(text)
    }

    @Test func jsonMatchesJupyterKernelspecList() throws {
        let ours = try ProcessRunner.callisto(["kernels", "--json"], environment: environment)
        #expect(ours.status == 0, "\(ours.stderrText)")
        let jupyter = try ProcessRunner.run(ProjectPaths.venv.appendingPathComponent("bin/jupyter"),
                                            ["kernelspec", "list", "--json"], environment: environment)
        #expect(jupyter.status == 0, "\(jupyter.stderrText)")
        let a = try normalized(ours.stdoutText), b = try normalized(jupyter.stdoutText)
        #expect(a == b)
        #expect(a["kernelspecs"]?["python3"] != nil)
        #expect(a["kernelspecs"]?["bash"] != nil)
    }

    @Test func plainListingNamesEveryKernelWithItsDirectory() throws {
        let ours = try ProcessRunner.callisto(["kernels"], environment: environment)
        #expect(ours.status == 0)
        let lines = ours.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.first == "Available kernels:")
        #expect(lines.contains { $0.hasPrefix("  python3") && $0.hasSuffix("/kernels/python3") })
        #expect(lines.contains { $0.hasPrefix("  bash") && $0.hasSuffix("/kernels/bash") })
    }
}
