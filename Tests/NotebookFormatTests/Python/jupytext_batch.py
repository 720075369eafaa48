"""jupytext's py:percent conversions for a folder of notebooks, in one process.

    python jupytext_batch.py to-py DIR        # NAME.ipynb -> NAME.jupytext.py (jupytext.writes(nb, "py:percent"))
    python jupytext_batch.py to-ipynb DIR     # NAME.py -> NAME.jupytext.json: what `jupytext --to ipynb` reads,
                                              # with cell ids removed (they are random)
"""
import json
import pathlib
import sys
import warnings

import jupytext
import nbformat

warnings.filterwarnings("ignore")
import logging
logging.disable(logging.CRITICAL)

mode, folder = sys.argv[1], pathlib.Path(sys.argv[2])
if mode == "to-py":
    for path in sorted(folder.glob("*.ipynb")):
        if path.name.endswith(".expected.ipynb"):
            continue
        nb = nbformat.read(str(path), as_version=4)
        text = jupytext.writes(nb, "py:percent")
        path.with_suffix(".jupytext.py").write_text(text, encoding="utf-8")
else:
    for path in sorted(folder.glob("*.py")):
        if path.name.endswith(".jupytext.py"):
            continue
        nb = jupytext.reads(path.read_text(encoding="utf-8"), "py:percent")
        nb = jupytext.jupytext.drop_text_representation_metadata(nb)
        for cell in nb.cells:
            cell.pop("id", None)
        path.with_suffix(".jupytext.json").write_text(json.dumps(nb, sort_keys=True, ensure_ascii=False), encoding="utf-8")
