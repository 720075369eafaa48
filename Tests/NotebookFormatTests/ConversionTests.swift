import Foundation
import Testing
@testable import NotebookFormat

@Suite struct ConversionTests {
    static func notebook() -> Notebook {
        var nb = Notebook(metadata: ["kernelspec": ["name": "python3", "display_name": "Python 3 (ipykernel)",
                                                    "language": "python"],
                                     "language_info": ["name": "python"]])
        nb.cells = [
            Cell(.markdown, source: "# Title\n\nSome *text*", id: "a"),
            Cell(.code, source: "%matplotlib inline\n!ls\nx = 1", id: "b", metadata: ["tags": ["keep_output"], "scrolled": true]),
            Cell(.raw, source: "raw stuff", id: "c"),
            Cell(.code, source: "def f():\n    pass", id: "d"),
            Cell(.code, source: "%%bash\necho hi", id: "e"),
        ]
        return nb
    }

    @Test func percentScriptLooksLikeJupytexts() {
        let script = PercentScript.script(from: Self.notebook())
        let expected = """
            # ---
            # jupyter:
            #   jupytext:
            #     text_representation:
            #       extension: .py
            #       format_name: percent
            #       format_version: '1.3'
            #       jupytext_version: 1.19.6
            #   kernelspec:
            #     display_name: Python 3 (ipykernel)
            #     language: python
            #     name: python3
            # ---

            # %% [markdown]
            # # Title
            #
            # Some *text*

            # %% tags=["keep_output"]
            # %matplotlib inline
            # !ls
            x = 1


            # %% [raw]
            # raw stuff

            # %%
            def f():
                pass

            # %% language="bash"
            # echo hi

            """
        #expect(script == expected)
    }

    @Test func percentScriptReadsBack() {
        let back = PercentScript.notebook(from: PercentScript.script(from: Self.notebook()))
        #expect(back.cells.map(\.cellType) == [.markdown, .code, .raw, .code, .code])
        #expect(back.cells.map(\.source) == ["# Title\n\nSome *text*", "%matplotlib inline\n!ls\nx = 1", "raw stuff",
                                             "def f():\n    pass", "%%bash\necho hi"])
        #expect(back.cells[1].metadata == ["tags": ["keep_output"]])
        #expect(back.metadata["kernelspec"]?["name"] == "python3")
        #expect(back.metadata["jupytext"] == nil)
        #expect(back.cells.allSatisfy { $0.id?.count == 8 })
        #expect(NotebookValidator.validate(back) == [])
    }

    @Test func plainScriptsWithoutHeaderBecomeOneNotebook() {
        let nb = PercentScript.notebook(from: "import os\n\n# %% [markdown]\n# Hello\n\n# %% Title key=1\nx = 2\n")
        #expect(nb.cells.map(\.cellType) == [.code, .markdown, .code])
        #expect(nb.cells[2].metadata == ["title": "Title", "key": 1])
        #expect(nb.metadata["jupytext"]?["notebook_metadata_filter"] == "-all")
        #expect(nb.metadata["jupytext"]?["main_language"] == "python")
    }

    @Test func yamlScalarsAreQuotedLikePyYAML() {
        #expect(JupytextYAML.scalar("1.3") == "'1.3'")
        #expect(JupytextYAML.scalar("1.19.6") == "1.19.6")
        #expect(JupytextYAML.scalar("Python 3 (ipykernel)") == "Python 3 (ipykernel)")
        #expect(JupytextYAML.scalar("yes") == "'yes'")
        #expect(JupytextYAML.scalar("") == "''")
        #expect(JupytextYAML.scalar("a: b") == "'a: b'")
        #expect(JupytextYAML.scalar("Pythön") == "\"Pyth\\xF6n\"")
        #expect(JupytextYAML.parse(["jupyter:", "  a: '1.3'", "  b:", "  - x", "  - y: 1", "  c: true"])
                == ["jupyter": ["a": "1.3", "b": ["x", ["y": 1]], "c": true]])
    }

    @Test func magicsAreRecognizedLikeJupytext() {
        for line in ["%time x", "%%time", "!ls", "x = !ls", "ls -l", "cd ..", "?print", "print?", "  %env A=1"] {
            #expect(PythonMagics.isMagic(line), "\(line)")
        }
        for line in ["x = 1", "ls = 3", "print('?')", "# comment", "cat_count = 1"] {
            #expect(!PythonMagics.isMagic(line), "\(line)")
        }
        #expect(PythonMagics.comment(["s = '''", "%not", "'''", "%magic"]) == ["s = '''", "%not", "'''", "# %magic"])
    }

    @Test func markdownExport() throws {
        var nb = Self.notebook()
        nb.cells[1].outputs = [.stream(name: "stdout", text: "\u{1B}[31mred\u{1B}[0m\n"),
                               .displayData(data: ["image/png": "AAA", "text/plain": "<Figure size 640x480>"]),
                               .executeResult(executionCount: 1, data: ["text/plain": "```x```"])]
        let md = MarkdownExport.markdown(from: nb)
        #expect(md.hasPrefix("# Title\n\nSome *text*\n\n```python\n%matplotlib inline\n!ls\nx = 1\n```\n\n```\nred\n```\n\n"))
        #expect(md.contains("*[image output (image/png): <Figure size 640x480>]*"))
        #expect(md.contains("````\n```x```\n````"))
        #expect(md.contains("raw stuff"))
        #expect(md.hasSuffix("```\n"))
    }
}
