"""Time of the hostile inputs that used to be superlinear, at growing sizes, side by side.

    uv run python benchmarks/hostile_bench.py

Cases: a paragraph without a full stop translated with the cache on (alignment over an
overlong sentence), the same word alignment alone, and nested Markdown links. Each size is
run once in this process with the test package the suite builds (tests/fixtures). Prints one
line per case and size, and the growth from the smallest to the largest size (about the size
ratio when linear, its square when quadratic); writes ``bench-results/hostile.json``.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.core.document.loading import load_text  # noqa: E402
from reader.core.packages.store import read_package  # noqa: E402
from reader.core.translation.alignment import align_words, word_spans  # noqa: E402
from reader.core.translation.session import TranslationSession  # noqa: E402
from tests.fixtures.model_builder import build_package_dir  # noqa: E402

RESULTS = REPO / "bench-results" / "hostile.json"
WORDS = ("Haus", "Stadt", "Brücke", "Fluss", "Straße", "Markt", "Schule", "Garten")


def long_paragraph(chars: int) -> str:
    """German words and commas, no full stop: one "sentence" of about ``chars`` characters."""
    words: list[str] = []
    total = 0
    index = 0
    while total < chars:
        word = WORDS[index % len(WORDS)] + ("," if index % 7 == 6 else "")
        words.append(word)
        total += len(word) + 1
        index += 1
    return " ".join(words)


def time_once(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def translate_case(package_dir: Path, work: Path) -> Callable[[int], float]:
    package = read_package(package_dir)

    def run(chars: int) -> float:
        text = long_paragraph(chars)
        cache = work / f"cache-{chars}.sqlite3"
        with TranslationSession.open(package, cache) as session:
            return time_once(lambda: session.translate([(0, text)], align=True))

    return run


def alignment_case(chars: int) -> float:
    """Align the last 200 words of a ``chars``-long sentence (one chunk's work)."""
    source = long_paragraph(chars)
    spans: list[tuple[int, int] | None] = list(word_spans(source)[-200:])
    target = " ".join(f"word{i}" for i in range(200))
    attention = [[1.0 if j == i else 0.0 for j in range(200)] for i in range(200)]
    target_spans: list[tuple[int, int] | None] = list(word_spans(target))
    return time_once(lambda: align_words(source, spans, target, target_spans, attention))


def nested_links_case(depth: int) -> float:
    text = "[![" * depth + "Bild" + "](a)]" * depth
    return time_once(lambda: load_text(text, format="markdown"))


def main() -> int:
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        package_dir = build_package_dir(work / "packages")
        cases: list[tuple[str, Callable[[int], float], tuple[int, ...]]] = [
            (
                "translate, cache on (chars)",
                translate_case(package_dir, work),
                (12_500, 50_000, 200_000),
            ),
            ("align one chunk (sentence chars)", alignment_case, (25_000, 200_000)),
            ("nested Markdown links (depth)", nested_links_case, (1_000, 6_000)),
        ]
        for name, run, sizes in cases:
            times = {str(size): run(size) for size in sizes}
            results[name] = times
            for size, seconds in times.items():
                print(f"{name:36} {size:>8}: {seconds:8.3f} s")
            first, last = sizes[0], sizes[-1]
            growth = times[str(last)] / max(times[str(first)], 1e-9)
            print(f"{name:36} growth x{growth:.1f} for size x{last / first:.0f}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"written: {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
