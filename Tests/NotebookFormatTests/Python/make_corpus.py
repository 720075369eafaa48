"""Writes a varied corpus of notebooks with nbformat, for Callisto's differential tests.

    python make_corpus.py OUTDIR [COUNT]

For every case NAME it writes NAME.ipynb (the input) and NAME.expected.ipynb, the bytes of
nbformat.write(nbformat.read(input)), which Callisto's read -> write must reproduce exactly.
Inputs are mostly written by nbformat itself; some are written by plain json.dumps (unsorted keys,
compact or odd layout, unsplit strings, transient keys) to exercise the reader. Deterministic (seeded).
"""
import io
import json
import random
import sys
import warnings

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_output, new_raw_cell

warnings.filterwarnings("ignore")
import logging
logging.disable(logging.CRITICAL)

TEXTS = [
    "plain ascii", "", "\n", "a\nb", "a\nb\n", "line\r\nwindows\r\n", "old mac\rline", "tab\there",
    "quote \" and backslash \\ and slash / </script>", "Café ☕ naïve", "e\u0301 combining (NFD) vs \u00e9",
    "👨‍👩‍👧‍👦 family ZWJ, 🏳️‍🌈 flag, 👍🏽 skin", "漢字かなカナ 한국어", "שלום עולם RTL مرحبا",
    "sep\u2028line\u2029para", "nel\x85here", "ctl \x00\x01\x07\x1b[31mred\x1b[0m \x7f del",
    "vt\x0bff\x0cfs\x1cgs\x1drs\x1eend", "trailing spaces   \n\n\n", "\ufeffbom inside", "\U0001F600\U0010FFFF",
    "x" * 300, "mixed\n\r\n\r\x0b\x0c\x1c\x85\u2028\u2029end",
]
CODE = [
    "%matplotlib inline\nimport numpy as np", "!pip install x\nfiles = !ls", "%%bash\necho hi\n", "%%time\nx = 1",
    "def f(x):\n    return x\n", "class A:\n    pass", "@decorator\ndef g():\n    pass", "async def h():\n    pass",
    '"""docstring\n%not magic\n"""\nx = 1', "  indented = 1", "x = 1\n\n\n\ny = 2", "?print", "print?", "ls -l",
    "cd ..\n", "# %% fake marker inside\nz = 3", "%%html\n<b>x</b>", "%%writefile f.py\nprint(1)", "%%bash -l\nls",
    "x = %env HOME", "a = 1 \\\n  + 2", "%load_ext autoreload\n%autoreload 2", "# comment only", "# + not light",
    "import os\n\n\ndef main():\n    pass\n\n\nmain()", "'''single\ntriple'''", "s = 'it' + \"s\"  # comment ' quote",
]
MARKDOWN = ["# Title?\n\ntext", "```python\n# %% inside fence\n```", "What?", "# Heading\n\n- item\n- item 2",
            "$$x^2$$", "<!-- html -->", "Text with # hash", "    indented code"]
FLOATS = [0.0, -0.0, 1.0, 0.1, 0.1 + 0.2, 1e16, 9.1e15, 2.0 ** 53 + 2, 9999999999999998.0, 1e-4, 1e-5, 1.5e-5,
          123456.789, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 1e22, 1e100, -2.5, 3.141592653589793,
          float("nan"), float("inf"), float("-inf"), 100000.0, 1e15, 0.00012]
INTS = [0, 1, -1, 2 ** 53, 2 ** 64, -(2 ** 70), 10 ** 40, 7]
MIMES_TEXT = ["text/plain", "text/html", "text/markdown", "text/latex", "application/javascript", "image/svg+xml"]
MIMES_JSON = ["application/json", "application/vnd.jupyter.widget-view+json", "application/geo+json",
              "application/vnd.plotly.v1+json"]
PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\n"


def rtext(r):
    return "".join(r.choice(TEXTS) + r.choice(["", "\n"]) for _ in range(r.randint(0, 4)))


