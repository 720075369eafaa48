"""Notebook editor: the 2,000-cell `large` notebook (about 7 MB) of the shared harness, Callisto beside
euporie in the same run.

From outside, through tmux (../shared/bench paint.py and keys.py): time until the first cell is on
screen and memory then, `j` (next cell) latency, and scrolling (PageDown/PageUp) latency, with the
harness floor. In process (`callisto-bench notebook`): first frame, `j`, page down, typing in a
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


def bench_env(ctx):
    """`eval "$(setup.sh)"`: the export lines of the shared harness as a dict."""
    out = subprocess.run(["bash", str(ctx.shared_bench / "setup.sh")], capture_output=True, text=True, check=True).stdout
    env = dict(os.environ)
    for line in out.splitlines():
        if line.startswith("export ") and "=" in line:
            key, value = line[len("export "):].split("=", 1)
            env[key] = subprocess.run(["bash", "-c", f"printf %s {value}"], capture_output=True, text=True).stdout
    return env


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
    callisto = f"callisto={ctx.callisto} {{nb}}"
    with_euporie = os.environ.get("BENCH_NOTEBOOK_EUPORIE", "1") != "0" and (pathlib.Path(env["BENCH_HOME"]) / "venv/bin/euporie-notebook").exists()
    cmds = ["--cmd", callisto] + (["--cmd", "euporie"] if with_euporie else []) + ["--cmd", "floor"]
    results = pathlib.Path(env["BENCH_RESULTS"])
    paint_json = results / "notebook-paint.json"
    subprocess.run([sys.executable, str(ctx.shared_bench / "paint.py"), "--nb", str(path), "--marker", "PAINTMARK_large",
                    "--runs", RUNS] + cmds + ["--json", str(paint_json)], env=env, check=True)
    figures = {}
    for label, keys in [("j", ["--key", "j"]), ("scroll", ["--key", "PageDown", "--key", "PageUp"])]:
        out = results / f"notebook-keys-{label}.json"
        subprocess.run([sys.executable, str(ctx.shared_bench / "keys.py"), "--nb", str(path), "--marker", "PAINTMARK_large",
                        "--presses", PRESSES, "--wait-gone", "Rendering"] + keys + cmds + ["--json", str(out)], env=env, check=True)
        figures[label] = json.loads(out.read_text())["summary"]
    paint = json.loads(paint_json.read_text())["summary"]
    nb_paint = next(iter(paint.values()))
    return nb_paint, figures


def main(ctx):
    if not shutil.which("tmux"):
        print("notebook: tmux not installed; skipped")
        return
    env = bench_env(ctx)
    path = large_notebook(ctx, env)
    size_mb = path.stat().st_size / 1_048_576
    in_process(ctx, path)
    if not workspace_runs(ctx):
        print("notebook: this callisto build has no terminal backend; the tmux measurements are skipped")
        return
    paint, keys = outside(ctx, env, path)
    c = paint.get("callisto", {})
    floor_j = keys["j"].get("floor", {}).get("latency_ms") or {}
    cj = keys["j"].get("callisto", {}).get("latency_ms") or {}
    first = (c.get("paint_s") or {}).get("median")
    rss = (c.get("rss_main_mb") or {}).get("median")
    print("\ngoals (callisto, large):")
    if first is not None:
        print(f"  first cell on screen {first * 1e3:7.1f} ms  (goal < 150 ms)")
    if rss is not None:
        print(f"  memory after load    {rss:7.1f} MB  (goal < {3 * size_mb + 40:.0f} MB = 3 x {size_mb:.1f} MB + 40 MB)")
    if cj and floor_j:
        print(f"  j beyond the floor   median {cj['median'] - floor_j['median']:5.1f} ms (goal < 5), "
              f"p99 {cj['p99'] - floor_j['p99']:5.1f} ms (goal < 16)")
