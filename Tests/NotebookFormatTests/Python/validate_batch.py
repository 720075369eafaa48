"""nbformat's verdict on every *.ipynb of a folder: prints one line per file, `NAME<TAB>valid` or
`NAME<TAB>invalid<TAB>message`, after nbformat.reads (which, like Callisto, repairs 4.5 cell ids)."""
import pathlib
import sys
import warnings

import nbformat

warnings.filterwarnings("ignore")
import logging
logging.disable(logging.CRITICAL)

for path in sorted(pathlib.Path(sys.argv[1]).glob("*.ipynb")):
    try:
        nb = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
        nbformat.validate(nb)
        print(f"{path.name}\tvalid")
    except Exception as exc:  # ValidationError or a read error
        print(f"{path.name}\tinvalid\t{str(exc).splitlines()[0][:200]}")
