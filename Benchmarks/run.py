#!/usr/bin/env python3
"""`make bench`: runs every Benchmarks/bench_*.py in name order (or those named on the command line).

Each module defines `main(ctx)`; `ctx` carries the paths below. Every benchmark measures Callisto
beside its reference (nbformat, jupyter_client, euporie …) in the same run and prints medians and
ratios. Results are also written as JSON under bench-results/.
"""
import importlib.util
import os
import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


class Context:
    root = ROOT
    venv_python = ROOT / ".venv" / "bin" / "python"
    results = ROOT / "bench-results"
    shared_bench = ROOT.parent / "shared" / "bench"

    def __init__(self):
        self.results.mkdir(exist_ok=True)
        self.bin_dir = pathlib.Path(subprocess.check_output(
            ["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, text=True).strip())
        self.callisto = self.bin_dir / "callisto"
        self.callisto_bench = self.bin_dir / "callisto-bench"
        self.stamp = time.strftime("%Y%m%d-%H%M%S")

    def shared_env(self):
        """The environment of the shared harness (`eval "$(setup.sh)"`): its export lines over ours."""
        out = subprocess.run(["bash", str(self.shared_bench / "setup.sh")], capture_output=True, text=True,
                             check=True).stdout
        env = dict(os.environ)
        for line in out.splitlines():
            if line.startswith("export ") and "=" in line:
                key, value = line[len("export "):].split("=", 1)
                env[key] = subprocess.run(["bash", "-c", f"printf %s {value}"], capture_output=True, text=True).stdout
        return env


def main(argv):
    ctx = Context()
    wanted = set(argv[1:])
    mods = sorted((ROOT / "Benchmarks").glob("bench_*.py"))
    failures = 0
    for path in mods:
        name = path.stem[len("bench_"):]
        if wanted and name not in wanted:
            continue
        print(f"\n=== {name} ===", flush=True)
        spec = importlib.util.spec_from_file_location(path.stem, path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        try:
            mod.main(ctx)
        except Exception as exc:  # one broken benchmark does not hide the others
            failures += 1
            print(f"{name}: failed: {exc!r}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.dont_write_bytecode = True
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.exit(main(sys.argv))
