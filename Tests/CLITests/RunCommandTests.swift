import Foundation
import Testing
import TestSupport

/// `callisto run` beside nbclient (coalesce_streams on, as JupyterLab shows streams) on the same
/// notebooks, plus papermill-style parameters, --allow-errors, --inplace, timeouts and Ctrl+C.
@Suite(.serialized) struct RunCommandTests {
    static var environment: [String: String] {
        ["JUPYTER_PATH": ProjectPaths.venvJupyterPath.path, "VIRTUAL_ENV": ProjectPaths.venv.path,
         "JUPYTER_RUNTIME_DIR": NSTemporaryDirectory() + "callisto-run-tests-\(getpid())"]
    }

    /// Writes a notebook made by nbformat from a Python list of (cell_type, source, tags).
    func makeNotebook(_ dir: URL, _ name: String, kernel: String = "python3", language: String = "python",
                      cells: String) throws -> URL {
        let path = dir.appendingPathComponent(name)
        let r = try ProcessRunner.python("""
            import sys, nbformat as nbf
            nb = nbf.v4.new_notebook()
            nb.metadata.kernelspec = {"name": sys.argv[2], "display_name": sys.argv[2], "language": sys.argv[3]}
            for kind, src, tags in \(cells):
                c = nbf.v4.new_code_cell(src) if kind == "code" else nbf.v4.new_markdown_cell(src)
                if tags: c.metadata["tags"] = tags
                nb.cells.append(c)
            nbf.write(nb, sys.argv[1])
            """, arguments: [path.path, kernel, language])
        #expect(r.status == 0, "\(r.stderrText)")
        return path
    }

    /// Runs nbclient on `input`, writing `output`; returns its error name, if any.
    func nbclient(_ input: URL, _ output: URL, allowErrors: Bool = false) throws -> String {
        let r = try ProcessRunner.python("""
            import sys, os, nbformat
            from nbclient import NotebookClient
            from nbclient.exceptions import CellExecutionError
            nb = nbformat.read(sys.argv[1], as_version=4)
            client = NotebookClient(nb, coalesce_streams=True, allow_errors=sys.argv[3] == "1",
                                    resources={"metadata": {"path": os.path.dirname(sys.argv[1])}})
            name = ""
            try:
                client.execute()
            except CellExecutionError as e:
                name = e.ename
            nbformat.write(nb, sys.argv[2])
            print(name)
            """, arguments: [input.path, output.path, allowErrors ? "1" : "0"], environment: Self.environment, timeout: 300)
        #expect(r.status == 0, "\(r.stderrText)")
        return r.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Compares two executed notebooks as nbclient users see them; returns the differences.
    func differences(_ a: URL, _ b: URL) throws -> String {
        let r = try ProcessRunner.python("""
            import sys, json, nbformat
            def view(path):
                nb = nbformat.read(path, as_version=4)
                nbformat.validate(nb)
                cells = []
                for c in nb.cells:
                    d = {"type": c.cell_type, "source": c.source}
                    if c.cell_type == "code":
                        d["count"] = c.execution_count
                        d["timing"] = sorted(c.metadata.get("execution", {}).keys())
                        streams = {}
                        others = []
                        for o in c.outputs:
                            if o.output_type == "stream":
                                streams[o.name] = streams.get(o.name, "") + o.text
                            elif o.output_type == "error":
                                others.append({"error": o.ename, "evalue": o.evalue, "tb": len(o.traceback) > 0})
                            else:
                                others.append({k: o[k] for k in ("output_type", "data", "metadata", "execution_count") if k in o})
                        d["streams"], d["outputs"] = streams, others
                    cells.append(d)
                return {"cells": cells, "language": nb.metadata.get("language_info", {}).get("name")}
            a, b = view(sys.argv[1]), view(sys.argv[2])
            if a != b:
                for i, (x, y) in enumerate(zip(a["cells"], b["cells"])):
                    if x != y: print(f"cell {i}:\\n  ours:     {json.dumps(x)}\\n  nbclient: {json.dumps(y)}")
                if len(a["cells"]) != len(b["cells"]) or a["language"] != b["language"]:
                    print("shape differs", len(a["cells"]), len(b["cells"]), a["language"], b["language"])
            """, arguments: [a.path, b.path])
        #expect(r.status == 0, "\(r.stderrText)")
        return r.stdoutText
    }

    static let richCells = """
        [("markdown", "# Title", None),
         ("code", "import sys\\nprint('out')\\nprint('err', file=sys.stderr)\\n6*7", None),
         ("code", "", None),
         ("code", "from IPython.display import display, HTML, Markdown, JSON\\nh = display(HTML('<b>1</b>'), display_id=True)\\ndisplay(Markdown('*m*'))", None),
         ("code", "h.update(HTML('<i>2</i>'))\\nimport time\\nfor i in range(5): print(f'{i*25}%', end='\\\\r'); sys.stdout.flush()\\nprint('done')", None),
         ("code", "JSON({'a': [1, 2.5, None, True], 'b': 'é'})", None),
         ("code", "from IPython.display import clear_output\\nfor i in range(3):\\n    clear_output(wait=True)\\n    print('step', i)", None),
         ("code", "print('skipped')", ["skip-execution"]),
         ("code", "raise ValueError('expected')", ["raises-exception"]),
         ("code", "'ünïcödé 🙂'", None)]
        """

    @Test func matchesNbclientOnARichNotebook() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try makeNotebook(dir, "rich.ipynb", cells: Self.richCells)
        let ours = dir.appendingPathComponent("ours.ipynb"), theirs = dir.appendingPathComponent("theirs.ipynb")
        let r = try ProcessRunner.callisto(["run", input.path, "-o", ours.path], environment: Self.environment, timeout: 300)
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(try nbclient(input, theirs) == "")
        #expect(try differences(ours, theirs) == "")
    }

