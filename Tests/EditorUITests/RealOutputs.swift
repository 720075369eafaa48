import Foundation
import TestSupport

/// A notebook whose outputs come from the real libraries: nbclient runs its cells on the project's
/// ipykernel (matplotlib's inline PNG, a pandas DataFrame's HTML, IPython's Math/JSON/Markdown
/// displays, a traceback with ANSI colours, a `\r` progress loop, escape sequences, a long stream).
/// Executed once per test run; the path of the executed notebook.
enum RealOutputs {
    /// The cells, in order (index = cell index).
    enum Cell: Int, CaseIterable {
        case plot, frame, progress, error, escapes, latex, json, markdown, widget, plotly, long, wide, stderr
    }

    static let escapeText = "A\u{1b}]52;c;aGVsbG8=\u{07}B\u{1b}]0;pwned\u{07}C\u{1b}[2J\u{1b}[HD\u{1b}[5;5HE"
        + "\u{1b}P1$qm\u{1b}\\F\u{1b}_apc\u{1b}\\G\u{9b}2JH\u{07}I\u{1b}cJ\u{1b}[31mred\u{1b}[0m\u{1b}[?1049hK\u{0e}L\u{1b}"

    static let sources: [String] = [
        """
        %matplotlib inline
        import matplotlib.pyplot as plt, numpy as np
        x = np.linspace(0, 6.3, 200)
        plt.figure(figsize=(4, 3)); plt.plot(x, np.sin(x)); plt.title("sine"); plt.show()
        """,
        """
        import pandas as pd
        pd.DataFrame({"name": ["alpha", "beta", "gamma"], "value": [1.5, 22.25, 333.0], "count": [1, 20, 300]})
        """,
        """
        import time
        for i in range(101):
            print(f"\\rprogress {i}%", end="", flush=True)
            time.sleep(0.001)
        print()
        """,
        "1/0",
        "print(\(pythonLiteral(escapeText)))",
        "from IPython.display import Math, display\ndisplay(Math(r'\\frac{a}{b} + \\alpha^2'))",
        "from IPython.display import JSON\nJSON({'a': [1, 2], 'b': {'c': None}})",
        "from IPython.display import Markdown\nMarkdown('# Title\\n\\nSome *emphasis* and **bold**.')",
        """
        display({"application/vnd.jupyter.widget-view+json": {"model_id": "m1", "version_major": 2, "version_minor": 0},
                 "text/plain": "IntSlider(value=0)"}, raw=True)
        """,
        "display({'application/vnd.plotly.v1+json': {'data': [], 'layout': {}}, 'text/html': '<div>plotly</div>'}, raw=True)",
        "for i in range(5000): print(f'line {i}')",
        "print('x' * 300 + 'END')",
        "import sys; print('a warning', file=sys.stderr)",
    ]

    /// Python source for a str literal holding `text` (escapes as \x / \u).
    static func pythonLiteral(_ text: String) -> String {
        var out = "'"
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x27: out += "\\'"
            case 0x5C: out += "\\\\"
            case 0x20..<0x7F: out.unicodeScalars.append(scalar)
            default: out += String(format: "\\u%04x", scalar.value)
            }
        }
        return out + "'"
    }

    /// The executed notebook's path, or the error that prevented it.
    static let notebook: Result<String, Error> = Result {
        let dir = try ProjectPaths.makeTemporaryDirectory("callisto-real-outputs")
        let path = dir.appendingPathComponent("outputs.ipynb").path
        let cells = try String(decoding: JSONSerialization.data(withJSONObject: sources), as: UTF8.self)
        let script = """
        import json, sys, nbformat, nbclient
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.cells = [nbformat.v4.new_code_cell(s) for s in json.loads(sys.argv[1])]
        nbclient.NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True).execute()
        nbformat.write(nb, sys.argv[2])
        """
        let result = try ProcessRunner.python(script, arguments: [cells, path], environment: ["MPLBACKEND": "module://matplotlib_inline.backend_inline"])
        guard result.status == 0 else {
            throw NSError(domain: "RealOutputs", code: Int(result.status), userInfo: [NSLocalizedDescriptionKey: result.stderrText])
        }
        return path
    }
}
