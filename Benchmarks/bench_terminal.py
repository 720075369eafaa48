"""Terminal throughput: a flood through a Callisto TerminalSession beside the same command in a bare
tmux pane, in the same run.

Workloads: `yes | head -n 2000000` and `cat` of a generated file (coloured, mixed-width text), each
followed by `echo DONE-MARK`. Callisto's time is measured by `callisto-bench terminal` (spawn, poll
loop with bounded reads, frames at most every 16 ms, until the child exited and its output is read);
tmux's is the time from `new-session` until `capture-pane` shows the marker. Prints medians, MB/s and
the ratio (goal: within 2x of tmux).
"""
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import tempfile
import time

MARK = "DONE-MARK"
RUNS = int(os.environ.get("BENCH_TERMINAL_RUNS", "5"))


def make_file(path, megabytes=16):
    words = ["alpha", "\x1b[31mred\x1b[0m", "beta", "\x1b[1;38;5;208mbold\x1b[0m", "日本語", "gamma",
             "\x1b[38;2;10;200;30mrgb\x1b[0m", "delta", "émoji😀", "epsilon"]
    line_no = 0
    with open(path, "w", encoding="utf-8") as f:
        while f.tell() < megabytes << 20:
            line_no += 1
            f.write(f"{line_no:08d} " + " ".join(words[(line_no + i) % len(words)] for i in range(8)) + "\n")
    return os.path.getsize(path)


def callisto_once(ctx, command):
    out = subprocess.run([str(ctx.callisto_bench), "terminal", "--command", command, "--marker", MARK,
                          "--repeat", "1"], check=True, capture_output=True, text=True, timeout=600)
    result = json.loads(out.stdout)
    return result["seconds"][0], result["bytes"]


def tmux_once(command):
    sock = f"callisto-bench-{os.getpid()}"
    tmux = ["tmux", "-L", sock, "-f", "/dev/null"]
    start = time.monotonic()
    subprocess.run(tmux + ["new-session", "-d", "-x", "80", "-y", "24", f"{command}; sleep 600"], check=True)
    try:
        deadline = start + 600
        while time.monotonic() < deadline:
            shown = subprocess.run(tmux + ["capture-pane", "-p"], capture_output=True, text=True).stdout
            if MARK in shown:
                return time.monotonic() - start
            time.sleep(0.01)
        raise RuntimeError("tmux never showed the marker")
    finally:
        subprocess.run(tmux + ["kill-server"], capture_output=True)


def main(ctx):
    if not shutil.which("tmux"):
        print("terminal: tmux not installed; skipped")
        return
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="callisto-bench-terminal-"))
    try:
        big = workdir / "big.txt"
        size = make_file(big)
        workloads = [
            ("yes 2M lines", f"yes | head -n 2000000; echo {MARK}"),
            (f"cat {size >> 20} MiB file", f"cat {big}; echo {MARK}"),
        ]
        report = {"runs": RUNS, "workloads": []}
        for name, command in workloads:
            ours, theirs, nbytes = [], [], 0
            for _ in range(RUNS):  # interleaved, so load on the machine hits both alike
                seconds, nbytes = callisto_once(ctx, command)
                ours.append(seconds)
                theirs.append(tmux_once(command))
            mo, mt = statistics.median(ours), statistics.median(theirs)
            mb = nbytes / 1e6
            print(f"{name:>20}: callisto {mo:6.2f}s ({mb / mo:6.1f} MB/s)   tmux {mt:6.2f}s ({mb / mt:6.1f} MB/s)"
                  f"   ratio {mo / mt:4.2f}x   [{nbytes} bytes, median of {RUNS}]")
            report["workloads"].append({"name": name, "command": command, "bytes": nbytes,
                                        "callisto_seconds": ours, "tmux_seconds": theirs,
                                        "callisto_median": mo, "tmux_median": mt, "ratio": mo / mt})
        out = ctx.results / f"terminal-{ctx.stamp}.json"
        out.write_text(json.dumps(report, indent=2))
        print(f"results: {out}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