    @Test func firstErrorStopsWritesAndExitsOne() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try makeNotebook(dir, "err.ipynb", cells: """
            [("code", "print('before')", None), ("code", "1/0", None), ("code", "print('after')", None)]
            """)
        let ours = dir.appendingPathComponent("ours.ipynb"), theirs = dir.appendingPathComponent("theirs.ipynb")
        let r = try ProcessRunner.callisto(["run", input.path, "-o", ours.path], environment: Self.environment, timeout: 300)
        #expect(r.status == 1)
        #expect(r.stderrText.contains("ZeroDivisionError"))
        #expect(r.stderrText.contains("----> 1 1/0"))
        #expect(try nbclient(input, theirs) == "ZeroDivisionError")
        #expect(try differences(ours, theirs) == "")

        let allowed = dir.appendingPathComponent("allowed.ipynb"), theirsAllowed = dir.appendingPathComponent("theirs-allowed.ipynb")
        let r2 = try ProcessRunner.callisto(["run", input.path, "-o", allowed.path, "--allow-errors"], environment: Self.environment, timeout: 300)
        #expect(r2.status == 0, "\(r2.stderrText)")
        #expect(try nbclient(input, theirsAllowed, allowErrors: true) == "")
        #expect(try differences(allowed, theirsAllowed) == "")
    }

    @Test func parametersAreInjectedLikePapermill() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try makeNotebook(dir, "params.ipynb", cells: """
            [("code", "alpha = 1\\nname = 'x'", ["parameters"]),
             ("code", "print(repr(alpha), repr(name), repr(flag), repr(ratio), repr(nothing))", None)]
            """)
        let r = try ProcessRunner.callisto(["run", input.path, "--inplace", "-p", "alpha", "42", "-p", "name", "a \"q\" é\n",
                                            "-p", "flag", "True", "-p", "ratio", "0.5", "-p", "nothing", "None"],
                                           environment: Self.environment, timeout: 300)
        #expect(r.status == 0, "\(r.stderrText)")
        let check = try ProcessRunner.python("""
            import sys, nbformat
            nb = nbformat.read(sys.argv[1], as_version=4)
            nbformat.validate(nb)
            cell = nb.cells[1]
            print(cell.metadata.tags, "id" in cell)
            print(cell.source)
            print(nb.cells[2].outputs[0].text, end="")
            """, arguments: [input.path])
        #expect(check.stdoutText == """
            ['injected-parameters'] True
            # Parameters
            alpha = 42
            name = "a \\"q\\" \\xe9\\n"
            flag = True
            ratio = 0.5
            nothing = None

            42 'a "q" é\\n' True 0.5 None

            """)
    }

    @Test func bashNotebookRunsLikeNbclient() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try makeNotebook(dir, "bash.ipynb", kernel: "bash", language: "bash", cells: """
            [("code", "echo hello\\nX=3", None), ("code", "echo $((X * 14))", None), ("code", "pwd", None)]
            """)
        let ours = dir.appendingPathComponent("ours.ipynb"), theirs = dir.appendingPathComponent("theirs.ipynb")
        let r = try ProcessRunner.callisto(["run", input.path, "-o", ours.path], environment: Self.environment, timeout: 300)
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(try nbclient(input, theirs) == "")
        #expect(try differences(ours, theirs) == "")
    }

    @Test func timeoutInterruptsAndFails() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try makeNotebook(dir, "slow.ipynb", cells: #"[("code", "import time\ntime.sleep(60)", None)]"#)
        let out = dir.appendingPathComponent("out.ipynb")
        let r = try ProcessRunner.callisto(["run", input.path, "-o", out.path, "--timeout", "1"], environment: Self.environment, timeout: 50)
        #expect(r.status == 1)
        #expect(r.stderrText.contains("timed out"))
        #expect(FileManager.default.fileExists(atPath: out.path))
    }

    @Test func badInputsGiveClearMessages() throws {
        let dir = try ProjectPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try ProcessRunner.callisto(["run", dir.appendingPathComponent("none.ipynb").path], environment: Self.environment)
        #expect(missing.status == 1)
        #expect(missing.stderrText.contains("no such file"))
        let junk = dir.appendingPathComponent("junk.ipynb")
        try "{not a notebook".write(to: junk, atomically: true, encoding: .utf8)
        let bad = try ProcessRunner.callisto(["run", junk.path], environment: Self.environment)
        #expect(bad.status == 1)
        #expect(bad.stderrText.hasPrefix("callisto run: "))
        let input = try makeNotebook(dir, "k.ipynb", kernel: "nope", cells: #"[("code", "1", None)]"#)
        let noKernel = try ProcessRunner.callisto(["run", input.path], environment: Self.environment)
        #expect(noKernel.status == 1)
        #expect(noKernel.stderrText.contains("no kernel named 'nope'"))
        let oddParams = try ProcessRunner.callisto(["run", input.path, "--kernel", "python3", "-p", "a"], environment: Self.environment)
        #expect(oddParams.status == 1)
        #expect(oddParams.stderrText.contains("NAME and a VALUE"))
    }
}
