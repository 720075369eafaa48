import Foundation
import TestSupport

/// Small files written into a temporary folder for the tests.
enum Fixtures {
    static let directory: URL = {
        let dir = try! ProjectPaths.makeTemporaryDirectory("callisto-ui")
        try! (1...60).map { "line \($0): the quick brown fox" }.joined(separator: "\n")
            .write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try! "print('hi')\n\tindented\u{1b}[31m\n".write(to: dir.appendingPathComponent("script.py"), atomically: true, encoding: .utf8)
        try! Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x02]).write(to: dir.appendingPathComponent("program.bin"))
        try! notebook.write(to: dir.appendingPathComponent("demo.ipynb"), atomically: true, encoding: .utf8)
        try! "{ not json".write(to: dir.appendingPathComponent("broken.ipynb"), atomically: true, encoding: .utf8)
        return dir
    }()

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static let notebook = """
    {"cells": [
     {"cell_type": "markdown", "id": "m1", "metadata": {}, "source": ["# Demo\\n", "Some *text*."]},
     {"cell_type": "code", "execution_count": 3, "id": "c1", "metadata": {}, "outputs": [
       {"name": "stdout", "output_type": "stream", "text": ["hello\\n"]},
       {"data": {"text/plain": ["42"]}, "execution_count": 3, "metadata": {}, "output_type": "execute_result"},
       {"data": {"image/png": "AAAA"}, "metadata": {}, "output_type": "display_data"}
     ], "source": ["print('hello')\\n", "6 * 7"]},
     {"cell_type": "code", "execution_count": 4, "id": "c2", "metadata": {}, "outputs": [
       {"ename": "ZeroDivisionError", "evalue": "division by zero", "output_type": "error",
        "traceback": ["\\u001b[31mTraceback\\u001b[0m", "1/0"]}
     ], "source": ["1/0"]}
    ],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    "nbformat": 4, "nbformat_minor": 5}
    """
}
