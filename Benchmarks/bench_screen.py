"""Screen: build a full 200x60 frame and diff it against the previous one, Callisto beside prompt_toolkit.

Callisto is timed in process by `callisto-bench screen` (release build): a notebook-like frame (tab
bar, rounded box, gutter, styled code lines with some CJK and emoji, status bar) drawn into a TermCore
CellBuffer, then `diff(from:)` against the previous frame, whose content is scrolled by one line.

The reference is prompt_toolkit (the screen model under euporie, a peer notebook TUI): the same
content written into a prompt_toolkit `Screen` (one `Char` per cell, widths from `get_cwidth`) and its
renderer's `_output_screen_diff` writing escape sequences to an in-memory output. prompt_toolkit's
diff also produces the output bytes, so its figure includes that work. Medians per frame.
"""
import io
import json
import statistics
import subprocess
import time

WIDTH, HEIGHT, FRAMES = 200, 60, 300
WORDS = ["let", "value", "=", "compute(", "x,", "y)", "# comment", "return", "for", "i", "in",
         "range(10):", 'print(f"{i}")', "日本語", "😀", "naïve", "résumé", "🇫🇷", 'data["key"]']
STYLES = ["fg:#c678dd bold", "fg:#abb2bf", "fg:#98c379", "fg:#5c6370 italic", "fg:#61afef", "fg:ansiyellow"]


def source_lines(count):
    lines = []
    for i in range(count):
        spans = [("", " " * ((i % 4) * 4))]
        for k in range(8 + i % 9):
            spans.append((STYLES[(i + k) % len(STYLES)], WORDS[(i * 7 + k * 3) % len(WORDS)] + " "))
        lines.append(spans)
    return lines


def ptk_frame(lines, top):
    from prompt_toolkit.layout.screen import Char, Screen
    from prompt_toolkit.utils import get_cwidth
    screen = Screen(default_char=Char(" ", "bg:#282c34 fg:#abb2bf"), initial_width=WIDTH, initial_height=HEIGHT)
    buf = screen.data_buffer

    def put(x, y, text, style, limit=WIDTH):
        for ch in text:
            w = get_cwidth(ch)
            if x + w > limit:
                break
            buf[y][x] = Char(ch, style)
            if w == 2:
                buf[y][x + 1] = Char("", style)
            x += w
        return x

    for x in range(WIDTH):
        buf[0][x] = Char(" ", "bg:#21252b")
    x = 0
    for t in range(5):
        x = put(x, 0, f" notebook-{t}.ipynb ", "fg:#ffffff bold" if t == 1 else "fg:#787878") + 1
    box = "fg:#61afef"
    put(1, 1, "╭" + "─" * (WIDTH - 4) + "╮", box)
    put(3, 1, f"[{top + 1}] python", "bold")
    for y in range(2, HEIGHT - 2):
        put(1, y, "│", box)
        put(WIDTH - 2, y, "│", box)
    put(1, HEIGHT - 2, "╰" + "─" * (WIDTH - 4) + "╯", box)
    for row in range(HEIGHT - 4):
        n = top + row
        put(2, 2 + row, str(n + 1).ljust(5), "fg:#5c6370")
        x = 8
        for style, text in lines[n]:
            x = put(x, 2 + row, text, style, WIDTH - 2)
    for x in range(WIDTH):
        buf[HEIGHT - 1][x] = Char(" ", "bg:#98c379 fg:#282c34")
    put(0, HEIGHT - 1, f" NORMAL  python3 ● idle  {top + 1}:1 ", "bg:#98c379 fg:#282c34")
    screen.width, screen.height = WIDTH, HEIGHT
    return screen


