"""Wall-clock time of ``load_document`` on generated German documents, normal and hostile.

    uv run python benchmarks/loading_bench.py [--repeat N]

Prints one line per case (best of N runs) and writes ``bench-results/loading.json``. The
text is generated here (short sentences written for this script), no shared data needed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.core.document.loading import MAX_FILE_BYTES, load_document  # noqa: E402
from reader.core.errors import LoadError  # noqa: E402

RESULTS = REPO / "bench-results" / "loading.json"

_SENTENCES = [
    "Die Bundesregierung hat am Mittwoch einen neuen Haushaltsentwurf vorgelegt.",
    "Nach Angaben des Ministeriums sollen die Ausgaben für Bildung um 3,5 Prozent steigen.",
    "Kritiker bemängeln, dass der Entwurf keine Antwort auf die hohen Mieten gibt.",
    "„Wir brauchen mehr Wohnungen, nicht mehr Ankündigungen“, sagte eine Sprecherin.",
    "Der Bundestag soll im Dezember über den Entwurf abstimmen.",
]


def markdown_article(index: int) -> str:
    body = " ".join(_SENTENCES)
    return (
        f"## Abschnitt {index}\n\n"
        f"{body} Mehr dazu bei der [Quelle](https://example.org/{index}).\n\n"
        f"Die **Opposition** spricht von einem *Etikettenschwindel*. {body}\n\n"
        "- Bildung: plus 3,5 Prozent\n- Verteidigung: plus 2 Prozent\n"
        "    - davon Beschaffung: 40 Prozent\n\n"
        f"> {_SENTENCES[3]}\n\n"
    )


def html_article(index: int) -> str:
    body = " ".join(_SENTENCES)
    return (
        f"<h2>Abschnitt {index}</h2><p>{body} <a href='https://example.org/{index}'>Quelle"
        f"</a>.</p><p>Die <b>Opposition</b> spricht von <i>Schwindel</i>. {body}</p>"
        "<ul><li>Bildung</li><li>Verteidigung<ul><li>Beschaffung</li></ul></li></ul>\n"
    )


def text_article(index: int) -> str:
    lines = []
    line = ""
    for word in " ".join(_SENTENCES * 2).split():
        if len(line) + len(word) > 72:
            lines.append(line)
            line = ""
        line = f"{line} {word}".strip()
    lines.append(line)
    return f"Abschnitt {index}\n\n" + "\n".join(lines) + "\n\n"


def sized(make: Callable[[int], str], size: int) -> str:
    parts = []
    total = 0
    index = 0
    while total < size:
        part = make(index)
        parts.append(part)
        total += len(part.encode("utf-8"))
        index += 1
    return "".join(parts)


def cases(limit: int) -> dict[str, tuple[str, str]]:
    """Name -> (suffix, text)."""
    return {
        "article_md_20KB": (".md", sized(markdown_article, 20_000)),
        "book_md_1MB": (".md", sized(markdown_article, 1_000_000)),
        "book_md_at_limit": (".md", sized(markdown_article, limit - 20_000)),
        "book_txt_1MB": (".txt", sized(text_article, 1_000_000)),
        "book_txt_at_limit": (".txt", sized(text_article, limit - 20_000)),
        "book_html_1MB": (".html", sized(html_article, 1_000_000)),
        "line_1MB_txt": (".txt", ("Ein Satz ohne Umbruch. " * 50_000)[:1_000_000]),
        "line_1MB_md": (".md", ("Ein Satz mit *Betonung* und [Link](https://x.de). " * 25_000)),
        "nested_list_500_md": (".md", "".join("    " * d + f"- Punkt {d}\n" for d in range(500))),
        "nested_list_5000_html": (".html", "<ul><li>Punkt" * 5000 + "</li></ul>" * 5000),
        "brackets_md_1MB": (".md", ("[" * 999 + "\n\n") * 1000),
        "unclosed_comments_html_400KB": (".html", "<p>Sichtbar</p>" + "<!--" * 100_000),
        "deep_divs_html_1MB": (".html", "<div>x" * 170_000),
        "reopened_formatting_html": (
            ".html",
            "".join(f"<p><b id=n{i}><i class=c{i}>x" for i in range(20_000)),
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, (suffix, text) in cases(MAX_FILE_BYTES).items():
            path = Path(folder) / f"{name}{suffix}"
            path.write_text(text, encoding="utf-8")
            best = float("inf")
            blocks = 0
            for _ in range(args.repeat):
                start = time.perf_counter()
                try:
                    blocks = len(load_document(path).blocks)
                except LoadError:
                    blocks = 0  # a typed refusal is a valid outcome; its time still counts
                best = min(best, time.perf_counter() - start)
            size = path.stat().st_size
            results[name] = {"bytes": size, "seconds": round(best, 3), "blocks": blocks}
            print(f"{name:32} {size / 1e6:6.2f} MB {best:7.2f} s {blocks:7d} blocks", flush=True)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
