"""Lookup card: time to a complete card, with the glosses cached and uncached, and the
longest event-loop stall while cards open.

Runs the real window offscreen with the real-shape test package (6+6 layers, d_model 512,
int8: it costs what a real de→en model costs; built once by ``translation_bench.py``'s
builder into ``bench-results/models/``) and the real translation thread and cache. The
document is translated first, so the translation thread is idle, as when a reader stops to
look a word up. For each word: click → card complete (lookup and every gloss shown).
"Uncached" words have never been translated; "cached" opens the same words again. The lemma
and noun tables are read once per process, in the background as soon as the pointer moves
over the text: the pointer is moved first and that warm-up is timed on its own; the first
card opens after it. Before it, the noun table alone is read on the job pool twice, side by
side: one ``Noun`` object per noun (as before) and plain strings (as shipped), each with the
longest stall it caused. Last, a long document is opened and cards are opened while it is being
translated ("while translating"), twice with fresh words and a fresh document: "queued"
sends the glosses to the translation thread behind the document's running batch (as before
the gloss lane), "lane" through the gloss lane beside it.

A 2 ms timer measures the event loop the whole time: the longest gap between two ticks is
the longest stall the reader would feel.

    QT_QPA_PLATFORM=offscreen uv run python benchmarks/card_bench.py [--words 12]

Prints a table and writes ``bench-results/card.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

RESULTS = ROOT / "bench-results"
TEXT = """# Der Drucker im Büro

Der Tintenstrahldrucker im Büro druckt seit Montag keine Briefe mehr. Die Bundesregierung
will die Verkehrsunfälle auf den Landstraßen halbieren. Im Kindergarten spielen die Kinder
im Garten neben dem Bahnhof. Der Wirtschaftsminister sprach über den Arbeitsmarkt und die
Umweltschutzgesetze. Die Fußballweltmeisterschaft beginnt im Sommer in der Hauptstadt.
Das Schulbuch liegt auf dem Küchentisch neben der Kaffeemaschine.
"""


# Words never looked up before, one set per run of "while translating" (so neither run
# finds the other's glosses in the cache), in a long document of its own per run.
FRESH = {
    "queued": ("Druckerpatrone", "Tintenfass", "Bahnsteig", "Kaffeetasse", "Schulhof"),
    "lane": ("Papierkorb", "Bleistift", "Fahrkarte", "Teekanne", "Sportplatz"),
}


def long_text(words: tuple[str, ...], first: int) -> str:
    a, b, c, d, e = words
    return "# Ein langer Text\n\n" + "\n\n".join(
        f"Im Abschnitt {n} liegt die {a} neben dem {b}. Am {c} {n} "
        f"steht eine {d}, und auf dem {e} {n} spielen Kinder."
        for n in range(first, first + 120)
    )


class StallMeter:
    """Ticks every 2 ms; the longest gap between ticks is the longest event-loop stall."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.clock.start()
        self.last = 0
        self.longest = 0
        self.timer = QTimer()
        self.timer.setInterval(2)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.last = self.clock.elapsed()
        self.longest = 0
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.longest = max(self.longest, now - self.last)
        self.last = now


class ObjectNounTable:
    """The noun table as it was read before (one ``Noun`` object per noun), kept here only
    to time it beside the shipped one in the same run."""

    def __init__(self, path: Path) -> None:
        from reader.core.words.nouns import Noun

        nouns = []
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                fields = line.rstrip("\n").split("\t")
                if len(fields) != 3 or not fields[0]:
                    continue
                genders = tuple(g for g in fields[1].split(",") if g in ("m", "f", "n"))
                nouns.append(Noun(fields[0], genders, fields[2]))
        self.by_lemma = {noun.lemma: noun for noun in nouns}
        self.by_folded: dict[str, Noun] = {}
        self.by_plural: dict[str, Noun] = {}
        for noun in nouns:
            self.by_folded.setdefault(noun.lemma.casefold(), noun)
            if noun.plural:
                self.by_plural.setdefault(noun.plural, noun)


def table_load_stall(meter: StallMeter, load) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    """Seconds to read a noun table on the job pool, and the longest stall meanwhile."""
    from reader.workers.jobs import JobRunner

    runner = JobRunner()
    box: list[object] = []
    meter.start()
    started = time.perf_counter()
    runner.start(lambda _p, _c: load(), success=box.append, name="noun table")
    wait_for(lambda: bool(box), 60)
    return time.perf_counter() - started, meter.longest


