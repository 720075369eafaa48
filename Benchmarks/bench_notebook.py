"""Notebook editor: the 2,000-cell `large` notebook (about 7 MB) of the shared harness, Callisto beside
euporie in the same run.

From outside, through tmux (../shared/bench paint.py and keys.py): time until the first cell is on
screen and memory then, `j` (next cell) latency, scrolling (PageDown/PageUp) latency, and typing in
the first cell (notebook_typing.py: Enter, then letters), with the harness floor; medians, p99 and
the ratio euporie / Callisto. In process (`callisto-bench notebook`): first frame, `j`, page down, typing in a
cell and typing in a 10,000-line cell, each with its frame drawn. Goals: first cell < 150 ms,
keystroke median < 5 ms (p99 < 16 ms) beyond the floor, memory < 3x file size + 40 MB.

Environment: BENCH_NOTEBOOK_PRESSES (default 100), BENCH_NOTEBOOK_RUNS (paint runs, default 5),
BENCH_NOTEBOOK_EUPORIE=0 to leave euporie out (it needs about a minute per open of `large`).
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

PRESSES = os.environ.get("BENCH_NOTEBOOK_PRESSES", "100")
RUNS = os.environ.get("BENCH_NOTEBOOK_RUNS", "5")



def large_notebook(ctx, env):
    path = pathlib.Path(env["BENCH_NOTEBOOKS"]) / "large.ipynb"
    if not path.exists():
        subprocess.run([sys.executable, str(ctx.shared_bench / "gen_notebooks.py"), "--only", "large"], env=env, check=True)
    return path


def in_process(ctx, path):
    out = subprocess.run([str(ctx.callisto_bench), "notebook", str(path)], capture_output=True, text=True, check=True, timeout=600)
    r = json.loads(out.stdout)
    print(f"in process ({r['cells']} cells, {r['file_mb']:.1f} MB): first frame {r['first_frame_ms']:.1f} ms, "
          f"RSS after load {r['rss_after_load_mb']:.0f} MB")
    for name in ["key_j_us", "page_down_us", "typing_us", "big_cell_typing_us"]:
        s = r[name]
        print(f"  {name[:-3]:>18}: median {s['median']:8.1f} us   p99 {s['p99']:8.1f} us   max {s['max']:8.1f} us   (n={int(s['n'])})")
    return r


def workspace_runs(ctx):
    """Whether the release binary opens the workspace on a terminal."""
    with tempfile.TemporaryDirectory() as d:
        sock = f"callisto-nb-probe-{os.getpid()}"
        tmux = ["tmux", "-L", sock, "-f", "/dev/null"]
        subprocess.run(tmux + ["new-session", "-d", "-x", "80", "-y", "24", f"cd {d}; {ctx.callisto}; sleep 30"], check=True)
        try:
            for _ in range(200):
                screen = subprocess.run(tmux + ["capture-pane", "-p"], capture_output=True, text=True).stdout
                if screen.strip():
                    return "no terminal backend" not in screen
                subprocess.run(["sleep", "0.05"])
            return False
        finally:
            subprocess.run(tmux + ["kill-server"], capture_output=True)


def outside(ctx, env, path):
    # State and config folders of its own: the typing phase leaves the notebook modified, and the
    # recovery copy written when the harness ends the editor must not greet the next run with a
    # dialog; autosave is off so the benchmark notebook keeps its content.
    with tempfile.TemporaryDirectory(prefix="callisto-nb-state-") as d:
        config = pathlib.Path(d) / "config" / "callisto"
        config.mkdir(parents=True)
        (config / "config.toml").write_text("[notebook]\nautosave-interval = 0\n")
        prefix = f"env XDG_STATE_HOME={d}/state XDG_CONFIG_HOME={d}/config"
        return measure_outside(ctx, env, path, f"callisto={prefix} {ctx.callisto} {{nb}}")


def measure_outside(ctx, env, path, callisto):
    with_euporie = os.environ.get("BENCH_NOTEBOOK_EUPORIE", "1") != "0" and (pathlib.Path(env["BENCH_HOME"]) / "venv/bin/euporie-notebook").exists()
    cmds = ["--cmd", callisto] + (["--cmd", "euporie"] if with_euporie else []) + ["--cmd", "floor"]
    results = pathlib.Path(env["BENCH_RESULTS"])
    paint_json = results / "notebook-paint.json"
    subprocess.run([sys.executable, str(ctx.shared_bench / "paint.py"), "--nb", str(path), "--marker", "PAINTMARK_large",
                    "--runs", RUNS] + cmds + ["--json", str(paint_json)], env=env, check=True)
    figures = {}
    keys_py = [str(ctx.shared_bench / "keys.py")]
    typing_py = [str(ctx.root / "Benchmarks" / "notebook_typing.py"), str(ctx.shared_bench)]
    letters = [a for c in "typing" for a in ("--key", c)]
    for label, script, keys in [("j", keys_py, ["--key", "j"]), ("scroll", keys_py, ["--key", "PageDown", "--key", "PageUp"]),
                                ("typing", typing_py, letters)]:
        out = results / f"notebook-keys-{label}.json"
        subprocess.run([sys.executable] + script + ["--nb", str(path), "--marker", "PAINTMARK_large",
                       "--presses", PRESSES, "--wait-gone", "Rendering"] + keys + cmds + ["--json", str(out)], env=env, check=True)
        figures[label] = json.loads(out.read_text())["summary"]
    paint = json.loads(paint_json.read_text())["summary"]
    nb_paint = next(iter(paint.values()))
    return nb_paint, figures


def main(ctx):
    if not shutil.which("tmux"):
        print("notebook: tmux not installed; skipped")
        return
    env = ctx.shared_env()
    path = large_notebook(ctx, env)
    size_mb = path.stat().st_size / 1_048_576
    in_process(ctx, path)
    if not workspace_runs(ctx):
        print("notebook: this callisto build has no terminal backend; the tmux measurements are skipped")
        return
    paint, keys = outside(ctx, env, path)
    summary(paint, keys, size_mb)


def summary(paint, keys, size_mb):
    """Callisto beside euporie: first cell, memory, and each key's median and p99 with ratios."""
    def stat(label, key, field):
        return ((paint.get(label) or {}).get(key) or {}).get(field)
    print(f"\nsummary (large, {size_mb:.1f} MB){'':14}{'callisto':>12}{'euporie':>12}{'ratio':>8}")
    rows = [("first cell on screen ms", stat("callisto", "paint_s", "median"), stat("euporie", "paint_s", "median"), 1e3),
            ("memory after load MB", stat("callisto", "rss_main_mb", "median"), stat("euporie", "rss_main_mb", "median"), 1)]
    for name, c, e, scale in rows:
        print(f"  {name:38}{fmt(c, scale):>12}{fmt(e, scale):>12}{ratio(e, c):>8}")
    for label in ("j", "typing", "scroll"):
        for field in ("median", "p99"):
            c = ((keys[label].get("callisto") or {}).get("latency_ms") or {}).get(field)
            e = ((keys[label].get("euporie") or {}).get("latency_ms") or {}).get(field)
            f = ((keys[label].get("floor") or {}).get("latency_ms") or {}).get(field)
            print(f"  {label + ' ' + field + ' ms (floor ' + fmt(f, 1) + ')':38}{fmt(c, 1):>12}{fmt(e, 1):>12}{ratio(e, c):>8}")
    print(f"goals: first cell < 150 ms, memory < {3 * size_mb + 40:.0f} MB (3 x file + 40 MB), "
          "key median < 5 ms and p99 < 16 ms beyond the floor")


def fmt(v, scale=1):
    return "–" if v is None else f"{v * scale:.1f}"


def ratio(e, c):
    return "–" if e is None or not c else f"{e / c:.1f}x"