def rjson(r, depth=0):
    k = r.randint(0, 8 if depth < 3 else 4)
    if k == 0: return None
    if k == 1: return r.choice([True, False])
    if k == 2: return r.choice(INTS)
    if k == 3: return r.choice(FLOATS)
    if k == 4: return r.choice(TEXTS)
    if k in (5, 6): return [rjson(r, depth + 1) for _ in range(r.randint(0, 4))]
    keys = ["a", "B", "z", "é", "e\u0301", "Ω", "😀", "", " ", "a/b", "_", "Z", "ä", "\u2028", "1", "10", "2"]
    return {r.choice(keys) + r.choice(["", "x", "é"]): rjson(r, depth + 1) for _ in range(r.randint(0, 5))}


def rbundle(r):
    data = {}
    for m in r.sample(MIMES_TEXT, r.randint(1, 3)):
        data[m] = rtext(r) or "x"
    if r.random() < 0.4:
        data["image/png"] = PNG
    if r.random() < 0.3:
        data[r.choice(MIMES_JSON)] = rjson(r)
    if r.random() < 0.1:
        data["application/x-unknown-mime"] = r.choice([rtext(r), ["a\n", "b"]])
    return data


def routput(r, n):
    t = r.choice(["stream", "stream", "display_data", "execute_result", "error", "unknown"])
    if t == "stream":
        return new_output("stream", name=r.choice(["stdout", "stderr"]), text=rtext(r))
    if t == "display_data":
        return new_output("display_data", data=rbundle(r), metadata=r.choice([{}, {"isolated": True},
                          {"image/png": {"width": 10, "height": 2.5}}]))
    if t == "execute_result":
        return new_output("execute_result", data=rbundle(r), execution_count=n)
    if t == "error":
        return new_output("error", ename="ValueError", evalue=rtext(r),
                          traceback=["\x1b[0;31m---\x1b[0m", "line\nwith newline", rtext(r)])
    return {"output_type": "future_output", "payload": rjson(r), "text": ["a\n", "b"]}


def rmeta(r):
    m = {}
    if r.random() < 0.3: m["tags"] = r.sample(["keep_output", "parameters", "hide-input", "tag é"], r.randint(0, 3))
    if r.random() < 0.2: m["collapsed"] = r.choice([True, False])
    if r.random() < 0.2: m["scrolled"] = r.choice([True, False, "auto"])
    if r.random() < 0.2: m["jupyter"] = {"source_hidden": True, "outputs_hidden": False}
    if r.random() < 0.2:
        m["execution"] = {"iopub.execute_input": "2026-11-21T10:00:00.123456Z", "iopub.status.busy": "2026-11-21T10:00:00.1Z",
                          "shell.execute_reply": "2026-11-21T10:00:01Z", "iopub.status.idle": "2026-11-21T10:00:01.5Z"}
    if r.random() < 0.15: m["colab"] = {"base_uri": "https://localhost:8080/", "height": 35}
    if r.random() < 0.1: m["outputId"] = "6f1c2e3d-0000-4abc-9def-123456789abc"
    if r.random() < 0.2: m["custom"] = rjson(r)
    if r.random() < 0.05: m["title"] = "A title"
    if r.random() < 0.05: m["lines_to_next_cell"] = 2
    if r.random() < 0.05: m["bad key!"] = 1
    if r.random() < 0.05: m["tags"] = []
    return m


