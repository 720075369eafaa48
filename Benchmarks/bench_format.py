"""NotebookFormat: read + write of ~1 MB, ~10 MB and ~50 MB notebooks, Callisto beside nbformat.

Callisto is timed in process by `callisto-bench format` (release build): bytes -> Notebook
(what nbformat.reads does: parse, rejoin lines, strip transient keys) and Notebook -> the exact
bytes nbformat.write produces. nbformat is timed in this process: nbformat.reads(text, 4) and
nbformat.writes(nb). Both start from bytes already in memory. Medians of RUNS runs, as wall time and as thread CPU time
(the CPU column is the fairer one when other work shares the machine).
"""
import base64
import json
import random
import statistics
import subprocess
import sys
import time
import warnings

RUNS = 7


def make_notebook(nbformat, cells, png_every, png_bytes, seed):
    """A deterministic notebook: 1/5 markdown, code cells with 20-line stream outputs, every
    `png_every`-th code cell with a PNG display_data output of `png_bytes` random bytes."""
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
    rng = random.Random(seed)
    out = []
    for i in range(cells):
        if i % 5 == 4:
            cell = new_markdown_cell(f"## Section {i}\n\nSome *markdown* with `code`, a list and é ☕:\n\n- a{i}\n- b{i}\n")
        else:
            text = "".join(f"cell {i} line {j}: value={rng.random():.6f}\n" for j in range(20))
            cell = new_code_cell(f"# cell {i}\nimport math\nvals = [math.sin(k * {i}) for k in range(20)]\n"
                                 f"for j, v in enumerate(vals):\n    print(f'cell {i} line {{j}}: {{v:.6f}}')",
                                 execution_count=i + 1,
                                 outputs=[new_output("stream", name="stdout", text=text)])
            if png_every and i % png_every == 0:
                png = base64.b64encode(rng.randbytes(png_bytes)).decode()
                cell.outputs.append(new_output("display_data", data={"image/png": png, "text/plain": "<Figure>"},
                                               metadata={"image/png": {"width": 640, "height": 480}}))
        cell["id"] = f"cell-{i:05d}"
        out.append(cell)
    nb = new_notebook(cells=out)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.metadata["language_info"] = {"name": "python", "version": "3.12.1"}
    return nb


def generate(ctx):
    import nbformat
    folder = ctx.results / "format-notebooks"
    folder.mkdir(parents=True, exist_ok=True)
    specs = {"1mb": (300, 50, 80_000), "10mb": (2000, 25, 80_000), "50mb": (6000, 20, 115_000)}
    paths = {}
    for name, (cells, png_every, png_bytes) in specs.items():
        path = folder / f"format-{name}.ipynb"
        if not path.exists():
            nb = make_notebook(nbformat, cells, png_every, png_bytes, seed=len(name) + cells)
            with open(path, "w", encoding="utf-8") as f:
                nbformat.write(nb, f)
        paths[name] = path
    return paths


def time_nbformat(path, runs):
    import nbformat
    text = path.read_text(encoding="utf-8")
    reads, writes, cpu = [], [], []
    for _ in range(runs):
        c0 = time.thread_time()
        t0 = time.perf_counter()
        nb = nbformat.reads(text, as_version=4)
        t1 = time.perf_counter()
        out = nbformat.writes(nb) + "\n"
        t2 = time.perf_counter()
        cpu.append((time.thread_time() - c0) * 1000)
        reads.append((t1 - t0) * 1000)
        writes.append((t2 - t1) * 1000)
    return reads, writes, cpu, out == text


def main(ctx):
    warnings.filterwarnings("ignore")
    paths = generate(ctx)
    names = list(paths)
    result = subprocess.run([str(ctx.callisto_bench), "format", "--runs", str(RUNS)] + [str(paths[n]) for n in names],
                            check=True, capture_output=True, text=True)
    callisto = json.loads(result.stdout)["files"]
    rows = []
    print(f"{'notebook':>9} {'size':>8}  {'callisto read':>13} {'write':>7} {'total':>7} {'cpu':>7}  "
          f"{'nbformat read':>13} {'write':>7} {'total':>7} {'cpu':>7}  {'ratio':>6} {'cpu':>6}  identical")
    for name, mine in zip(names, callisto):
        reads, writes, cpu, nb_same = time_nbformat(paths[name], RUNS)
        c_read, c_write = statistics.median(mine["read_ms"]), statistics.median(mine["write_ms"])
        c_total = statistics.median([r + w for r, w in zip(mine["read_ms"], mine["write_ms"])])
        n_read, n_write = statistics.median(reads), statistics.median(writes)
        n_total = statistics.median([r + w for r, w in zip(reads, writes)])
        c_cpu = statistics.median([r + w for r, w in zip(mine["read_cpu_ms"], mine["write_cpu_ms"])])
        n_cpu = statistics.median(cpu)
        ratio = n_total / c_total if c_total else float("inf")
        cpu_ratio = n_cpu / c_cpu if c_cpu else float("inf")
        print(f"{name:>9} {mine['bytes'] / 1e6:>6.1f}MB  {c_read:>11.1f}ms {c_write:>5.1f}ms {c_total:>5.1f}ms "
              f"{c_cpu:>5.1f}ms  {n_read:>11.1f}ms {n_write:>5.1f}ms {n_total:>5.1f}ms {n_cpu:>5.1f}ms  "
              f"{ratio:>5.1f}x {cpu_ratio:>5.1f}x  callisto={mine['identical']} nbformat={nb_same}")
        rows.append({"name": name, "bytes": mine["bytes"], "cells": mine["cells"],
                     "callisto": {"read_ms": c_read, "write_ms": c_write, "total_ms": c_total, "cpu_ms": c_cpu},
                     "nbformat": {"read_ms": n_read, "write_ms": n_write, "total_ms": n_total, "cpu_ms": n_cpu},
                     "ratio": ratio, "cpu_ratio": cpu_ratio, "identical": mine["identical"]})
    out = ctx.results / f"format-{ctx.stamp}.json"
    out.write_text(json.dumps({"schema": "callisto-bench.format.v1", "runs": RUNS, "rows": rows}, indent=1))
    print(f"(medians of {RUNS} runs, wall time and thread CPU time; ratio = nbformat / Callisto; results in {out})")
