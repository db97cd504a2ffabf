"""What the translation check costs next to the translation it checks.

Usage: ``uv run python benchmarks/check_cost.py [--words 10000] [--threads N]``

Builds an article of about ``--words`` German words (consecutive WMT16 lines, as
``translation_bench.py`` does), translates it with the real-shape test package (what a real
Argos de→en model costs per token; built once under ``bench-results/models/``), then checks
every pair, in one run: (a) the check alone, given the names the reader has already found
for highlighting, and (b) the check with name finding included, as ``reader check`` does
it. Prints both as a share of the translation time and writes
``bench-results/check_cost.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import translation_bench  # noqa: E402
from translation_bench import build_article, build_real_package  # noqa: E402

from reader.core.checks.document import check_pairs, german_names  # noqa: E402
from reader.core.checks.pairs import check_pair  # noqa: E402
from reader.core.entities.recognizer import EntityRecognizer  # noqa: E402
from reader.core.packages.store import read_package  # noqa: E402
from reader.core.translation.engine import TranslationEngine, default_threads  # noqa: E402

RESULTS = ROOT / "bench-results"
# ../shared beside the checkout (or beside the worktrees' folder)
SHARED = next(
    (p for p in (ROOT.parent / "shared", ROOT.parents[1] / "shared") if p.is_dir()),
    ROOT.parent / "shared",
)
translation_bench.DATA = SHARED / "data" / "segmentation"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--threads", type=int, default=default_threads())
    args = parser.parse_args()

    sentences = [line for paragraph in build_article(args.words) for line in paragraph]
    words = sum(len(s.split()) for s in sentences)
    engine = TranslationEngine(read_package(build_real_package()), threads=args.threads)
    engine.load()
    started = time.perf_counter()
    done = engine.translate(list(enumerate(sentences)), align=False)
    translate_seconds = time.perf_counter() - started
    pairs = [(s, t.text) for s, t in zip(sentences, done, strict=True)]

    recognizer = EntityRecognizer()
    recognizer.load()
    started = time.perf_counter()
    names = german_names(recognizer, sentences)
    names_seconds = time.perf_counter() - started
    check_pair("Am 3. Oktober kamen 20 Leute nach Köln.", "warm-up")  # tables loaded once
    started = time.perf_counter()
    found = [check_pair(d, e, n) for (d, e), n in zip(pairs, names, strict=True)]
    check_seconds = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    check_pairs(pairs, recognizer)
    with_names_seconds = time.perf_counter() - started
    with_names_cpu = time.process_time() - cpu

    summary = {
        "words": words,
        "sentences": len(sentences),
        "threads": args.threads,
        "translate_seconds": translate_seconds,
        "check_seconds": check_seconds,
        "name_finding_seconds": names_seconds,
        "check_with_names_seconds": with_names_seconds,
        "check_share": check_seconds / translate_seconds,
        "check_with_names_share": with_names_seconds / translate_seconds,
        "check_with_names_cpu_seconds": with_names_cpu,
        "flagged_pairs": sum(1 for f in found if f),
    }
    print(f"{words} words, {len(sentences)} sentences, {args.threads} threads")
    print(f"translation (real-shape model, beam 4): {translate_seconds:8.2f} s")
    print(
        f"check, names already found:            {check_seconds:8.3f} s "
        f"({100 * summary['check_share']:.2f} % of translation)"
    )
    print(
        f"check with name finding:               {with_names_seconds:8.3f} s "
        f"({100 * summary['check_with_names_share']:.2f} % of translation; "
        f"{with_names_cpu:.3f} CPU-s)"
    )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "check_cost.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