def notebook(r, minor, ncells):
    cells = []
    for i in range(ncells):
        kind = r.choice(["code", "code", "code", "markdown", "raw", "unknown"])
        if kind == "code":
            src = r.choice(CODE) if r.random() < 0.6 else rtext(r)
            c = new_code_cell(src, metadata=rmeta(r), execution_count=r.choice([None, i, 0, 10 ** 6]))
            c.outputs = [routput(r, i) for _ in range(r.randint(0, 3))]
        elif kind == "markdown":
            c = new_markdown_cell(r.choice(MARKDOWN) if r.random() < 0.5 else rtext(r), metadata=rmeta(r))
            if r.random() < 0.3:
                c.attachments = {"img é.png": {"image/png": PNG, "text/plain": ["alt\n", "text"]}}
        elif kind == "raw":
            c = new_raw_cell(rtext(r), metadata=r.choice([{}, {"format": "text/x-rst"}, {"raw_mimetype": "text/html"}]))
        else:
            c = nbformat.from_dict({"cell_type": "heading", "level": 2, "metadata": {}, "source": rtext(r)})
        if minor >= 5:
            c["id"] = r.choice(["%08x" % r.getrandbits(32), "cell-%d" % i, "%032x" % r.getrandbits(128)]) + "-%d" % i
        else:
            c.pop("id", None)
        cells.append(c)
    nb = nbformat.from_dict({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": minor})
    meta = {}
    if r.random() < 0.8:
        meta["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
        meta["language_info"] = {"name": "python", "version": "3.12.1", "codemirror_mode": {"name": "ipython", "version": 3},
                                 "file_extension": ".py", "mimetype": "text/x-python", "nbconvert_exporter": "python",
                                 "pygments_lexer": "ipython3"}
    if r.random() < 0.3:
        meta["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {"abc": {"model_name": "IntSliderModel",
                           "state": {"value": r.choice(INTS), "step": 0.1}}}, "version_major": 2, "version_minor": 0}}
    if r.random() < 0.3:
        meta["colab"] = {"provenance": [], "collapsed_sections": [], "gpuType": "T4"}
        meta["accelerator"] = "GPU"
    if r.random() < 0.3:
        meta["vscode"] = {"interpreter": {"hash": "%064x" % r.getrandbits(256)}}
    if r.random() < 0.3:
        meta["title"] = rtext(r)
        meta["authors"] = [{"name": "Ada Lovelace"}, {"name": "名前"}]
    if r.random() < 0.4:
        meta["floats"] = {str(i): f for i, f in enumerate(FLOATS)}
        meta["ints"] = INTS
    if r.random() < 0.3:
        meta["random"] = rjson(r)
    nb.metadata = meta
    return nb


def write_messy(nb, r):
    """json.dumps of an in-memory notebook without nbformat's layout: shuffled keys, unsplit or split
    strings, transient keys that nbformat strips."""
    d = json.loads(json.dumps(nb))
    d["metadata"]["orig_nbformat"] = 3
    d["metadata"]["signature"] = "sha256:abc"
    for c in d["cells"]:
        c.setdefault("metadata", {})["trusted"] = True
        if r.random() < 0.5 and isinstance(c.get("source"), str):
            c["source"] = c["source"].splitlines(True)

    def shuffle(v):
        if isinstance(v, dict):
            items = list(v.items())
            r.shuffle(items)
            return {k: shuffle(x) for k, x in items}
        if isinstance(v, list):
            return [shuffle(x) for x in v]
        return v

    d = shuffle(d)
    style = r.choice([dict(), dict(indent=2), dict(separators=(",", ":")), dict(indent=4, ensure_ascii=True)])
    return json.dumps(d, **style)


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 120
    r = random.Random(20261121)
    for n in range(count):
        minor = [0, 1, 2, 3, 4, 5, 5, 5][n % 8]
        nb = notebook(r, minor, r.randint(0, 12))
        name = f"{out}/nb{n:03d}-v4.{minor}"
        if n % 5 == 4:
            text = write_messy(nb, r)
            with open(name + ".ipynb", "w", encoding="utf-8") as f:
                f.write(text)
        else:
            with open(name + ".ipynb", "w", encoding="utf-8") as f:
                nbformat.write(nb, f)
        with open(name + ".ipynb", encoding="utf-8") as f:
            again = nbformat.read(f, as_version=4)
        with open(name + ".expected.ipynb", "w", encoding="utf-8") as f:
            nbformat.write(again, f)
    print(count)


main()
