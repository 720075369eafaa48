"""Output flood: a cell prints 1,000,000 lines while the user types in another cell; Callisto beside
euporie (where the shared harness installed it) in the same run.

Each editor runs in a private tmux server (120x40) on a three-cell notebook: a marker, the flood
(`for i in range(1_000_000): print(...)`), and an empty cell. The flood is started (Callisto: Ctrl+E
on the cell; euporie: `--run`, which runs the notebook when it is loaded), the empty cell is entered,
and characters are typed one at a time while the lines arrive. For each key: send-keys → the typed
text visible on screen (the latency). Then: the time until the flood's last line is on screen, and
the editor's peak memory (VmHWM of its process; kernels not counted).

In process (`callisto-bench outputs`): a million lines through `OutputArea` unbounded and bounded,
and the notebook view's frames on a cell holding a million-line output.

Goals: typing median < 30 ms while the flood runs; memory < 200 MB however long the output.
Environment: BENCH_FLOOD_LINES (default 1000000), BENCH_FLOOD_KEYS (default 40),
BENCH_FLOOD_EUPORIE=0 to leave euporie out.
"""
import json
import os
import pathlib
import shutil
import string
import subprocess
import sys
import tempfile
import time

LINES = int(os.environ.get("BENCH_FLOOD_LINES", "1000000"))
KEYS = int(os.environ.get("BENCH_FLOOD_KEYS", "40"))
DONE = "FLOOD" + "-FINISHED"



