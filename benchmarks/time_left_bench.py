"""How well the time left is guessed: by sentences done, or by the German's characters done.

Usage: ``uv run python benchmarks/time_left_bench.py [--sentences 1000] [--threads 2]``

Translates the first ``sentences`` lines of ``../shared/data/segmentation/wmt16.de`` with the
real-shape test model (built as in ``translation_bench.py``), no cache, twice: as the window
streams them (first screen in order, then length-sorted windows that grow) and as
``reader translate`` does (one pass sorted by length). Each batch's arrival time is
recorded; at every tenth of the sentences the time left is guessed from the pace since the
first batch (as ``ui/window/time_left.py`` and the command line's bar do) by sentences and
by characters, and set beside the time it really took. Prints a table per plan (and the
mean absolute error of each guess); writes ``bench-results/time_left.json``.
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

from translation_engine_bench import DATA, build_real_package  # noqa: E402

RESULTS = ROOT / "bench-results"


def run(lines: list[str], threads: int, window: bool) -> list[tuple[float, int, int]]:
    """``(seconds, sentences done, characters done)`` after each batch."""
    from reader.core.packages.store import read_package
    from reader.core.translation.batching import window_engine_options
    from reader.core.translation.engine import TranslationEngine

    package = read_package(build_real_package())
    if window:
        engine = TranslationEngine(package, threads=threads, **window_engine_options(threads))
    else:
        engine = TranslationEngine(package, threads=threads)
    engine.load()
    marks: list[tuple[float, int, int]] = []
    done = [0, 0]
    started = time.perf_counter()

    def on_batch(batch: list) -> None:  # type: ignore[type-arg]
        done[0] += len(batch)
        done[1] += sum(len(t.source) for t in batch)
        marks.append((time.perf_counter() - started, done[0], done[1]))

    engine.translate(list(enumerate(lines)), on_batch=on_batch, by_length=not window)
    engine.close()
    return marks


def guesses(marks: list[tuple[float, int, int]], total: int, chars: int) -> list[dict[str, float]]:
    end = marks[-1][0]
    first_t, first_n, first_c = marks[0]
    rows = []
    step = 1
    for t, n, c in marks:
        if n * 10 < step * total or step >= 10 or t <= first_t or n <= first_n:
            continue
        rows.append(
            {
                "done": n / total,
                "true_s": end - t,
                "by_sentences_s": (total - n) / ((n - first_n) / (t - first_t)),
                "by_characters_s": (chars - c) / ((c - first_c) / (t - first_t)),
            }
        )
        while n * 10 >= step * total:
            step += 1
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    lines = [
        line.strip()
        for line in (DATA / "wmt16.de").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ][: args.sentences]
    chars = sum(len(line) for line in lines)
    summary: dict[str, object] = {"sentences": len(lines), "threads": args.threads}
    for name, window in (("window", True), ("command line", False)):
        rows = guesses(run(lines, args.threads, window), len(lines), chars)
        summary[name] = rows
        print(f"{name}: time left guessed at each tenth (s)")
        print(f"{'done':>6} {'true':>7} {'by sentences':>13} {'by characters':>14}")
        for row in rows:
            print(
                f"{row['done']:6.0%} {row['true_s']:7.1f} {row['by_sentences_s']:13.1f} "
                f"{row['by_characters_s']:14.1f}"
            )
        for key in ("by_sentences_s", "by_characters_s"):
            error = sum(abs(r[key] - r["true_s"]) for r in rows) / max(1, len(rows))
            print(f"  mean absolute error {key[:-2].replace('_', ' ')}: {error:.1f} s")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "time_left.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(f"wrote {RESULTS / 'time_left.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
