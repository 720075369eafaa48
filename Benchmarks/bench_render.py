"""Rendering: ANSI output, markdown and syntax highlighting, Callisto beside Python references.

Inputs are generated deterministically under bench-results/render-inputs/:
- ansi: 1,000,000 lines of coloured output (SGR 16/256/truecolor, a progress bar with \\r, tabs,
  an OSC title now and then). Callisto: AnsiText.lines (parse to styled lines, neutralise every
  other sequence, apply \\r and tabs). Reference: a Python regex that strips CSI/OSC sequences and
  splits lines (less work than Callisto does: no styles, no \\r, no tabs, no UTF-8 repair).
- markdown: a ~1 MB document (headings, lists, tables, code, math, links). Callisto:
  Markdown.render at width 100 (cmark-gfm parse + layout). Reference: markdown-it-py (from the
  venv, via jupytext) parsing and rendering the same text to HTML.
- highlight: a 10,000-line Python file. Callisto: Highlighter(.python) over every line.
  Reference: pygments' PythonLexer tokenising it (from the venv, via IPython).
Callisto is timed in process by `callisto-bench render` (release build); the references in this
process. Medians of RUNS runs, wall and thread CPU time, and Callisto's speed-up (reference/Callisto).
"""
import json
import random
import re
import statistics
import subprocess
import time

RUNS = 5


def make_inputs(folder):
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    ansi = folder / "ansi-1m.txt"
    if not ansi.exists():
        parts = []
        for i in range(1_000_000):
            k = i % 10
            if k == 0:
                parts.append(f"\x1b[1;32mINFO\x1b[0m\tstep {i}: loss={rng.random():.5f}\n")
            elif k == 1:
                parts.append(f"\x1b[38;5;{i % 256}mindexed {i}\x1b[39m and \x1b[38;2;{i % 256};100;200mtruecolor\x1b[0m\n")
            elif k == 2:
                parts.append(f" 10%|#         |\r 50%|#####     |\r100%|##########| {i}/1000000\n")
            elif k == 3:
                parts.append(f"\x1b]0;title {i}\x07plain line with é and 漢字 {i}\n")
            else:
                parts.append(f"plain output line number {i} with some words to make it realistic\n")
        ansi.write_text("".join(parts), encoding="utf-8")
    md = folder / "doc-1mb.md"
    if not md.exists():
        sections = []
        i = 0
        while sum(len(s) for s in sections) < 1_000_000:
            sections.append(
                f"## Section {i}\n\nSome *emphasis*, **strong**, `code`, a [link](https://example.org/{i}) and "
                f"math $a_{{{i}}}^2 + \\alpha \\le \\frac{{1}}{{2}}$ in a paragraph that is long enough to wrap "
                f"across more than one line of the terminal at a width of one hundred columns.\n\n"
                f"- item one\n- item two with ~~strike~~\n  1. nested\n- [x] done\n\n"
                f"| name | value | note |\n|:--|--:|:-:|\n| a{i} | {i} | 漢字 |\n| longer name | {i * 3} | ok |\n\n"
                f"```python\ndef f{i}(x):\n    return x * {i}  # comment\n```\n\n> quoted text {i}\n\n")
            i += 1
        md.write_text("".join(sections), encoding="utf-8")
    py = folder / "code-10k.py"
    if not py.exists():
        block = '''@decorator(arg=1)
def function_{n}(a: int, b: str = "default", *args, **kwargs) -> dict:
    """Docstring for function {n}.

    It spans lines.
    """
    value = 0x1F + 1_000 + 3.5e-2 + 2j
    name = f"{{a!r:>10}} and {{b}}"
    raw = rb'\\d+' + r"\\w"
    if value > 10 and name is not None:  # a comment
        for i in range(len(args)):
            value += i ** 2
    match value:
        case 1:
            pass
    return {{"value": value, "name": name, "raw": raw}}


class Thing{n}(Base):
    attr: list[int] = []

'''
        lines = []
        n = 0
        while len(lines) < 10_000:
            lines.extend(block.format(n=n).splitlines())
            n += 1
        py.write_text("\n".join(lines[:10_000]) + "\n", encoding="utf-8")
    return ansi, md, py


def callisto(ctx, kind, path):
    out = subprocess.run([str(ctx.callisto_bench), "render", kind, str(path), "--runs", str(RUNS)],
                         check=True, capture_output=True, text=True).stdout
    r = json.loads(out)
    return statistics.median(r["ms"]), statistics.median(r["cpu_ms"]), r["lines"]


def timed(fn):
    wall, cpu = [], []
    result = None
    for _ in range(RUNS):
        c0 = time.thread_time()
        t0 = time.perf_counter()
        result = fn()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
    return statistics.median(wall), statistics.median(cpu), result


def main(ctx):
    ansi, md, py = make_inputs(ctx.results / "render-inputs")
    rows = []

    strip = re.compile(r"\x1b\[[0-9;:?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
    text = ansi.read_text(encoding="utf-8")
    ref = timed(lambda: len(strip.sub("", text).split("\n")))
    rows.append(("ansi 1M lines", callisto(ctx, "ansi", ansi), ref, "python regex strip + split"))

    from markdown_it import MarkdownIt
    mdtext = md.read_text(encoding="utf-8")
    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    ref = timed(lambda: len(parser.render(mdtext)))
    rows.append(("markdown ~1 MB", callisto(ctx, "markdown", md), ref, "markdown-it-py to HTML"))

    from pygments.lexers import PythonLexer
    source = py.read_text(encoding="utf-8")
    lexer = PythonLexer()
    ref = timed(lambda: sum(1 for _ in lexer.get_tokens(source)))
    rows.append(("highlight 10k-line Python", callisto(ctx, "highlight", py), ref, "pygments PythonLexer tokens"))

    print(f"{'case':28} {'callisto ms':>12} {'cpu':>8} {'reference ms':>13} {'cpu':>8} {'speed-up':>9}  reference")
    results = []
    for name, (cw, cc, lines), (rw, rc, _), refname in rows:
        ratio = rw / cw if cw else float("inf")
        print(f"{name:28} {cw:12.1f} {cc:8.1f} {rw:13.1f} {rc:8.1f} {ratio:8.2f}x  {refname}")
        results.append({"case": name, "callisto_ms": cw, "callisto_cpu_ms": cc, "output_lines": lines,
                        "reference": refname, "reference_ms": rw, "reference_cpu_ms": rc, "speedup": ratio})
    (ctx.results / f"render-{ctx.stamp}.json").write_text(json.dumps(results, indent=2))
