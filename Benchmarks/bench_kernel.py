"""Kernel client: Callisto's JupyterClient (`callisto-bench kernel`) beside jupyter_client.

Both talk to the same kernelspec (python3 of the project's .venv) in the same run:
  startup_ms        start the kernel → ready (kernel_info_reply + IOPub live)
  execute_pass_ms   1,000 sequential execute('pass') → reply + idle (median, p99)
  print_ms          `for i in range(200000): print(i)` → idle with all output received
  peak RSS          of each client process over its whole run
jupyter_client is measured by ../shared/bench/kernel_baseline.py (run with the .venv's Python, which
has jupyter_client); Callisto by `callisto-bench kernel`. Goal: round-trip median <= 0.8x jupyter_client's.

ipykernel spends ~3.4 ms of a `pass` round trip itself (busy → idle), the same for both clients, so
the same two programs run again on `echo_kernel/` — a protocol-complete kernel that answers at once
and runs nothing — where the round trip is almost all client overhead ("client overhead" rows).
Environment: BENCH_EXECUTES, BENCH_STARTS, BENCH_PRINT_RUNS override the counts.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def summarize(values):
    vals = sorted(v for v in values if v is not None)
    if not vals:
        return None

    def pct(p):
        k = (len(vals) - 1) * p / 100
        lo = int(k)
        hi = min(lo + 1, len(vals) - 1)
        return vals[lo] + (vals[hi] - vals[lo]) * (k - lo)
    return {"n": len(vals), "median": pct(50), "p90": pct(90), "p99": pct(99), "min": vals[0], "max": vals[-1]}


MEASURE_BASELINE = r"""
import resource, runpy, sys
script, *argv = sys.argv[1:]
sys.argv = [script, *argv]
sys.path.insert(0, script.rsplit("/", 1)[0])
try:
    runpy.run_path(script, run_name="__main__")
finally:
    print("PEAK_RSS_KB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def run_both(ctx, env, kernel, executes, starts, print_runs):
    """jupyter_client (the shared baseline) and callisto-bench on `kernel`: (baseline JSON, its peak
    RSS in KB, Callisto's JSON)."""
    baseline_script = ctx.shared_bench / "kernel_baseline.py"
    env = dict(env)
    with tempfile.TemporaryDirectory() as tmp:
        base_json = Path(tmp) / "baseline.json"
        run = subprocess.run(
            [str(ctx.venv_python), "-c", MEASURE_BASELINE, str(baseline_script), "--kernel", kernel,
             "--executes", executes, "--starts", starts, "--print-runs", print_runs, "--json", str(base_json)],
            env=env, capture_output=True, text=True, timeout=1800)
        if run.returncode != 0:
            raise RuntimeError(f"kernel_baseline.py failed: {run.stderr[-2000:]}")
        base = json.loads(base_json.read_text())
        base_rss = next((int(line.split()[1]) for line in run.stderr.splitlines()
                         if line.startswith("PEAK_RSS_KB")), None)

        env["JUPYTER_RUNTIME_DIR"] = tmp
        ours_run = subprocess.run(
            [str(ctx.callisto_bench), "kernel", "--kernel", kernel, "--executes", executes,
             "--starts", starts, "--print-runs", print_runs],
            env=env, capture_output=True, text=True, timeout=1800)
        if ours_run.returncode != 0:
            raise RuntimeError(f"callisto-bench kernel failed: {ours_run.stderr[-2000:]}")
        ours = json.loads(ours_run.stdout)
    return base, base_rss, ours


def install_echo_kernel(ctx, env, tmp):
    """Writes the echo kernel's spec (argv resolved to this venv's Python) into `tmp`, which becomes
    Callisto's JUPYTER_PATH, and into the shared harness's profile data dir (the baseline sets its
    own JUPYTER_PATH); returns the latter spec folder, to remove afterwards."""
    here = Path(__file__).resolve().parent / "echo_kernel"
    spec = json.loads((here / "kernel.json").read_text())
    spec["argv"] = [a.replace("{python}", str(ctx.venv_python)).replace("{here}", str(here)) for a in spec["argv"]]
    profile = subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); import benchlib; "
                              "print(benchlib.profile_home())", str(ctx.shared_bench)],
                             env=env, capture_output=True, text=True, check=True).stdout.strip()
    shared = Path(profile) / ".local" / "share" / "jupyter" / "kernels" / "callisto-echo"
    for kdir in (Path(tmp) / "kernels" / "callisto-echo", shared):
        kdir.mkdir(parents=True, exist_ok=True)
        (kdir / "kernel.json").write_text(json.dumps(spec))
    return shared