def time_prompt_toolkit():
    from prompt_toolkit.data_structures import Point, Size
    from prompt_toolkit.output.color_depth import ColorDepth
    from prompt_toolkit.output.vt100 import Vt100_Output
    from prompt_toolkit.renderer import _output_screen_diff, _StyleStringHasStyleCache, _StyleStringToAttrsCache
    from prompt_toolkit.styles import default_ui_style

    class Layout:
        current_window = None

    class App:
        layout = Layout()
    lines = source_lines(FRAMES + HEIGHT + 1)
    sink = io.StringIO()
    output = Vt100_Output(sink, lambda: Size(HEIGHT, WIDTH), term="xterm-256color")
    style = default_ui_style()
    from prompt_toolkit.styles import DummyStyleTransformation
    attrs = _StyleStringToAttrsCache(style.get_attrs_for_style_str, DummyStyleTransformation())
    has_style = _StyleStringHasStyleCache(attrs)
    previous = ptk_frame(lines, 0)
    builds, diffs = [], []
    for f in range(1, FRAMES + 1):
        t0 = time.perf_counter()
        screen = ptk_frame(lines, f)
        t1 = time.perf_counter()
        _output_screen_diff(App(), output, screen, Point(0, 0), ColorDepth.DEPTH_24_BIT, previous, None, False, True,
                            attrs, has_style, Size(HEIGHT, WIDTH), WIDTH)
        output.flush()
        t2 = time.perf_counter()
        sink.seek(0)
        sink.truncate()
        builds.append((t1 - t0) * 1000)
        diffs.append((t2 - t1) * 1000)
        previous = screen
    return statistics.median(builds), statistics.median(diffs), statistics.median([b + d for b, d in zip(builds, diffs)])


def time_wcwidth():
    """wcwidth.wcswidth (what prompt_toolkit and most Python TUIs use) over the same text, MB/s."""
    from wcwidth import wcswidth
    mixed = ["".join(text for _, text in line) for line in source_lines(FRAMES + HEIGHT + 1)]
    ascii_only = ["".join(ch for ch in t if ord(ch) < 128) for t in mixed]

    def rate(texts):
        size = sum(len(t.encode()) for t in texts)
        passes = []
        for _ in range(9):
            t0 = time.perf_counter()
            for t in texts:
                wcswidth(t)
            passes.append(time.perf_counter() - t0)
        return size / 1e6 / statistics.median(passes)
    return rate(ascii_only), rate(mixed)


def main(ctx):
    out = subprocess.check_output([str(ctx.callisto_bench), "screen", "--width", str(WIDTH), "--height", str(HEIGHT),
                                   "--frames", str(FRAMES)], text=True)
    c = json.loads(out)
    p_build, p_diff, p_frame = time_prompt_toolkit()
    print(f"full-screen frame {WIDTH}x{HEIGHT}, content scrolled one line per frame, median of {FRAMES} frames")
    print(f"{'':28}{'build ms':>10}{'diff ms':>10}{'frame ms':>10}")
    print(f"{'Callisto (TermCore)':28}{c['build_ms']:>10.3f}{c['diff_ms']:>10.3f}{c['frame_ms']:>10.3f}")
    print(f"{'prompt_toolkit (euporie)':28}{p_build:>10.3f}{p_diff:>10.3f}{p_frame:>10.3f}")
    print(f"ratio prompt_toolkit / Callisto per frame: {p_frame / c['frame_ms']:.1f}x")
    print(f"Callisto idle diff (nothing changed): {c['idle_diff_ms']:.3f} ms; changed cells per frame: {c['changed_cells']}")
    w_ascii, w_mixed = time_wcwidth()
    print(f"display width, MB/s of UTF-8:  ASCII  Callisto {c['width_ascii_mb_s']:.1f}  wcwidth {w_ascii:.1f}"
          f"  ({c['width_ascii_mb_s'] / w_ascii:.2f}x);  mixed  Callisto {c['width_mixed_mb_s']:.1f}  wcwidth {w_mixed:.1f}"
          f"  ({c['width_mixed_mb_s'] / w_mixed:.2f}x)")
    result = {"callisto": c, "prompt_toolkit": {"build_ms": p_build, "diff_ms": p_diff, "frame_ms": p_frame},
              "wcwidth": {"ascii_mb_s": w_ascii, "mixed_mb_s": w_mixed}}
    (ctx.results / f"screen-{ctx.stamp}.json").write_text(json.dumps(result, indent=2))
