"""Text editing engine: Callisto's in-process figures beside prompt_toolkit's Buffer (the editing
core euporie and IPython use), on the same 10,000-line text.

Callisto (`callisto-bench text`): per keystroke, the default editing style's handling plus scrolling
and rendering an 80×40 view; the edit alone; cursor moves with a render; undo of one 10,000-key burst.
prompt_toolkit: `Buffer.insert_text` per keystroke (no rendering), `cursor_down`, and `undo` after
the same burst. Ratios compare the edit-only costs, which is what both sides measure. Both sides
time thread CPU time, so other processes on a shared machine do not inflate the figures.
"""
import json
import statistics
import subprocess
import time

LINES = 10_000
KEYS = 10_000

PROMPT_TOOLKIT = r'''
import json, statistics, sys, time
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.document import Document

lines, keys = int(sys.argv[1]), int(sys.argv[2])
def sample(i):
    return ["def function_%d(argument, other=None):" % i, "    value = compute(argument) + %d  # comment" % i,
            "    return value * 2", ""][i % 4]
text = "\n".join(sample(i) for i in range(lines))
pattern = "x = foo(bar, [1, 2]) + 'baz' "

start = time.thread_time(); Document(text); load = (time.thread_time() - start) * 1e6
buf = Buffer(multiline=True)
offset = len("\n".join(sample(i) for i in range(lines // 2))) + 1
buf.document = Document(text, offset)
typing = []
for k in range(keys):
    ch = "\n" if k % 60 == 59 else pattern[k % len(pattern)]
    t = time.thread_time()
    if ch == "\n":
        buf.newline(copy_margin=True)
    else:
        buf.insert_text(ch)
    typing.append((time.thread_time() - t) * 1e6)
moves = []
buf.cursor_position = 0
for k in range(keys):
    t = time.thread_time()
    if k % 5 == 1:
        buf.cursor_right()
    elif k % 5 == 2:
        buf.cursor_position += buf.document.find_next_word_ending() or 0
    else:
        buf.cursor_down()
    moves.append((time.thread_time() - t) * 1e6)
undo = []
for _ in range(3):
    b = Buffer(multiline=True)
    b.document = Document(text, offset)
    b.save_to_undo_stack()
    for k in range(keys):
        b.insert_text(pattern[k % len(pattern)])
    t = time.thread_time(); b.undo(); undo.append((time.thread_time() - t) * 1e6)
print(json.dumps({"load_us_median": load, "keystroke_us_median": statistics.median(typing),
                  "move_us_median": statistics.median(moves), "undo_burst_us_median": statistics.median(undo)}))
'''


def main(ctx):
    out = subprocess.run([str(ctx.callisto_bench), "text", "--lines", str(LINES), "--keys", str(KEYS)],
                         check=True, capture_output=True, text=True, timeout=600).stdout
    callisto = json.loads(out.strip().splitlines()[-1])
    ref = None
    try:
        ref_out = subprocess.run([str(ctx.venv_python), "-c", PROMPT_TOOLKIT, str(LINES), str(KEYS)],
                                 check=True, capture_output=True, text=True, timeout=1200).stdout
        ref = json.loads(ref_out.strip().splitlines()[-1])
    except (subprocess.CalledProcessError, FileNotFoundError, json.JSONDecodeError) as exc:
        print(f"prompt_toolkit reference unavailable: {exc}")

    def ratio(ours, theirs):
        if not ours or not theirs:
            return "n/a"
        return f"{theirs / ours:.1f}x faster" if theirs >= ours else f"{ours / theirs:.1f}x slower"

    print(f"text: {LINES} lines, {KEYS} keystrokes (medians, microseconds)")
    print(f"  keystroke + 80x40 render   callisto {callisto['keystroke_us_median']:9.1f}"
          f"   (p95 {callisto['keystroke_us_p95']:.1f})")
    row = lambda name, key, ck: print(
        f"  {name:<26} callisto {callisto[ck]:9.1f}"
        + (f"   prompt_toolkit {ref[key]:9.1f}   {ratio(callisto[ck], ref[key])}" if ref else ""))
    row("keystroke (edit only)", "keystroke_us_median", "keystroke_edit_only_us_median")
    print(f"  move + 80x40 render        callisto {callisto['move_us_median']:9.1f}"
          + (f"   prompt_toolkit (no render) {ref['move_us_median']:9.1f}" if ref else ""))
    row("undo of a 10k-key burst", "undo_burst_us_median", "undo_burst_us_median")
    row("load 10k lines", "load_us_median", "load_us_median")
    result = {"callisto": callisto, "prompt_toolkit": ref}
    (ctx.results / f"text-{ctx.stamp}.json").write_text(json.dumps(result, indent=2))
