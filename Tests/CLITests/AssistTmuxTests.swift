import Foundation
import Testing
import TestSupport

/// Completion, input() and getpass() in the real binary under tmux with a real ipykernel.
@Suite(.enabled(if: WorkspaceProbe.binaryRunsTheWorkspace), .serialized)
struct AssistTmuxTests {
    let kernelTests = NotebookKernelTmuxTests()

    /// Opens a new notebook, runs `pass` to start the kernel and leaves the next cell in edit mode.
    func started() throws -> (TmuxSession, String) {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-assist-e2e")
        let (s, runtime) = try kernelTests.start("nb.ipynb", in: dir)
        try s.waitFor(timeout: 20, "notebook") { $0.contains("COMMAND") && $0.contains("[ ]:") }
        try kernelTests.keys(s, "Enter", mode: "EDIT")
        try s.sendLiteral("pass")
        try kernelTests.keys(s, "S-Enter", mode: "EDIT")
        try s.waitFor(timeout: 60, "the kernel") { $0.contains("[1]:") && $0.contains("idle") && $0.contains("Cell 2/2") }
        return (s, runtime)
    }

    func quit(_ s: TmuxSession, runtime: String) throws {
        try s.sendKeys("C-s")
        try s.waitFor(timeout: 10, "saved") { $0.contains("saved") }
        try s.sendKeys("C-q")
        try s.waitUntil(timeout: 20, "exit") { try s.display("#{pane_dead}") == "1" }
        try s.waitUntil(timeout: 10, "no kernel left") { try kernelTests.kernels(runtime).isEmpty }
    }

    @Test func tabCompletesFromTheKernel() throws {
        let (s, runtime) = try started()
        defer { s.close() }
        try s.sendLiteral("import o")
        try s.sendKeys("Tab")
        try s.waitFor(timeout: 30, "the completion list") { $0.contains(" opcode ") && $0.contains(" operator") && $0.contains("module") }
        try s.sendLiteral("s")
        try s.waitFor(timeout: 10, "the filtered list") { !$0.contains(" opcode ") && $0.split(separator: "\n").contains { $0.hasSuffix(" os") } }
        try s.sendKeys("Enter")
        try s.waitFor(timeout: 10, "the accepted match") { $0.contains("import os") && !$0.contains("ossaudiodev") && $0.contains("EDIT") }
        try kernelTests.keys(s, "S-Enter", mode: "EDIT")
        try s.waitFor(timeout: 30, "the import to run") { $0.contains("[2]:") && $0.contains("idle") }
        try quit(s, runtime: runtime)
    }

    @Test func inputAndGetpassAnswerInline() throws {
        let secret = "Sw0rdf1sh-42"
        let (s, runtime) = try started()
        defer { s.close() }
        try s.sendLiteral("name = input('name? '); print('hello', name)")
        try s.sendKeys("S-Enter")
        try s.waitFor(timeout: 30, "the input prompt") { $0.contains("INPUT") && $0.contains("name? ") }
        try s.sendLiteral("Ada")
        try s.sendKeys("Enter")
        try s.waitFor(timeout: 30, "the answer printed") { $0.contains("name?  Ada") && $0.contains("hello Ada") && $0.contains("[2]:") }
        // The answer gave the keyboard back to the cell Shift+Enter went to.
        try s.waitFor(timeout: 10, "edit mode") { $0.contains("EDIT") && $0.contains("Cell 3/3") }
        try s.sendLiteral("import getpass; print(len(getpass.getpass('Password: ')))")
        try s.sendKeys("S-Enter")
        try s.waitFor(timeout: 30, "the password prompt") { $0.contains("INPUT") && $0.contains("Password: ") }
        try s.sendLiteral(secret)
        try s.waitFor(timeout: 10, "the bullets") { $0.contains(String(repeating: "•", count: secret.count)) }
        #expect(try !s.capture().contains(secret))
        try s.sendKeys("Enter")
        try s.waitFor(timeout: 30, "the length printed") { $0.contains("Password:  ········") && $0.split(separator: "\n").contains { $0.hasSuffix("    \(secret.count)") } && $0.contains("[3]:") }
        #expect(try !s.capture().contains(secret))
        try quit(s, runtime: runtime)
    }
}
