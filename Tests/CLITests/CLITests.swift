import Foundation
import Testing
import TestSupport

@Suite struct CommandLineBasics {
    @Test func helpListsTheCommands() throws {
        let result = try ProcessRunner.callisto(["--help"])
        #expect(result.status == 0)
        #expect(result.stdoutText.contains("USAGE: callisto"))
        #expect(result.stdoutText.contains("SUBCOMMANDS"))
    }

    @Test func versionPrints() throws {
        let result = try ProcessRunner.callisto(["--version"])
        #expect(result.status == 0)
        #expect(result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test func unknownOptionFailsWithUsageError() throws {
        let result = try ProcessRunner.callisto(["--no-such-option"])
        #expect(result.status == 64)
        #expect(result.stderrText.contains("no-such-option"))
    }
}
