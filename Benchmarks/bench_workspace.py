"""Workspace: first complete frame, full-screen frame time, idle CPU — Callisto beside the floor.

1. First frame: /work/shared/bench/paint.py runs the release binary in a private tmux server
   (120x40) on a small notebook whose first cell holds a marker, beside the `floor` preset (`sh`
   echoing the marker, then `cat`): the time until the marker shows in `capture-pane`. Goal < 30 ms
   over the floor.
2. Frame: `callisto-bench workspace` draws complete 200x60 frames in process (tour.ipynb and a
   notebook in two panes, side panel shown) and presents them to the memory backend: a full frame
   (as after a resize), an unchanged frame, and a frame after scrolling. Goal < 2 ms.
3. Idle CPU: the binary runs in tmux; after first paint, utime+stime from /proc/<pid>/stat over 10 s
   of no input, beside `cat`. Goal < 10 ms per 10 s.
"""
import json
import statistics
import subprocess
import sys
import time

IDLE_SECONDS = 10.0


def load_benchlib(ctx):
    sys.path.insert(0, str(ctx.shared_bench))
    import benchlib  # noqa: E402
    return benchlib


def marker_notebook(ctx):
    """A small notebook with the paint marker in its first cell."""
    folder = ctx.results / "workspace"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "wsbench.ipynb"
    cells = [{"cell_type": "code", "execution_count": 1, "id": "c0", "metadata": {}, "outputs": [],
              "source": ["print('PAINTMARK_wsbench')"]}]
    for i in range(1, 30):
        cells.append({"cell_type": "code", "execution_count": i + 1, "id": f"c{i}", "metadata": {},
                      "outputs": [{"name": "stdout", "output_type": "stream", "text": [f"line {i}\n"]}],
                      "source": [f"x = {i}\n", "print(x)"]})
    nb = {"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(nb, indent=1))
    return path


def first_frame(ctx, nb):
    out = ctx.results / f"workspace-paint-{ctx.stamp}.json"
    cmd = [sys.executable, str(ctx.shared_bench / "paint.py"), "--cmd", "floor",
           "--cmd", f"callisto={ctx.callisto} {{nb}}", "--nb", str(nb), "--runs", "7", "--json", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ctx.root)
    if proc.returncode != 0 or not out.exists():
        print(f"first frame: paint.py failed: {proc.stderr.strip()[-400:]}")
        return None
    summary = json.loads(out.read_text())["summary"]["wsbench"]
    def med(label):
        s = summary.get(label, {}).get("paint_s")
        return s["median"] * 1000 if s else None
    floor, callisto = med("floor"), med("callisto")
    print(f"first frame (tmux, 120x40, median of 7): callisto {fmt(callisto)} ms, floor {fmt(floor)} ms, "
          f"callisto − floor {fmt(callisto - floor if callisto and floor else None)} ms (goal < 30 ms)")
    return {"callisto_ms": callisto, "floor_ms": floor}


def frame_times(ctx, nb):
    tour = ctx.root / "examples" / "tour.ipynb"
    proc = subprocess.run([str(ctx.callisto_bench), "workspace", str(tour), str(nb), "--size", "200x60", "--runs", "300"],
                          capture_output=True, text=True, check=True)
    data = json.loads(proc.stdout)
    med = {k: statistics.median(data[k]) for k in ("full_ms", "unchanged_ms", "scroll_ms")}
    print(f"frame at 200x60 (in process, median of 300): full {med['full_ms']:.3f} ms, "
          f"unchanged {med['unchanged_ms']:.3f} ms, after scroll {med['scroll_ms']:.3f} ms (goal < 2 ms)")
    return med


def idle_cpu(ctx, bl, nb):
    results = {}
    with bl.RunDir("wsidle") as run:
        env = bl.tool_env(run)
        with bl.TmuxServer(run, env, 120, 40) as server:
            for label, argv in (("floor", ["sh", "-c", "echo PAINTMARK_wsbench; exec cat"]),
                                ("callisto", [str(ctx.callisto), str(nb)])):
                pane = server.start(argv)
                try:
                    deadline = time.monotonic() + 10
                    while "PAINTMARK_wsbench" not in server.capture(pane) and time.monotonic() < deadline:
                        time.sleep(0.02)
                    pid = pane.pid
                    # `env` execs the command: the pane's pid is the program's.
                    time.sleep(0.5)
                    before = bl.cpu_seconds(pid)
                    time.sleep(IDLE_SECONDS)
                    after = bl.cpu_seconds(pid)
                    results[label] = (after - before) * 1000
                finally:
                    server.stop(pane)
    print(f"idle CPU over {IDLE_SECONDS:.0f} s: callisto {fmt(results.get('callisto'))} ms, "
          f"cat {fmt(results.get('floor'))} ms (goal < 10 ms; clock tick 10 ms)")
    return results


def fmt(v, digits=1):
    return "–" if v is None else f"{v:.{digits}f}"


def main(ctx):
    bl = load_benchlib(ctx)
    nb = marker_notebook(ctx)
    record = {"frame": frame_times(ctx, nb)}
    record["first_frame"] = first_frame(ctx, nb)
    record["idle_cpu_ms"] = idle_cpu(ctx, bl, nb)
    (ctx.results / f"workspace-{ctx.stamp}.json").write_text(json.dumps(record, indent=1))
