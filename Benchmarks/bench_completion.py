"""Filtering a completion list as the user types, beside a reference.

Each keystroke refilters all 10,000 matches of a kernel reply (Callisto: prefix matches first, then
fuzzy matches by score). Reference, measured in the same run: prompt_toolkit's FuzzyCompleter over a
WordCompleter of the same matches (the filtering IPython's terminal and euporie build on).
"""
import json
import statistics
import subprocess
import timeit


def main(ctx):
    ours = json.loads(subprocess.check_output([str(ctx.callisto_bench), "completion"], text=True))
    data = json.loads(subprocess.check_output([str(ctx.callisto_bench), "completion", "words"], text=True))
    words, typed = data["words"], data["typed"]

    from prompt_toolkit.completion import FuzzyCompleter, WordCompleter
    from prompt_toolkit.document import Document
    completer = FuzzyCompleter(WordCompleter(words))

    def ptk():
        for t in typed:
            list(completer.get_completions(Document(t), None))
    ptk()
    ptk_us = statistics.median(timeit.repeat(ptk, number=1, repeat=10)) / len(typed) * 1e6

    mine = ours["refilter_per_key_us"]
    name = "refilter per keystroke (%d matches)" % ours["matches"]
    print(f"{name:44s} callisto {mine:9.1f} µs   prompt_toolkit FuzzyCompleter {ptk_us:9.1f} µs   ratio {mine / ptk_us:5.2f}")
    out = ctx.results / f"completion-{ctx.stamp}.json"
    out.write_text(json.dumps({"callisto": ours, "prompt_toolkit_us": ptk_us}, indent=2))
