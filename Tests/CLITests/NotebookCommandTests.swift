import Foundation
import NotebookFormat
import Testing
import TestSupport

/// A notebook file in a fresh temporary folder.
func fixture(_ name: String = "n.ipynb", _ text: String = CLIFixtures.notebook) throws -> URL {
    let dir = try ProjectPaths.makeTemporaryDirectory("callisto-cli")
    let url = dir.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
}

enum CLIFixtures {
    /// A valid notebook written without nbformat's layout (unsorted, compact, unsplit strings).
    static let notebook = """
        {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3", "language": "python",
         "display_name": "Python 3 (ipykernel)"}, "language_info": {"name": "python"}, "widgets": {"x": 1}},
         "cells": [
          {"id": "m1", "cell_type": "markdown", "metadata": {}, "source": "# Title\\nCafé ☕"},
          {"id": "c1", "cell_type": "code", "metadata": {"collapsed": true, "execution": {"iopub.status.busy": "t"}},
           "execution_count": 3, "source": "%matplotlib inline\\nprint('hi')",
           "outputs": [{"output_type": "stream", "name": "stdout", "text": "hi\\n"},
                       {"output_type": "execute_result", "execution_count": 3, "metadata": {},
                        "data": {"text/plain": "1.0", "image/png": "iVBOR"}}]},
          {"id": "c2", "cell_type": "code", "metadata": {"tags": ["keep_output"]}, "execution_count": 4,
           "source": "2", "outputs": [{"output_type": "stream", "name": "stderr", "text": "kept\\n"}]},
          {"id": "r1", "cell_type": "raw", "metadata": {}, "source": "raw"}]}
        """
}

@Suite struct ValidateCommandTests {
    @Test func validNotebookExitsZero() throws {
        let url = try fixture()
        let r = try ProcessRunner.callisto(["validate", url.path])
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(r.stdoutText.contains("valid (nbformat 4.5)"))
        #expect(r.stderrText.isEmpty)
    }

    @Test func invalidNotebookExitsOneWithLocatedMessages() throws {
        let bad = CLIFixtures.notebook.replacingOccurrences(of: "\"source\": \"raw\"", with: "\"source\": \"raw\", \"x\": 1")
            .replacingOccurrences(of: "\"execution_count\": 4", with: "\"execution_count\": -4")
        let url = try fixture("bad.ipynb", bad)
        let good = try fixture()
        let r = try ProcessRunner.callisto(["validate", good.path, url.path])
        #expect(r.status == 1)
        #expect(r.stderrText.contains("\(url.path): cells[3].x: unexpected key in a raw cell"))
        #expect(r.stderrText.contains("\(url.path): cells[2].execution_count: expected an integer ≥ 0 or null"))
        #expect(r.stderrText.contains("invalid: 2 problems"))
        #expect(r.stdoutText.contains("\(good.path): valid"))
    }

    @Test func unreadableFilesAreReported() throws {
        let json = try fixture("broken.ipynb", "{\"cells\": [\n  {,}]}")
        let v3 = try fixture("old.ipynb", #"{"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": []}"#)
        let r = try ProcessRunner.callisto(["validate", json.path, v3.path, "/nonexistent.ipynb"])
        #expect(r.status == 1)
        #expect(r.stderrText.contains("\(json.path): not valid JSON: line 2, column 4"))
        #expect(r.stderrText.contains("jupyter nbconvert --to notebook --nbformat 4"))
        #expect(r.stderrText.contains("/nonexistent.ipynb: no such file"))
    }

    @Test func invalidUTF8IsLocated() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-cli")
        let url = dir.appendingPathComponent("utf8.ipynb")
        try (Data("{\"a\": \"".utf8) + Data([0xC3, 0x28]) + Data("\"}".utf8)).write(to: url)
        let r = try ProcessRunner.callisto(["validate", url.path])
        #expect(r.status == 1)
        #expect(r.stderrText.contains("line 1, column 8: invalid UTF-8"))
    }
}

@Suite struct ConvertCommandTests {
    @Test func toIpynbRewritesExactlyAsNbformatDoes() throws {
        let url = try fixture()
        let r = try ProcessRunner.callisto(["convert", url.path, "--to", "ipynb"])
        #expect(r.status == 0, "\(r.stderrText)")
        let code = """
            import nbformat, sys
            nb = nbformat.reads(sys.stdin.read(), as_version=4)
            sys.stdout.write(nbformat.writes(nb) + "\\n")
            """
        let reference = try ProcessRunner.python(code, stdin: Data(CLIFixtures.notebook.utf8))
        #expect(reference.status == 0, "\(reference.stderrText)")
        #expect(try Data(contentsOf: url) == reference.stdout)
    }

