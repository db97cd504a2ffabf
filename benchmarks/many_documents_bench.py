"""Many documents: one after another (as ``reader translate DIR -o OUT`` does) or in one pass.

Usage: ``uv run python benchmarks/many_documents_bench.py [--documents 10] [--rounds 2]
[--threads N]``

``--documents`` documents of 150 to 1,000 words (consecutive WMT16 lines in paragraphs of
four, as in ``translation_bench.py``), translated with one loaded real-shape test model
(every core, no cache, no alignment, as the command line translates) in two ways, alternating
in one run:

- one after another: one length-sorted pass per document (what ``reader translate -o`` does);
- together: every document's sentences in one length-sorted pass, so the parallel decoders
  always have sentences of the same length from any document (documents "in parallel").

Prints each run, the median times and their ratio; writes
``bench-results/many_documents.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from reader.core.packages.store import read_package  # noqa: E402
from reader.core.translation.engine import TranslationEngine  # noqa: E402
from reader.core.translation.threads import available_cores  # noqa: E402

RESULTS = ROOT / "bench-results"


def one_after_another(engine: TranslationEngine, documents: list[list[str]]) -> list[str]:
    english: list[str] = []
    for sentences in documents:
        done = engine.translate(list(enumerate(sentences)), align=False, by_length=True)
        english += [t.text for t in done]
    return english


def together(engine: TranslationEngine, documents: list[list[str]]) -> list[str]:
    pairs = [(index, s) for index, s in enumerate(s for sentences in documents for s in sentences)]
    return [t.text for t in engine.translate(pairs, align=False, by_length=True)]


def main() -> int:
    from translation_bench import paragraphs_of
    from translation_engine_bench import DATA, build_real_package

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--threads", type=int, default=None, help="default: every core")
    args = parser.parse_args()
    threads = args.threads or available_cores()
    sizes = [150 + (850 * i) // max(1, args.documents - 1) for i in range(args.documents)]
    lines = [line.strip() for line in (DATA / "wmt16.de").read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    documents: list[list[str]] = []
    start = 0
    with tempfile.TemporaryDirectory() as scratch:
        for number, words in enumerate(sizes):
            taken: list[str] = []
            while sum(len(line.split()) for line in taken) < words:  # lines no other has
                taken.append(lines[start])
                start += 1
            path = Path(scratch) / f"dokument-{number}.txt"
            paragraphs = [" ".join(taken[i : i + 4]) for i in range(0, len(taken), 4)]
            path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
            documents.append([s for paragraph in paragraphs_of(path) for s in paragraph])
    count = sum(len(d) for d in documents)
    engine = TranslationEngine(read_package(build_real_package()), threads=threads, cache=None)
    engine.load()
    ways = {"one after another": one_after_another, "together": together}
    runs: dict[str, list[float]] = {name: [] for name in ways}
    outputs: dict[str, list[str]] = {}
    print(f"{len(documents)} documents, {count} sentences, {threads} threads", flush=True)
    for index in range(args.rounds):
        names = list(ways) if index % 2 == 0 else list(reversed(ways))
        for name in names:
            started = time.perf_counter()
            outputs[name] = ways[name](engine, documents)
            runs[name].append(time.perf_counter() - started)
            print(f"  round {index + 1} {name:>17}: {runs[name][-1]:7.2f} s", flush=True)
    medians = {name: statistics.median(times) for name, times in runs.items()}
    ratios = [a / b for a, b in zip(runs["together"], runs["one after another"], strict=True)]
    same = outputs["together"] == outputs["one after another"]
    for name, median in medians.items():
        print(f"{name:>17}: median {median:.2f} s ({count / median:.1f} sentences/s)")
    print(
        f"together / one after another: {statistics.median(ratios):.3f}x (paired); "
        f"same English: {same}"
    )
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    summary = {
        "documents": len(documents),
        "sentences": count,
        "threads": threads,
        "median_s": medians,
        "together_over_one_after_another": statistics.median(ratios),
        "same_english": same,
        "runs": runs,
        "load_average": os.getloadavg()[0],
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "many_documents.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(f"wrote {RESULTS / 'many_documents.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
