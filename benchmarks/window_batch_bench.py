"""The window's batch size: whole-document time and the longest single call, side by side.

Usage: ``uv run python benchmarks/window_batch_bench.py [--words 2000] [--rounds 2]
[--caps 256 2048]``

Translates a ~``words``-word document in document order (as the window does: first batch
small, ramp up to the cap), once per cap (default: the window's ``WINDOW_BATCH_TOKENS`` and the
command line's ``DEFAULT_BATCH_TOKENS``), alternating in one run, with the
real-shape test model (built as in ``translation_bench.py``), every core, no cache. Prints
per run the whole time and the longest model call (what a jump can wait for, at most), and
the medians; writes ``bench-results/window_batch.json``.
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

from reader.core.document.model import Translation  # noqa: E402
from reader.core.packages.store import read_package  # noqa: E402
from reader.core.translation.batching import (  # noqa: E402
    DEFAULT_BATCH_TOKENS,
    WINDOW_BATCH_TOKENS,
    WINDOW_CALLS_WAITING,
)
from reader.core.translation.engine import TranslationEngine  # noqa: E402

RESULTS = ROOT / "bench-results"


def run(package_dir: Path, sentences: list[tuple[int, str]], variant: str) -> dict[str, float]:
    cap, _x, depth = variant.partition("x")
    engine = TranslationEngine(
        read_package(package_dir),
        cache=None,
        batch_tokens=int(cap),
        calls_in_flight=int(depth or 1),
    )
    engine.load()
    marks: list[float] = []

    def arrived(_batch: list[Translation]) -> None:
        marks.append(time.perf_counter())

    started = time.perf_counter()
    engine.translate(sentences, on_batch=arrived)
    total = time.perf_counter() - started
    steps = [b - a for a, b in zip([started, *marks], marks, strict=False)]
    engine.close()
    # A cancel waits for every call already queued: with N queued, N deliveries in a row.
    queued = engine.calls_in_flight
    longest = max(sum(steps[i : i + queued]) for i in range(len(steps)))
    return {"total_s": total, "longest_call_s": longest, "calls": len(marks)}


def main() -> int:
    from translation_bench import paragraphs_of, write_document
    from translation_engine_bench import build_real_package

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument(
        "--caps",
        nargs="+",
        default=[f"{WINDOW_BATCH_TOKENS}x{2 + WINDOW_CALLS_WAITING}", str(DEFAULT_BATCH_TOKENS)],
        help="token caps per call; CAPxN: N calls queued at once (the window's streaming)",
    )
    args = parser.parse_args()
    caps: list[str] = args.caps
    package = build_real_package()
    with tempfile.TemporaryDirectory() as scratch:
        document = write_document(args.words, Path(scratch))
        texts = [s for paragraph in paragraphs_of(document) for s in paragraph]
    sentences = list(enumerate(texts))
    rows: dict[str, list[dict[str, float]]] = {cap: [] for cap in caps}
    for index in range(args.rounds):
        for cap in caps:
            row = run(package, sentences, cap)
            rows[cap].append(row)
            print(
                f"round {index + 1} cap {cap:>6} tokens: {len(sentences)} sentences in "
                f"{row['total_s']:.2f} s, {row['calls']:.0f} calls, longest "
                f"{row['longest_call_s']:.2f} s",
                flush=True,
            )
    summary: dict[str, object] = {"cores": os.cpu_count(), "load_average": os.getloadavg()[0]}
    for cap, runs in rows.items():
        total = statistics.median(r["total_s"] for r in runs)
        longest = statistics.median(r["longest_call_s"] for r in runs)
        summary[cap] = {"median_total_s": total, "median_longest_call_s": longest}
        print(f"cap {cap:>6}: median total {total:.2f} s, longest call {longest:.2f} s")
    if str(DEFAULT_BATCH_TOKENS) in rows:
        command_line = statistics.median(r["total_s"] for r in rows[str(DEFAULT_BATCH_TOKENS)])
        for cap in caps:
            ratio = statistics.median(r["total_s"] for r in rows[cap]) / command_line
            print(f"cap {cap:>6} / command-line cap: {ratio:.2f}x")
    print(f"load average {summary['load_average']:.1f}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "window_batch.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(f"wrote {RESULTS / 'window_batch.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
