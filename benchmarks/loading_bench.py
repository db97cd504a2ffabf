"""Wall-clock time and peak memory of ``load_document`` on generated German documents of
every format (Markdown, text, HTML, EPUB, DOCX, PDF), normal and hostile.

    uv run python benchmarks/loading_bench.py [--repeat N]

Prints one line per case (best of N runs; peak Python memory from one more run under
``tracemalloc``) and writes ``bench-results/loading.json``. The text is generated here
(short sentences written for this script), no shared data needed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.core.document.loading import MAX_FILE_BYTES, load_document  # noqa: E402
from reader.core.errors import LoadError  # noqa: E402
from tests.fixtures.documents import epub_bytes, pdf_bytes, placed_pdf_bytes  # noqa: E402

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


def epub_book(size: int) -> bytes:
    chapters = []
    total = 0
    while total < size:
        chapter = "".join(html_article(len(chapters) * 10 + i) for i in range(10))
        chapters.append(chapter)
        total += len(chapter.encode("utf-8"))
    return epub_bytes(chapters, title="Haushalt")


def docx_book(folder: Path, size: int) -> bytes:
    import docx

    document = docx.Document()
    total = 0
    index = 0
    body = " ".join(_SENTENCES)
    while total < size:
        document.add_heading(f"Abschnitt {index}", level=2)
        paragraph = document.add_paragraph(body + " Die ")
        paragraph.add_run("Opposition").bold = True
        paragraph.add_run(" spricht von Schwindel.")
        document.add_paragraph("Bildung: plus 3,5 Prozent", style="List Bullet")
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "Ressort"
        table.cell(1, 0).text = "Bildung"
        total += len(body) + 120
        index += 1
    path = folder / "built.docx"
    document.save(str(path))
    return path.read_bytes()


def pdf_pages(count: int) -> bytes:
    """``count`` pages of about 40 wrapped lines, with a running header and page numbers."""
    words = " ".join(_SENTENCES).split()
    pages = []
    for number in range(1, count + 1):
        lines = [f"Haushaltsbericht 2026 – Seite {number}", ""]
        line = ""
        for repeat in range(6):
            for word in words:
                if len(line) + len(word) > 80:
                    lines.append(line)
                    line = ""
                line = f"{line} {word}".strip()
            if repeat % 2:
                lines.extend([line, ""])
                line = ""
        lines.extend([line, "", str(number)])
        pages.append(lines)
    return pdf_bytes(pages)


def pdf_two_column_pages(count: int) -> bytes:
    """``count`` pages of two 45-line columns under a full-width heading, stored row by row
    (right column first), so every page is reordered column by column."""
    words = " ".join(_SENTENCES).split()
    lines: list[str] = []
    line = ""
    for word in words * 4:
        if len(line) + len(word) > 38:
            lines.append(line)
            line = ""
        line = f"{line} {word}".strip()
    pages = []
    for number in range(1, count + 1):
        page = [(f"Haushaltsbericht 2026, Teil {number}", 72.0, 790.0, 18.0)]
        for row in range(45):
            y = 750.0 - row * 14.0
            right, left = lines[(row + 45) % len(lines)], lines[row % len(lines)]
            page += [(right, 310.0, y, 11.0), (left, 72.0, y, 11.0)]
        pages.append(page)
    return placed_pdf_bytes(pages)


def zip_bomb_epub() -> bytes:
    return epub_bytes(["<p>" + " " * (200 << 20) + "</p>"])


def cases(limit: int, folder: Path) -> dict[str, tuple[str, bytes]]:
    """Name -> (suffix, file contents)."""
    texts = {
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
    found = {name: (suffix, text.encode("utf-8")) for name, (suffix, text) in texts.items()}
    found.update(
        {
            "book_epub_1MB_text": (".epub", epub_book(1_000_000)),
            "book_docx_1MB_text": (".docx", docx_book(folder, 1_000_000)),
            "pdf_100_pages": (".pdf", pdf_pages(100)),
            "pdf_100_pages_two_columns": (".pdf", pdf_two_column_pages(100)),
            "pdf_2000_pages_refused": (".pdf", pdf_pages(2_000)),
            "zip_bomb_epub_200MB": (".epub", zip_bomb_epub()),
        }
    )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, (suffix, data) in cases(MAX_FILE_BYTES, Path(folder)).items():
            path = Path(folder) / f"{name}{suffix}"
            path.write_bytes(data)
            best = float("inf")
            blocks = 0
            for _ in range(args.repeat):
                start = time.perf_counter()
                blocks = _load(path)
                best = min(best, time.perf_counter() - start)
            tracemalloc.start()
            _load(path)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            size = path.stat().st_size
            results[name] = {
                "bytes": size,
                "seconds": round(best, 3),
                "peak_mb": round(peak / 1e6, 1),
                "blocks": blocks,
            }
            print(
                f"{name:32} {size / 1e6:6.2f} MB {best:7.2f} s {peak / 1e6:7.1f} MB peak "
                f"{blocks:7d} blocks",
                flush=True,
            )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(REPO)}")
    return 0


def _load(path: Path) -> int:
    try:
        return len(load_document(path).blocks)
    except LoadError:
        return 0  # a typed refusal is a valid outcome; its time still counts


if __name__ == "__main__":
    raise SystemExit(main())
