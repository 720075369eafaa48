import Foundation
import Testing
import TestSupport
@testable import EditorCore

@Suite struct TextExternalEditorTests {
    @Test func editorComesFromVisualThenEditorThenVi() {
        #expect(ExternalEditor.editorCommand(environment: ["VISUAL": "nvim", "EDITOR": "nano"]) == "nvim")
        #expect(ExternalEditor.editorCommand(environment: ["VISUAL": " ", "EDITOR": "nano -w"]) == "nano -w")
        #expect(ExternalEditor.editorCommand(environment: [:]) == "vi")
    }

    @Test func aRealEditorCommandEditsTheTextAndItIsReadBack() throws {
        // `sed -i` stands in for an editor: it rewrites the file it is given, as an editor would.
        let session = try ExternalEditor.prepare(text: "x = 1\ny = 2", fileExtension: "py",
                                                 environment: ["EDITOR": "sed -i s/1/42/"])
        defer { session.cleanUp() }
        #expect(session.fileURL.pathExtension == "py")
        let attributes = try FileManager.default.attributesOfItem(atPath: session.fileURL.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let result = try ProcessRunner.run(URL(fileURLWithPath: session.command[0]), Array(session.command.dropFirst()))
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(try session.readResult() == "x = 42\ny = 2")
        session.cleanUp()
        #expect(!FileManager.default.fileExists(atPath: session.fileURL.path))
        #expect(throws: ExternalEditor.Failure.self) { try session.readResult() }
    }

    @Test func theTrailingLineBreakAnEditorAddsIsDropped() throws {
        let session = try ExternalEditor.prepare(text: "a", environment: [:])
        defer { session.cleanUp() }
        try Data("a\nb\n".utf8).write(to: session.fileURL)
        #expect(try session.readResult() == "a\nb")
        #expect(session.command.suffix(2) == ["sh", session.fileURL.path])
        #expect(session.command[2] == "vi \"$1\"")
    }

    @Test func nonUTF8ResultIsAClearError() throws {
        let session = try ExternalEditor.prepare(text: "a", environment: [:])
        defer { session.cleanUp() }
        try Data([0xFF, 0xFE, 0x00]).write(to: session.fileURL)
        #expect(throws: ExternalEditor.Failure.notUTF8(session.fileURL.path)) { try session.readResult() }
    }
}
