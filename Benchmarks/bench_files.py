"""Files and terminal panes.

1. The file browser's listing and filtering of a folder of 100,000 entries (`callisto-bench files`,
   in-process, release build) beside Python's `os.scandir` + sort (folders first) + substring filter
   on the same folder in the same run.
2. A terminal pane's throughput through the real `callisto` binary running in tmux (a terminal tab
   opened with `<C-w> t`, `yes | head -n N; echo MARK` typed into it) beside the same command in a
   bare tmux pane: time until `capture-pane` shows the marker.
Prints medians and ratios.
"""
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time

ENTRIES = 100_000
RUNS = int(os.environ.get("BENCH_FILES_RUNS", "5"))
LINES = int(os.environ.get("BENCH_FILES_LINES", "200000"))
MARK = "FILES-DONE-MARK"


def python_listing(path):
    t0 = time.perf_counter()
    entries = [(not e.is_dir(follow_symlinks=False), e.name.lower(), e.name) for e in os.scandir(path)]
    entries.sort()
    t1 = time.perf_counter()
    for pattern in ["9", "99", "999", "12345", ""]:
        [e for e in entries if pattern in e[1]]
    return t1 - t0, (time.perf_counter() - t1) / 5


def bench_browser(ctx):
    with tempfile.TemporaryDirectory(prefix="callisto-bench-files-") as d:
        for i in range(ENTRIES):
            open(os.path.join(d, f"file-{i:06d}.txt"), "w").close()
        out = subprocess.run([str(ctx.callisto_bench), "files", d, "--repeat", str(RUNS)],
                             check=True, capture_output=True, text=True, timeout=600)
        mine = json.loads(out.stdout)
        ref = [python_listing(d) for _ in range(RUNS)]
    c_list, c_filter = statistics.median(mine["list"]), statistics.median(mine["filter"])
    p_list, p_filter = statistics.median(r[0] for r in ref), statistics.median(r[1] for r in ref)
    print(f"browser list {mine['entries']} entries: callisto {c_list * 1000:.1f} ms, python scandir+sort {p_list * 1000:.1f} ms, ratio {c_list / p_list:.2f}")
    print(f"browser filter: callisto {c_filter * 1000:.2f} ms, python {p_filter * 1000:.2f} ms, ratio {c_filter / p_filter:.2f}")
    return {"list": c_list, "filter": c_filter, "python_list": p_list, "python_filter": p_filter}


def tmux(sock, *args, check=True):
    return subprocess.run(["tmux", "-L", sock, *args], capture_output=True, text=True, check=check)


def wait_for(sock, target, text, timeout=300):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in tmux(sock, "capture-pane", "-p", "-t", target, check=False).stdout:
            return True
        time.sleep(0.005)
    raise RuntimeError(f"timed out waiting for {text!r}")


def command():
    return f"yes | head -n {LINES}; echo {MARK[:5]}''{MARK[5:]}"


def bare_once(sock):
    tmux(sock, "new-session", "-d", "-s", "bare", "-x", "120", "-y", "40", "/bin/sh")
    try:
        time.sleep(0.2)
        t0 = time.perf_counter()
        tmux(sock, "send-keys", "-t", "bare", command(), "Enter")
        wait_for(sock, "bare", MARK)
        return time.perf_counter() - t0
    finally:
        tmux(sock, "kill-session", "-t", "bare", check=False)


def callisto_once(ctx, sock, home):
    env_cmd = f"env XDG_CONFIG_HOME={home} SHELL=/bin/sh {ctx.callisto}"
    tmux(sock, "new-session", "-d", "-s", "app", "-x", "120", "-y", "40", env_cmd)
    try:
        time.sleep(1.0)
        tmux(sock, "send-keys", "-t", "app", "C-w", "t")
        wait_for(sock, "app", "TERM", timeout=30)
        time.sleep(0.3)
        t0 = time.perf_counter()
        tmux(sock, "send-keys", "-t", "app", "-l", command())
        tmux(sock, "send-keys", "-t", "app", "Enter")
        wait_for(sock, "app", MARK)
        return time.perf_counter() - t0
    finally:
        tmux(sock, "kill-session", "-t", "app", check=False)


def bench_terminal(ctx):
    if not shutil.which("tmux"):
        print("terminal pane: tmux not installed, skipped")
        return {}
    sock = f"callisto-bench-files-{os.getpid()}"
    with tempfile.TemporaryDirectory(prefix="callisto-bench-home-") as home:
        try:
            bare = [bare_once(sock) for _ in range(RUNS)]
            mine = [callisto_once(ctx, sock, home) for _ in range(RUNS)]
        finally:
            tmux(sock, "kill-server", check=False)
    b, c = statistics.median(bare), statistics.median(mine)
    print(f"terminal pane `yes | head -n {LINES}`: callisto in tmux {c * 1000:.0f} ms, bare tmux pane {b * 1000:.0f} ms, ratio {c / b:.2f}")
    return {"callisto": c, "tmux": b}


def main(ctx):
    results = {"browser": bench_browser(ctx), "terminal": bench_terminal(ctx)}
    (ctx.results / f"files-{ctx.stamp}.json").write_text(json.dumps(results, indent=2))
