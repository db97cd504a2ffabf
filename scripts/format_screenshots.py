"""Screenshots of each document format in the reader: docs/screenshots/format-*.png.

Builds a small German sample of each format in a temp folder (a table in HTML, an EPUB
book, a Word file, a PDF), opens it through the real loader, and shows it in the main
window. No German→English model exists on the build machines, so the English column shows
hand-written translations of the sample sentences (the column header says so).

    QT_QPA_PLATFORM=offscreen uv run python scripts/format_screenshots.py [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("READER_DATA_DIR", tempfile.mkdtemp(prefix="reader-shots-"))

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.core.document.loading import load_document  # noqa: E402
from reader.core.document.segmentation import segment_document  # noqa: E402
from reader.core.paths import resolve_paths  # noqa: E402
from reader.ui.application import create_application  # noqa: E402
from reader.ui.settings import Settings  # noqa: E402
from reader.ui.window.main_window import MainWindow  # noqa: E402
from reader.workers.document_jobs import LoadedDocument  # noqa: E402
from scripts.screenshots import save, wait_for  # noqa: E402
from tests.fixtures.documents import epub_bytes, pdf_bytes  # noqa: E402

ENGLISH = {
    "Schiffe im Hamburger Hafen": "Ships in the port of Hamburg",
    "Die Behörde hat am Montag drei Schiffe kontrolliert.": (
        "The authority inspected three ships on Monday."
    ),
    "Schiff": "Ship",
    "Flagge": "Flag",
    "Festgesetzt": "Detained",
    "Freigegeben": "Released",
    "Aurora": "Aurora",
    "Panama": "Panama",
    "Liberia": "Liberia",
    "Malta": "Malta",
    "Nordwind": "Nordwind",
    "Bora": "Bora",
    "ja": "yes",
    "nein": "no",
    "Die Kontrollen gehen am Dienstag weiter.": "The inspections continue on Tuesday.",
    "Erstes Kapitel": "Chapter One",
    "Der Winter kam früh in diesem Jahr.": "Winter came early that year.",
    "Am Fluss lag schon Schnee, und die Fähre fuhr nicht mehr.": (
        "There was already snow by the river, and the ferry no longer ran."
    ),
    "Zweites Kapitel": "Chapter Two",
    "Im Frühjahr kehrte die Fähre zurück.": "In spring the ferry returned.",
    "Hafen von Hamburg": "Port of Hamburg",
    "Der Hafen ist sehr groß und wichtig.": "The port is very large and important.",
    "Er liegt an der Elbe.": "It lies on the Elbe.",
    "Zahlen": "Figures",
    "Erster Punkt der Liste.": "First item of the list.",
    "Zweiter Punkt der Liste.": "Second item of the list.",
    "Schritt eins.": "Step one.",
    "Ein Satz nach der Tabelle.": "A sentence after the table.",
    "Sturm über Norddeutschland": "Storm over northern Germany",
    "In Hamburg regnet es seit Stunden, und der Verkehr ist weiterhin gestört.": (
        "It has been raining in Hamburg for hours, and traffic is still disrupted."
    ),
    "Die Polizei rät, zu Hause zu bleiben.": "The police advise staying at home.",
    "In Bremen fielen mehrere Bäume auf die Gleise.": "In Bremen several trees fell on the tracks.",
    "Die Bahn stellte den Verkehr ein.": "The railway stopped services.",
    "Am Abend soll der Wind nachlassen.": "The wind is expected to ease in the evening.",
    "Der Hafen im Winter": "The port in winter",
    "Am Morgen liegt Nebel über dem Wasser.": "In the morning there is fog over the water.",
    "Kräne am Containerterminal.": "Cranes at the container terminal.",
    "Ein Foto aus dem Netz.": "A photo from the web.",
    "Bilder aus dem Netz lädt der Leser nie.": "The reader never loads pictures from the web.",
    "Von Anna Schmidt": "By Anna Schmidt",
    "6. Dezember 2026": "6 December 2026",
    "Der Orkan hat in der Nacht große Schäden angerichtet.": (
        "The hurricane caused great damage during the night."
    ),
}

TABLE_HTML = """<!doctype html><html><body>
<h1>Schiffe im Hamburger Hafen</h1>
<p>Die Behörde hat am Montag drei Schiffe kontrolliert.</p>
<table><tr><th>Schiff</th><th>Flagge</th><th>Festgesetzt</th><th>Freigegeben</th></tr>
<tr><td><b>Aurora</b></td><td>Panama</td><td>ja</td><td>nein</td></tr>
<tr><td><b>Nordwind</b></td><td>Liberia</td><td>nein</td><td>ja</td></tr>
<tr><td><b>Bora</b></td><td>Malta</td><td>ja</td><td>ja</td></tr></table>
<p>Die Kontrollen gehen am Dienstag weiter.</p>
</body></html>"""


PDF_PAGES = (
    [
        "Sturm über Norddeutschland",
        "",
        "In Hamburg regnet es seit Stunden, und der Verkehr ist weiter-",
        "hin gestört. Die Polizei rät, zu Hause zu bleiben.",
    ],
    [
        "In Bremen fielen mehrere Bäume auf die Gleise. Die Bahn stellte",
        "den Verkehr ein.",
    ],
    ["Am Abend soll der Wind nachlassen."],
)


ARTICLE_PAGE = """<!doctype html><html lang="de"><body>
<div id="cookie-banner"><p>Wir verwenden Cookies.</p><button>OK</button></div>
<header><nav><a href="/">Startseite</a> | <a href="/politik">Politik</a></nav></header>
<main><article><header><h1>Sturm über Norddeutschland</h1>
<p class="byline">Von Anna Schmidt</p><time>6. Dezember 2026</time>
<p class="lead"><strong>Der Orkan hat in der Nacht große Schäden angerichtet.</strong></p>
</header>
<p>In Hamburg regnet es seit Stunden, und der Verkehr ist weiterhin gestört.</p>
<div class="share-buttons"><a href="#">Teilen</a></div>
<p>Am Abend soll der Wind nachlassen.</p></article></main>
<footer><p>© 2026 Nordzeitung · <a href="/impressum">Impressum</a></p></footer>
</body></html>"""


def samples(folder: Path) -> dict[str, Path]:
    from tests.fixtures.documents import write_docx

    table = folder / "schiffe.html"
    table.write_text(TABLE_HTML, encoding="utf-8")
    book = folder / "winter.epub"
    book.write_bytes(
        epub_bytes(
            [
                "<h1>Erstes Kapitel</h1><p>Der Winter kam früh in diesem Jahr. Am Fluss lag "
                "schon Schnee, und die Fähre fuhr nicht mehr.</p>",
                "<h1>Zweites Kapitel</h1><p>Im Frühjahr kehrte die Fähre zurück.</p>",
            ],
            title="Der Winter am Fluss",
        )
    )
    word = write_docx(folder / "hafen.docx")
    pdf = folder / "sturm.pdf"
    pages = [
        [
            f"Nordzeitung – Seite {number}",
            "",
            *lines,
            "",
            f"– {number} –",
        ]
        for number, lines in enumerate(PDF_PAGES, 1)
    ]
    pdf.write_bytes(pdf_bytes(pages))
    pictures = folder / "bilder.md"
    _draw_harbour(folder / "hafen.png")
    pictures.write_text(
        "# Der Hafen im Winter\n\nAm Morgen liegt Nebel über dem Wasser.\n\n"
        "![Kräne am Containerterminal.](hafen.png)\n\n"
        "![Ein Foto aus dem Netz.](https://example.org/foto.jpg)\n\n"
        "Bilder aus dem Netz lädt der Leser nie.\n",
        encoding="utf-8",
    )
    article = folder / "sturm.html"
    article.write_text(ARTICLE_PAGE, encoding="utf-8")
    return {
        "table": table,
        "epub": book,
        "docx": word,
        "pdf": pdf,
        "html-article": article,
        "images": pictures,
    }


def _draw_harbour(path: Path) -> None:
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter

    image = QImage(480, 200, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    sky = QLinearGradient(0, 0, 0, 200)
    sky.setColorAt(0, QColor("#9fc3e6"))
    sky.setColorAt(1, QColor("#e8eef4"))
    painter.fillRect(image.rect(), sky)
    painter.fillRect(QRect(0, 150, 480, 50), QColor("#2f5d7c"))
    painter.setPen(Qt.PenStyle.NoPen)
    for x, height in ((60, 90), (170, 120), (300, 100), (400, 80)):
        painter.setBrush(QColor("#c0392b"))
        painter.drawRect(x, 150 - height, 12, height)
        painter.drawRect(x - 30, 150 - height, 70, 8)
    painter.end()
    image.save(str(path), "PNG")


def show(path: Path) -> MainWindow:
    document = load_document(path)
    sentences = segment_document(document)
    paths = resolve_paths().ensure()
    window = MainWindow(paths, Settings.for_paths(paths))
    window.resize(1180, 620)
    window.show()
    window.show_loaded(LoadedDocument(document, sentences))
    window.model_banner.hide()
    window.headers.english.setText("English — hand translation for this screenshot")
    window.view.set_placeholders(True)
    window.view.set_translations({s.id: ENGLISH[s.text] for s in sentences if s.text in ENGLISH})
    window.view.finish_rendering()
    wait_for(lambda: not window.entities.busy, 60)
    return window


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    create_application()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for name, path in samples(Path(folder)).items():
            window = show(path)
            save(window, args.out / f"format-{name}.png")
            window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
