"""Running cells in the editor: queue throughput, an output flood, idle CPU with a kernel.

The release binary runs in a private tmux server (120x40) on a notebook with a real ipykernel from
the project's `.venv`; the reference is jupyter_client driving the same kernel headless
(`execute_interactive`, outputs read and dropped), i.e. the floor with no screen at all.

1. Run 40 small cells (select all, Ctrl+E; the kernel already warm) until the last one has run (it
   writes a marker file), beside jupyter_client executing the same 40 cells one after the other.
2. A cell printing 100,000 lines, then the marker cell, beside jupyter_client.
3. Idle CPU: utime+stime of the editor over 10 s with an idle kernel (goal: no more than without one).
"""
import json
import statistics
import sys
import time

CELLS = 40
FLOOD = 100_000
RUNS = 3
IDLE_SECONDS = 10.0


def load_benchlib(ctx):
    sys.path.insert(0, str(ctx.shared_bench))
    import benchlib  # noqa: E402
    return benchlib


def notebook(ctx, name, sources):
    folder = ctx.results / "run_cells"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.ipynb"
    cells = [{"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {}, "outputs": [],
              "source": s} for i, s in enumerate(sources)]
    nb = {"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(nb, indent=1))
    return path


def done_cell(ctx):
    """The last cell: writes a marker file (the editor sends it only after every earlier cell's reply
    and output was read, so its appearance ends the measurement wherever the view is scrolled)."""
    return f"open({str(done_path(ctx))!r}, 'w').write('done')"


def done_path(ctx):
    return ctx.results / "run_cells" / "done"


def queue_sources(ctx):
    return ["x = 0"] + [f"x += {i}\nprint('cell', {i})" for i in range(1, CELLS - 1)] + [done_cell(ctx)]


def flood_sources(ctx):
    return ["x = 0", f"for i in range({FLOOD}):\n    print(i)", done_cell(ctx)]


def editor_time(ctx, bl, nb):
    """Seconds from the run key to DONEMARK on screen (the kernel started and warm before)."""
    times = []
    with bl.RunDir("runcells") as run:
        env = bl.tool_env(run)
        env["JUPYTER_PATH"] = str(ctx.root / ".venv" / "share" / "jupyter")
        with bl.TmuxServer(run, env, 120, 40) as server:
            for _ in range(RUNS):
                pane = server.start([str(ctx.callisto), str(nb)], cwd=str(nb.parent))
                try:
                    wait(lambda: "COMMAND" in server.capture(pane), 20)
                    server.send_keys(pane, "C-e")  # the first cell starts the kernel
                    wait(lambda: "[1]:" in server.capture(pane) and "idle" in server.capture(pane), 60, lambda: server.capture(pane))
                    server.send_keys(pane, "C-a")  # select all cells
                    done_path(ctx).unlink(missing_ok=True)
                    start = time.monotonic()
                    server.send_keys(pane, "C-e")
                    wait(lambda: done_path(ctx).exists(), 300, lambda: server.capture(pane))
                    times.append(time.monotonic() - start)
                finally:
                    server.stop(pane)
    return times


def reference_time(sources):
    """Seconds jupyter_client takes to execute `sources` one after the other (outputs drained)."""
    import jupyter_client
    km = jupyter_client.KernelManager(kernel_name="python3")
    km.start_kernel()
    try:
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=60)
        kc.execute_interactive("pass", output_hook=lambda m: None, timeout=60)
        start = time.monotonic()
        for s in sources:
            kc.execute_interactive(s, output_hook=lambda m: None, timeout=300)
        elapsed = time.monotonic() - start
        kc.stop_channels()
        return elapsed
    finally:
        km.shutdown_kernel(now=True)


def idle_cpu(ctx, bl, nb):
    with bl.RunDir("runcellsidle") as run:
        env = bl.tool_env(run)
        env["JUPYTER_PATH"] = str(ctx.root / ".venv" / "share" / "jupyter")
        with bl.TmuxServer(run, env, 120, 40) as server:
            pane = server.start([str(ctx.callisto), str(nb)], cwd=str(nb.parent))
            try:
                wait(lambda: "COMMAND" in server.capture(pane), 20)
                server.send_keys(pane, "C-e")
                wait(lambda: "[1]:" in server.capture(pane) and "idle" in server.capture(pane), 60)
                time.sleep(0.5)
                before = bl.cpu_seconds(pane.pid)
                time.sleep(IDLE_SECONDS)
                return (bl.cpu_seconds(pane.pid) - before) * 1000
            finally:
                server.stop(pane)


def wait(condition, timeout, screen=lambda: ""):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the editor did not get there in time:\n{screen()}")
        time.sleep(0.02)


def main(ctx):
    bl = load_benchlib(ctx)
    record = {}
    for label, sources in (("queue of 40 cells", queue_sources(ctx)), (f"flood of {FLOOD:,} lines", flood_sources(ctx))):
        nb = notebook(ctx, label.split()[0], sources)
        ours = editor_time(ctx, bl, nb)
        ref = [reference_time(sources) for _ in range(RUNS)]
        m, r = statistics.median(ours), statistics.median(ref)
        print(f"{label}: callisto (tmux) {m * 1000:.0f} ms, jupyter_client (headless) {r * 1000:.0f} ms, "
              f"ratio {m / r:.2f} (median of {RUNS})")
        record[label] = {"callisto_s": ours, "jupyter_client_s": ref}
    cpu = idle_cpu(ctx, bl, notebook(ctx, "idle", ["x = 1"]))
    print(f"idle CPU with a started kernel over {IDLE_SECONDS:.0f} s: {cpu:.1f} ms (clock tick 10 ms)")
    record["idle_cpu_ms"] = cpu
    (ctx.results / f"run_cells-{ctx.stamp}.json").write_text(json.dumps(record, indent=1))