def wait_for(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        QApplication.processEvents()
        time.sleep(0.0005)
    return True


def open_card(window, spot) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Seconds to a filled card (lookup) and to a complete one (every gloss shown)."""
    words = window.words
    words.close()
    started = time.perf_counter()
    words.open_at(spot)
    wait_for(lambda: words.info is not None, 30)
    filled = time.perf_counter() - started
    wait_for(lambda: words.info is not None and len(words.glosses) == len(words.info.glossable), 60)
    return filled, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=12, help="nouns to look up")
    args = parser.parse_args()

    from translation_bench import build_real_package

    package_dir = build_real_package()
    data_dir = Path(tempfile.mkdtemp(prefix="card-bench-"))
    os.environ["READER_DATA_DIR"] = str(data_dir)
    from reader.core.paths import resolve_paths
    from reader.ui.application import create_application
    from reader.ui.settings import Settings
    from reader.ui.window.main_window import MainWindow
    from reader.ui.words.locate import sentence_words

    paths = resolve_paths(data_dir).ensure()
    shutil.copytree(package_dir, paths.packages / package_dir.name)
    create_application()
    window = MainWindow(paths, Settings.for_paths(paths))
    window.resize(1200, 800)
    window.show()
    article = data_dir / "buero.md"
    article.write_text(TEXT, encoding="utf-8")
    finished: list[bool] = []
    window.translation.translation_finished.connect(finished.append)
    window.open_file(article)
    if not wait_for(lambda: bool(finished), 600):
        print("the document did not finish translating", file=sys.stderr)
        return 1
    window.view.finish_rendering()
    spots = [
        spot
        for sentence_id in window.view.sentence_ids()
        for spot in sentence_words(window.view, sentence_id)
        if spot.text[:1].isupper() and len(spot.text) > 5
    ][: args.words]
    meter = StallMeter()
    # The machine's own noise: the longest gap while the window does nothing for 3 s.
    meter.start()
    idle_until = time.monotonic() + 3
    wait_for(lambda: time.monotonic() > idle_until, 10)
    idle_stall = meter.longest
    # The noun table alone, read on the job pool as the window reads it: one object per
    # noun (before) and plain strings (now), side by side; neither is kept.
    from reader.core.bundled import resource_path
    from reader.core.words.nouns import NounTable

    nouns_tsv = resource_path("words", "nouns.tsv")
    table_runs = {
        "objects": table_load_stall(meter, lambda: ObjectNounTable(nouns_tsv)),
        "strings": table_load_stall(meter, lambda: NounTable.load(nouns_tsv)),
    }
    meter.start()
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    warm_started = time.perf_counter()
    QTest.mouseMove(window.view.viewport(), QPoint(40, 40))
    QTest.mouseMove(window.view.viewport(), QPoint(60, 60))
    wait_for(lambda: window.words.lookup.warm_done, 60)
    warm_s = time.perf_counter() - warm_started
    warm_stall = meter.longest
    meter.start()
    first_filled, first_complete = open_card(window, spots[0])
    cold_stall = meter.longest
    meter.start()
    uncached = [open_card(window, spot) for spot in spots[1:]]
    uncached_stall = meter.longest
    meter.start()
    cached = [open_card(window, spot) for spot in spots[1:]]
    cached_stall = meter.longest
    # While a long document translates, side by side: the glosses queued behind the
    # document's running batch (as before the gloss lane), then through the gloss lane.
    during: dict[str, list[tuple[float, float]]] = {}
    during_stall: dict[str, int] = {}
    translating: dict[str, bool] = {}
    for run, (mode, words) in enumerate(FRESH.items()):
        window.words.use_gloss_lane = mode == "lane"
        long_article = data_dir / f"lang-{mode}.md"
        long_article.write_text(long_text(words, 1000 * run), encoding="utf-8")
        finished.clear()
        window.open_file(long_article)
        wait_for(
            lambda path=long_article: (
                window.path == path and len(window.translation.translations) >= 4
            ),
            300,
        )
        window.view.finish_rendering()
        meter.start()
        fresh = [
            spot
            for sentence_id in window.view.sentence_ids()[:3]
            for spot in sentence_words(window.view, sentence_id)
            if spot.text in words
        ]
        during[mode] = [open_card(window, spot) for spot in fresh]
        during_stall[mode] = meter.longest
        translating[mode] = not finished
    window.close()
    shutil.rmtree(data_dir, ignore_errors=True)

    def row(name: str, runs: list[tuple[float, float]], stall: int) -> dict[str, float]:
        complete = [c for _f, c in runs]
        result = {
            "cards": len(runs),
            "lookup_median_ms": 1000 * statistics.median(f for f, _c in runs),
            "complete_median_ms": 1000 * statistics.median(complete),
            "complete_max_ms": 1000 * max(complete),
            "longest_stall_ms": float(stall),
        }
        print(
            f"{name:<22} {result['cards']:>5} {result['lookup_median_ms']:>10.1f} "
            f"{result['complete_median_ms']:>12.1f} {result['complete_max_ms']:>10.1f} "
            f"{result['longest_stall_ms']:>10.0f}"
        )
        return result

    print(
        f"{'card':<22} {'cards':>5} {'lookup ms':>10} {'complete ms':>12} {'max ms':>10} "
        f"{'stall ms':>10}"
    )
    print(
        f"{'tables on hover':<22} {'':>5} {1000 * warm_s:>10.1f} {'':>12} {'':>10} "
        f"{warm_stall:>10.0f}"
    )
    for kind, (seconds, stall) in table_runs.items():
        name = f"noun table, {kind}"
        print(f"{name:<22} {'':>5} {1000 * seconds:>10.1f} {'':>12} {'':>10} {stall:>10.0f}")
    print(f"{'idle (machine noise)':<22} {'':>5} {'':>10} {'':>12} {'':>10} {idle_stall:>10.0f}")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    summary = {
        "idle_stall_ms": float(idle_stall),
        "load_average": os.getloadavg()[0],
        "tables_warm_up": {"ms": 1000 * warm_s, "longest_stall_ms": float(warm_stall)},
        "noun_table": {
            kind: {"ms": 1000 * seconds, "longest_stall_ms": float(stall)}
            for kind, (seconds, stall) in table_runs.items()
        },
        "first_card": row("first card", [(first_filled, first_complete)], cold_stall),
        "uncached": row("uncached glosses", uncached, uncached_stall),
        "cached": row("cached glosses", cached, cached_stall),
        "while_translating_queued": row(
            "translating, queued", during["queued"], during_stall["queued"]
        ),
        "while_translating_lane": row("translating, lane", during["lane"], during_stall["lane"]),
        "document_still_translating": translating,
        "words": [spot.text for spot in spots],
        "model": "real-shape test package (6+6 layers, d_model 512, int8)",
        "targets_ms": {"cached": 150, "uncached": 1000, "stall": 100},
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "card.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(f"wrote {RESULTS / 'card.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