def write_notebook(path):
    cells = [
        {"cell_type": "markdown", "id": "m", "metadata": {}, "source": "FLOODMARK flood benchmark"},
        {"cell_type": "code", "id": "f", "metadata": {}, "execution_count": None, "outputs": [],
         "source": f"for i in range({LINES}):\n    print(f'flood line {{i}}')\nprint('FLOOD' + '-FINISHED')"},
        {"cell_type": "code", "id": "t", "metadata": {}, "execution_count": None, "outputs": [], "source": ""},
    ]
    nb = {"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(nb))


def wait_for(server, pane, text, timeout, poll=0.01):
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        if text in server.capture(pane):
            return time.perf_counter() - t0
        time.sleep(poll)
    return None


def type_and_measure(server, pane, bl, keys):
    """Types `keys` characters one by one; the latency of each until the typed text is on screen,
    and how many were typed while the flood was still running."""
    typed, latencies, during = "", [], 0
    alphabet = string.ascii_lowercase
    for k in range(keys):
        ch = alphabet[k % len(alphabet)]
        typed += ch
        t0 = time.perf_counter()
        server.tmux("send-keys", "-t", pane.session, "-l", ch)
        while True:
            screen = server.capture(pane)
            if typed in screen:
                latencies.append((time.perf_counter() - t0) * 1e3)
                if DONE not in screen:
                    during += 1
                break
            if time.perf_counter() - t0 > 10:
                return typed, latencies, during, "a key did not arrive within 10 s"
            time.sleep(0.002)
        time.sleep(0.03)
    return typed, latencies, during, None


def run_editor(run, bl, env, label, argv, start_keys, enter_keys, workdir):
    server = bl.TmuxServer(run, env)
    pane = server.start(argv, cwd=str(workdir))
    res = {"label": label}
    try:
        paint = wait_for(server, pane, "FLOODMARK", 120)
        if paint is None:
            res["error"] = "no first paint"
            return res
        time.sleep(1.0)
        for k in start_keys:
            server.send_keys(pane, k)
            time.sleep(0.2)
        started = time.perf_counter()
        for k in enter_keys:
            server.send_keys(pane, k)
            time.sleep(0.3)
        typed, lat, during, err = type_and_measure(server, pane, bl, KEYS)
        res.update(latency_ms=lat, typed_during_flood=during, keys=len(lat))
        if err:
            res["error"] = err
        remaining = wait_for(server, pane, DONE, 600)
        res["flood_s"] = None if remaining is None else time.perf_counter() - started
        res["typed_ok"] = typed in server.capture(pane)
        res["rss_peak_mb"] = (bl.vm_kb(pane.pid, "VmHWM") or 0) / 1024
        res["rss_now_mb"] = (bl.vm_kb(pane.pid, "VmRSS") or 0) / 1024
        return res
    finally:
        server.stop(pane)
        server.close()


def summary(res, bl):
    s = bl.summarize(res.get("latency_ms", []))
    if not s:
        return f"{res['label']:9s} no data ({res.get('error', '?')})"
    flood = res.get("flood_s")
    return (f"{res['label']:9s} keys {s['n']:3d} (during flood {res['typed_during_flood']:3d})  "
            f"median {s['median']:7.1f} ms  p99 {s['p99']:7.1f} ms  max {s['max']:7.1f} ms  "
            f"flood done {('%.1f s' % flood) if flood else 'not seen'}  peak RSS {res['rss_peak_mb']:6.1f} MB  "
            f"typed text intact: {'yes' if res.get('typed_ok') else 'NO'}"
            + (f"  [{res['error']}]" if res.get("error") else ""))


def in_process(ctx):
    """`callisto-bench outputs`: OutputArea under a million lines, and the view's frames on one."""
    r = json.loads(subprocess.run([str(ctx.callisto_bench), "outputs"], capture_output=True, text=True,
                                  check=True, timeout=600).stdout)
    for name in ["unbounded", "limit_64mb", "limit_4mb"]:
        print(f"in process: 1,000,000 lines through OutputArea {name:10s} {r[f'stream_{name}_ms']:8.0f} ms, "
              f"{r[f'stream_{name}_kept_mb']:6.1f} MB kept")
    k = r["view_key_frame_us"]
    print(f"in process: notebook view on a 1,000,000-line output: first frame {r['view_first_frame_ms']:.1f} ms, "
          f"j/k with frame median {k['median']:.0f} us, p99 {k['p99']:.0f} us")
    return r


def main(ctx):
    in_process(ctx)
    if not shutil.which("tmux"):
        print("flood: tmux not installed; skipped")
        return
    env = ctx.shared_env()
    sys.path.insert(0, str(ctx.shared_bench))
    import benchlib as bl
    euporie = pathlib.Path(env["BENCH_HOME"]) / "venv/bin/euporie-notebook"
    with tempfile.TemporaryDirectory(prefix="callisto-flood-") as d, bl.RunDir("flood") as run:
        work = pathlib.Path(d)
        nb = work / "flood.ipynb"
        results = []
        write_notebook(nb)
        cfg = work / "config"
        (cfg / "callisto").mkdir(parents=True)
        cenv = dict(env, XDG_CONFIG_HOME=str(cfg), XDG_STATE_HOME=str(work / "state"), TERM="xterm-256color")
        print(f"flood: {LINES:,} lines, {KEYS} keys typed in the next cell while they arrive", flush=True)
        results.append(run_editor(run, bl, cenv, "callisto", [str(ctx.callisto), str(nb)],
                                  ["j", "C-e"], ["j", "Enter"], work))
        print(summary(results[-1], bl), flush=True)
        if os.environ.get("BENCH_FLOOD_EUPORIE", "1") != "0" and euporie.exists():
            write_notebook(nb)
            results.append(run_editor(run, bl, env, "euporie", [str(euporie), "--run", str(nb)],
                                      [], ["j", "j", "Enter"], work))
            print(summary(results[-1], bl), flush=True)
        else:
            print("euporie: not installed by the shared harness (../shared/bench/setup.sh); no comparison in this run")
    ours = bl.summarize(results[0].get("latency_ms", []))
    if len(results) > 1:
        theirs = bl.summarize(results[1].get("latency_ms", []))
        if ours and theirs:
            print(f"ratio callisto/euporie: median {ours['median'] / theirs['median']:.2f}×, "
                  f"p99 {ours['p99'] / theirs['p99']:.2f}×")
    if ours:
        print(f"goals: typing median {ours['median']:.1f} ms (< 30 ms), peak RSS {results[0].get('rss_peak_mb', 0):.0f} MB (< 200 MB)")
    out = ctx.results / f"flood-{ctx.stamp}.json"
    out.write_text(json.dumps(results, indent=2))
