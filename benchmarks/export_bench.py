"""Time every exporter on a synthetic long article (no model, no data files needed).

The article has N blocks (default 2,000: every 20th a heading, every 7th a list item, every
50th a code block), three sentences per paragraph, an entity in every sentence projected to
the English, and a bold mark in every fifth block. Text formats are rendered to strings;
PDF is laid out and written through Qt on the offscreen platform.

    uv run python benchmarks/export_bench.py [--blocks N] [--repeat R] [--no-pdf]

Prints one line per format and writes bench-results/export.json.
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

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reader.core.document.model import (  # noqa: E402
    Block,
    BlockKind,
    Document,
    Entity,
    EntityLabel,
    Mark,
    MarkKind,
    Sentence,
    Translation,
)
from reader.core.export.formats import render  # noqa: E402
from reader.core.export.model import BilingualDocument, ExportFormat  # noqa: E402

RESULTS = REPO / "bench-results" / "export.json"
GERMAN = "Die Bürgermeisterin von Köln eröffnete am Montag die neue Brücke über den Rhein."
ENGLISH = "The mayor of Cologne opened the new bridge over the Rhine on Monday."


def synthetic(blocks: int) -> BilingualDocument:
    """A long article with headings, lists, code, marks and one entity per sentence."""
    built: list[Block] = []
    sentences: list[Sentence] = []
    translations: dict[int, Translation] = {}
    entities: list[Entity] = []
    city = GERMAN.index("Köln")
    city_en = ENGLISH.index("Cologne")
    for index in range(blocks):
        if index % 50 == 49:
            built.append(Block(index, BlockKind.CODE, "for x in range(3):\n    print(x)"))
            continue
        kind, count = BlockKind.PARAGRAPH, 3
        if index % 20 == 0:
            kind, count = BlockKind.HEADING, 1
        elif index % 7 == 0:
            kind, count = BlockKind.LIST_ITEM, 1
        text = " ".join([GERMAN] * count)
        marks = (Mark(MarkKind.BOLD, 4, 22),) if index % 5 == 0 else ()
        built.append(
            Block(index, kind, text, level=1 if kind is not BlockKind.HEADING else 2, marks=marks)
        )
        for n in range(count):
            start = n * (len(GERMAN) + 1)
            sid = len(sentences)
            sentences.append(Sentence(sid, index, start, start + len(GERMAN), GERMAN))
            translations[sid] = Translation(sid, GERMAN, ENGLISH)
            entities.append(
                Entity(
                    index,
                    start + city,
                    start + city + 4,
                    EntityLabel.LOC,
                    "Köln",
                    sid,
                    city_en,
                    city_en + 7,
                )
            )
    return BilingualDocument(
        Document("Benchmark", tuple(built)),
        tuple(sentences),
        translations,
        tuple(entities),
        "translate-de_en",
        "1.9",
    )


def timed(action, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        runs.append(time.perf_counter() - started)
    return runs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blocks", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args()

    bilingual = synthetic(args.blocks)
    print(
        f"{args.blocks} blocks, {len(bilingual.sentences)} sentences, "
        f"{len(bilingual.entities)} entities; best of {args.repeat}"
    )
    results: dict[str, dict[str, float]] = {}
    for fmt in ExportFormat:
        output: list[str] = []
        runs = timed(
            lambda fmt=fmt, output=output: output.append(render(bilingual, fmt)), args.repeat
        )
        size = len(output[-1].encode("utf-8"))
        results[fmt.value] = {
            "best_s": min(runs),
            "median_s": statistics.median(runs),
            "bytes": size,
        }
        print(f"  {fmt.value:5} best {min(runs) * 1000:8.1f} ms   {size / 1e6:6.2f} MB")
    if not args.no_pdf:
        from PySide6.QtGui import QGuiApplication

        from reader.qtgui.pdf_export import export_pdf

        app = QGuiApplication.instance() or QGuiApplication([])
        assert app is not None
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "bench.pdf"
            pages: list[int] = []
            runs = timed(lambda: pages.append(export_pdf(bilingual, target)), args.repeat)
            size = target.stat().st_size
        results["pdf"] = {
            "best_s": min(runs),
            "median_s": statistics.median(runs),
            "bytes": size,
            "pages": pages[-1],
        }
        print(f"  pdf   best {min(runs) * 1000:8.1f} ms   {size / 1e6:6.2f} MB, {pages[-1]} pages")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"blocks": args.blocks, "results": results}, indent=2))
    print(f"wrote {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