def main(ctx):
    executes = os.environ.get("BENCH_EXECUTES", "1000")
    starts = os.environ.get("BENCH_STARTS", "3")
    print_runs = os.environ.get("BENCH_PRINT_RUNS", "2")
    env = dict(os.environ)
    env["JUPYTER_PATH"] = str(ctx.root / ".venv" / "share" / "jupyter")
    base, base_rss, ours = run_both(ctx, env, "python3", executes, starts, print_runs)
    with tempfile.TemporaryDirectory() as tmp:
        echo_env = dict(env)
        echo_env["JUPYTER_PATH"] = tmp
        shared_spec = install_echo_kernel(ctx, env, tmp)
        try:
            echo_base, _, echo_ours = run_both(ctx, echo_env, "callisto-echo", executes, "1", "1")
        finally:
            shutil.rmtree(shared_spec, ignore_errors=True)

    ours_metrics = {k: summarize(v) for k, v in ours["samples"].items()}
    rows = [("startup_ms", "median", "start → ready"),
            ("execute_pass_ms", "median", "execute('pass') round trip"),
            ("execute_pass_ms", "p99", "execute('pass') round trip"),
            ("execute_pass_kernel_ms", "median", "kernel busy → idle"),
            ("print_ms", "median", "print 200,000 lines → idle")]
    # The print is bound by the kernel: Callisto's kernel-side busy → idle for it (jupyter_client's
    # wall time is within a few ms of its kernel time too).
    print(f"| metric (ms) | stat | {base.get('client', 'jupyter_client')} | callisto | ratio |")
    print("|---|---|---|---|---|")
    result = {"jupyter_client": {}, "callisto": {}, "ratio": {}}
    for metric, stat, desc in rows:
        ref = (base["metrics"].get(metric) or {}).get(stat)
        val = (ours_metrics.get(metric) or {}).get(stat)
        r = val / ref if ref and val is not None else None
        key = f"{metric}.{stat}"
        result["jupyter_client"][key], result["callisto"][key], result["ratio"][key] = ref, val, r
        fmt = lambda x: "–" if x is None else f"{x:.2f}"
        print(f"| {desc} | {stat} | {fmt(ref)} | {fmt(val)} | {fmt(r)}x |")
    pk = ours_metrics.get("print_kernel_ms")
    if pk:
        print(f"| print: kernel busy → idle (callisto run) | median | – | {pk['median']:.2f} | – |")
    ours_rss = ours.get("peak_rss_kb")
    print(f"| peak client RSS (MB) | max | {base_rss / 1024 if base_rss else 0:.1f} | "
          f"{ours_rss / 1024 if ours_rss else 0:.1f} | "
          f"{(ours_rss / base_rss) if base_rss and ours_rss else 0:.2f}x |")
    print(f"\nprint output: jupyter_client {base['print_output']['lines']} lines, "
          f"callisto {ours['print_output']['lines']} lines ({ours['print_output']['bytes']} bytes, accumulated)")
    echo_ours_metrics = {k: summarize(v) for k, v in echo_ours["samples"].items()}
    print("\nclient overhead: the same `pass` round trips on echo_kernel (answers at once, runs nothing)")
    print("| metric (ms) | stat | jupyter_client | callisto | ratio |")
    print("|---|---|---|---|---|")
    for stat in ("median", "p99"):
        ref = (echo_base["metrics"].get("execute_pass_ms") or {}).get(stat)
        val = (echo_ours_metrics.get("execute_pass_ms") or {}).get(stat)
        r = val / ref if ref and val is not None else None
        result["jupyter_client"][f"echo.execute_pass_ms.{stat}"] = ref
        result["callisto"][f"echo.execute_pass_ms.{stat}"] = val
        result["ratio"][f"echo.execute_pass_ms.{stat}"] = r
        fmt = lambda x: "–" if x is None else f"{x:.3f}"
        print(f"| execute('pass') round trip, echo kernel | {stat} | {fmt(ref)} | {fmt(val)} | {fmt(r)}x |")
    goal = result["ratio"].get("execute_pass_ms.median")
    echo_goal = result["ratio"].get("echo.execute_pass_ms.median")
    if goal is not None:
        print(f"round-trip median ratio on ipykernel {goal:.2f}x; on the echo kernel (client overhead) "
              f"{echo_goal if echo_goal is None else f'{echo_goal:.2f}'}x (goal <= 0.80x)")
    result["peak_rss_kb"] = {"jupyter_client": base_rss, "callisto": ours_rss}
    out = ctx.results / f"kernel-{ctx.stamp}.json"
    out.write_text(json.dumps(result, indent=2))
    print(f"results: {out}")