    @Test func toPyMatchesJupytextAndReadsBack() throws {
        let url = try fixture()
        let r = try ProcessRunner.callisto(["convert", url.path, "--to", "py", "-o", "-"])
        #expect(r.status == 0, "\(r.stderrText)")
        let code = """
            import jupytext, nbformat, sys
            nb = nbformat.read(sys.argv[1], as_version=4)
            sys.stdout.write(jupytext.writes(nb, "py:percent"))
            """
        let reference = try ProcessRunner.python(code, arguments: [url.path])
        #expect(reference.status == 0, "\(reference.stderrText)")
        #expect(r.stdoutText == reference.stdoutText)

        // Beside the input by default; then back to a notebook.
        #expect(try ProcessRunner.callisto(["convert", url.path, "--to", "py"]).status == 0)
        let py = url.deletingPathExtension().appendingPathExtension("py")
        #expect(try String(contentsOf: py, encoding: .utf8) == reference.stdoutText)
        let back = url.deletingLastPathComponent().appendingPathComponent("back.ipynb")
        let b = try ProcessRunner.callisto(["convert", py.path, "--to", "ipynb", "-o", back.path])
        #expect(b.status == 0, "\(b.stderrText)")
        let nb = try Notebook.read(from: back)
        #expect(nb.cells.map(\.source) == ["# Title\nCafé ☕", "%matplotlib inline\nprint('hi')", "2", "raw"])
        #expect(nb.cells.map(\.cellType) == [.markdown, .code, .code, .raw])
        #expect(NotebookValidator.validate(nb).isEmpty)
    }

    @Test func toMarkdown() throws {
        let url = try fixture()
        let r = try ProcessRunner.callisto(["convert", url.path, "--to", "md", "-o", "-"])
        #expect(r.status == 0)
        #expect(r.stdoutText.hasPrefix("# Title\nCafé ☕\n\n```python\n%matplotlib inline\nprint('hi')\n```\n\n```\nhi\n```"))
        #expect(r.stdoutText.contains("*[image output (image/png): 1.0]*"))
    }

    @Test func errorsAndUsage() throws {
        let url = try fixture()
        let usage = try ProcessRunner.callisto(["convert", url.path, "--to", "pdf"])
        #expect(usage.status == 64)
        #expect(usage.stderrText.contains("pdf"))
        let missing = try ProcessRunner.callisto(["convert", "/nonexistent.ipynb", "--to", "py"])
        #expect(missing.status == 1)
        #expect(missing.stderrText.contains("no such file"))
        let forbidden = try ProcessRunner.callisto(["convert", url.path, "--to", "md", "-o", "/sys/x.md"])
        #expect(forbidden.status == 1)
        #expect(forbidden.stderrText.contains("permission denied"))
    }
}

@Suite struct StripCommandTests {
    @Test func stripsInPlaceLikeNbstripout() throws {
        let url = try fixture()
        chmod(url.path, 0o600)
        let r = try ProcessRunner.callisto(["strip", url.path])
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(r.stdoutText.contains("stripped"))
        let nb = try Notebook.read(from: url)
        #expect(nb.cells[1].outputs.isEmpty)
        #expect(nb.cells[1].executionCount == nil)
        #expect(nb.cells[1].metadata.isEmpty)
        #expect(nb.cells[2].outputs.count == 1)  // tagged keep_output
        #expect(nb.cells[2].executionCount == nil)
        #expect(nb.metadata["widgets"] == nil)
        #expect(nb.cells.map(\.id) == ["m1", "c1", "c2", "r1"])
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        let again = try ProcessRunner.callisto(["strip", url.path])
        #expect(again.stdoutText.contains("already clean"))
    }

    @Test func keepOutputKeepsEveryOutput() throws {
        let url = try fixture()
        let r = try ProcessRunner.callisto(["strip", "--keep-output", url.path])
        #expect(r.status == 0)
        let nb = try Notebook.read(from: url)
        #expect(nb.cells[1].outputs.count == 2)
        #expect(nb.cells[1].outputs[1].fields["execution_count"] == .null)
        #expect(nb.cells[1].executionCount == nil)
    }

    @Test func failuresExitOne() throws {
        let broken = try fixture("b.ipynb", "{")
        let r = try ProcessRunner.callisto(["strip", broken.path, "/nonexistent.ipynb"])
        #expect(r.status == 1)
        #expect(r.stderrText.contains("b.ipynb: not valid JSON"))
        #expect(r.stderrText.contains("/nonexistent.ipynb: no such file"))
        #expect(try String(contentsOf: broken, encoding: .utf8) == "{")
    }
}

@Suite struct OpenCommandTests {
    @Test func defaultCommandSummarizesNotebooks() throws {
        let url = try fixture()
        let r = try ProcessRunner.callisto([url.path])
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(r.stdoutText == "\(url.path): nbformat 4.5, kernel python3 (Python 3 (ipykernel)), "
                + "4 cells (2 code, 1 markdown, 1 raw), 3 outputs\n")
    }

    @Test func invalidOrMissingNotebooksFail() throws {
        let bad = try fixture("bad.ipynb", CLIFixtures.notebook.replacingOccurrences(of: "\"id\": \"m1\", ", with: "\"id\": \"m 1\", "))
        let r = try ProcessRunner.callisto([bad.path, "/nonexistent.ipynb"])
        #expect(r.status == 1)
        #expect(r.stdoutText.contains("INVALID"))
        #expect(r.stderrText.contains("cells[0].id: a cell id may contain only"))
        #expect(r.stderrText.contains("/nonexistent.ipynb: no such file"))
    }
}
