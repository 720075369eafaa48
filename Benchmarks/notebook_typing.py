"""Typing latency in a cell, measured like ../shared/bench/keys.py (same options and output), but
each command first enters edit mode on the first cell (Enter) once the screen is still, so every
press types a character into the cell. Run by bench_notebook.py:

    python3 Benchmarks/notebook_typing.py SHARED_BENCH_DIR --nb NB --key a --key b --cmd ... --json OUT
"""
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, sys.argv.pop(1))
import keys  # noqa: E402  (the shared harness)

_press_all = keys.press_all


def press_all_in_edit_mode(server, pane, args):
    """Enter edit mode, wait for a still screen, then press as keys.py does."""
    server.send_keys(pane, "Enter")
    keys.wait_stable(server, pane, 0.5, 30.0, 0.05)
    return _press_all(server, pane, args)


keys.press_all = press_all_in_edit_mode

if __name__ == "__main__":
    keys.bl.run_main(keys.main)
