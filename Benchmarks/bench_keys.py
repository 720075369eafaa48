"""Command palette search, keymap/theme/config loading and key lookup, beside references.

References, measured in the same run: prompt_toolkit's FuzzyWordCompleter (what Python TUIs such as
euporie build their palettes on) over the same command names, and Python's tomllib parsing the same
keymap files (Callisto's figure also includes validation and merging).
"""
import json
import statistics
import subprocess
import time
import tomllib

QUERIES = ["run", "run next", "rcsn", "restart kernel", "save", "split", "toggle side", "SIGINT", "new term", "zzz"]


def median_time(fn, repeats):
    fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(ctx):
    ours = json.loads(subprocess.check_output([str(ctx.callisto_bench), "keys"], text=True))
    commands = json.loads(subprocess.check_output([str(ctx.callisto_bench), "keys", "commands"], text=True))["commands"]

    from prompt_toolkit.completion import FuzzyWordCompleter
    from prompt_toolkit.document import Document
    words = [c["title"] for c in commands] + [c["id"] for c in commands]
    completer = FuzzyWordCompleter(words)

    def ptk_search():
        for q in QUERIES:
            list(completer.get_completions(Document(q), None))
    ptk_us = median_time(ptk_search, 50) / len(QUERIES) * 1e6

    texts = [(ctx.root / "Keymaps" / n).read_text() for n in ("default.toml", "vim.toml")]
    toml_ms = median_time(lambda: [tomllib.loads(t) for t in texts], 30) * 1e3

    rows = [
        ("palette search per query (%d commands)" % ours["commands"], ours["palette_search_us"], ptk_us, "µs", "prompt_toolkit FuzzyWordCompleter"),
        ("TOML parse default+vim keymaps", ours["toml_parse_keymaps_ms"], toml_ms, "ms", "tomllib"),
        ("keymap load vim (parse, check, merge)", ours["keymap_load_vim_ms"], toml_ms, "ms", "tomllib parse only"),
    ]
    for name, mine, ref, unit, refname in rows:
        print(f"{name:44s} callisto {mine:9.2f} {unit}   {refname} {ref:9.2f} {unit}   ratio {mine / ref:5.2f}")
    print(f"{'theme load gruvbox (inherits dark)':44s} callisto {ours['theme_load_gruvbox_ms']:9.2f} ms")
    print(f"{'config parse (default file)':44s} callisto {ours['config_parse_default_ms']:9.2f} ms")
    print(f"{'key lookup':44s} callisto {ours['key_lookup_ns']:9.0f} ns")
    out = ctx.results / f"keys-{ctx.stamp}.json"
    out.write_text(json.dumps({"callisto": ours, "prompt_toolkit_search_us": ptk_us, "tomllib_ms": toml_ms}, indent=2))
