"""The Qt PDF: it opens, holds the first and last sentence, numbers its pages, keeps Unicode."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader

from reader.core.document.model import Block, BlockKind, Document, Sentence, Translation
from reader.core.export.model import BilingualDocument
from reader.qtgui.pdf_export import ATTACHMENT_NAME, build_text_document, export_pdf
from tests.core.export.export_samples import sample


@pytest.fixture(autouse=True)
def fonts(qapp: object) -> None:
    """Qt draws no text without a font; a bare machine needs e.g. fonts-dejavu-core."""
    from PySide6.QtGui import QFontDatabase

    if not QFontDatabase.families():
        pytest.skip("no fonts installed (apt-get install fonts-dejavu-core)")


def page_texts(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def long_document(paragraphs: int = 60) -> BilingualDocument:
    blocks, sentences, translations = [], [], {}
    for index in range(paragraphs):
        german = f"Absatz {index} erzählt von der Straße in Köln und ihren Häusern."
        english = f"Paragraph {index} tells of the street in Cologne and its houses."
        blocks.append(Block(index, BlockKind.PARAGRAPH, german))
        sentences.append(Sentence(index, index, 0, len(german), german))
        translations[index] = Translation(index, german, english)
    return BilingualDocument(
        Document("Eine lange Geschichte", tuple(blocks)), tuple(sentences), translations
    )


def test_pdf_opens_and_holds_the_first_and_last_sentence(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    pages = export_pdf(sample(), target)
    assert target.read_bytes().startswith(b"%PDF-")
    reader = PdfReader(target)
    assert len(reader.pages) == pages == 1
    text = page_texts(target)[0]
    assert "Ein Tag in Köln" in text and "A day in Cologne" in text
    assert 'Ein Link: <a href="javascript:alert(1)"' in text
    assert "A link: <img src=x onerror=" in text
    assert "Erstens: „Straße“ mit ß." in text
    assert "First: “street” with ß." in text


def test_pages_are_a4_numbered_and_repeat_the_column_header(tmp_path: Path) -> None:
    target = tmp_path / "long.pdf"
    pages = export_pdf(long_document(), target)
    assert pages >= 3
    reader = PdfReader(target)
    assert len(reader.pages) == pages
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)  # A4 in points
    texts = page_texts(target)
    for number, text in enumerate(texts, start=1):
        assert re.search(rf"\b{number} / {pages}\b", text), (number, text[-80:])
        assert "Deutsch" in text and "English" in text
    assert "Absatz 0 erzählt" in texts[0] and "Paragraph 0 tells" in texts[0]
    assert "Absatz 59 erzählt" in texts[-1] and "Paragraph 59 tells" in texts[-1]
    # Every paragraph is printed once: rows are not lost or doubled at page breaks.
    everything = " ".join(texts)
    for index in range(60):
        assert everything.count(f"Absatz {index} erzählt") == 1


def test_exact_pairs_travel_inside_the_pdf(tmp_path: Path) -> None:
    """Qt maps only BMP glyphs back to text, so emoji and 𝔘 ride along in an attachment."""
    target = tmp_path / "out.pdf"
    export_pdf(sample(), target)
    attachments = PdfReader(target).attachments
    assert ATTACHMENT_NAME in attachments
    tsv = attachments[ATTACHMENT_NAME][0].decode("utf-8")
    assert "5\tGut gemacht 🙂 und 𝔘𝔫𝔦𝔠𝔬𝔡𝔢.\tWell done 🙂 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢." in tsv.splitlines()


def test_the_layout_is_a_two_column_table_with_code_across_both() -> None:
    document = build_text_document(sample())
    text = document.toPlainText()
    assert text.count("nicht übersetzt") == 1
    table = document.rootFrame().childFrames()[0]
    assert table.columns() == 2  # type: ignore[attr-defined]
    assert table.rows() == 1 + len(sample().document.blocks)  # type: ignore[attr-defined]


def test_an_unwritable_target_raises_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        export_pdf(sample(), tmp_path / "missing" / "out.pdf")
    assert list(tmp_path.iterdir()) == []


def test_pdf_can_be_written_off_the_gui_thread(tmp_path: Path) -> None:
    """The window may hand the export to a worker thread so the GUI never freezes."""
    target = tmp_path / "threaded.pdf"
    results: list[int] = []
    worker = threading.Thread(target=lambda: results.append(export_pdf(sample(), target)))
    worker.start()
    worker.join(timeout=60)
    assert results == [1]
    assert "Ein Tag in Köln" in page_texts(target)[0]


def test_web_links_are_clickable_and_javascript_links_are_not(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    export_pdf(sample(), target)
    page = PdfReader(target).pages[0]
    actions = [a.get_object().get("/A") for a in page.get("/Annots", None) or []]
    assert [a.get("/URI") for a in actions if a] == ["https://koeln.de"]


def table_document() -> BilingualDocument:
    """A three-column table: a header row and one data row, each cell its own sentence."""
    rows = [("Schiff Flagge Hafen", (0, 7, 14), 1), ("Ever Given Panama Suez", (0, 11, 18), 0)]
    blocks, sentences, translations = [], [], {}
    english = {
        "Schiff": "Ship",
        "Flagge": "Flag",
        "Hafen": "Port",
        "Ever Given": "Ever Given",
        "Panama": "Panama",
        "Suez": "Suez",
    }
    for index, (text, cells, level) in enumerate(rows):
        blocks.append(Block(index, BlockKind.TABLE_ROW, text, level=level, cells=cells))
        for start, end in zip(cells, (*cells[1:], len(text) + 1), strict=True):
            german = text[start : end - 1]
            sid = len(sentences)
            sentences.append(Sentence(sid, index, start, start + len(german), german))
            translations[sid] = Translation(sid, german, english[german])
    return BilingualDocument(Document("Schiffe", tuple(blocks)), tuple(sentences), translations)


def nested_tables(document) -> list[list[str]]:
    """Each table inside the outer table: its cells' text, left to right."""
    from PySide6.QtGui import QTextTable

    outer = document.rootFrame().childFrames()[0]
    found = []
    for frame in outer.childFrames():
        assert isinstance(frame, QTextTable)
        assert frame.rows() == 1
        found.append([_cell_text(frame.cellAt(0, column)) for column in range(frame.columns())])
    return found


def _cell_text(cell) -> str:
    cursor = cell.firstCursorPosition()
    cursor.setPosition(cell.lastCursorPosition().position(), cursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def test_table_rows_are_laid_out_as_tables_on_both_sides(tmp_path: Path) -> None:
    bilingual = table_document()
    document = build_text_document(bilingual)
    assert nested_tables(document) == [
        ["Schiff", "Flagge", "Hafen"],
        ["Ship", "Flag", "Port"],
        ["Ever Given", "Panama", "Suez"],
        ["Ever Given", "Panama", "Suez"],
    ]
    target = tmp_path / "table.pdf"
    export_pdf(bilingual, target)
    text = page_texts(target)[0]
    assert "Flagge Hafen" in text and "Ship Flag Port" in text  # (ff: a ligature)


def image_sizes(path: Path) -> list[tuple[int, int]]:
    """(width, height) of every image object the PDF's pages draw (forms searched too)."""
    found: list[tuple[int, int]] = []

    def walk(resources) -> None:
        for item in (resources or {}).get("/XObject", {}).values():
            stream = item.get_object()
            if stream.get("/Subtype") == "/Image":
                found.append((int(stream["/Width"]), int(stream["/Height"])))
            elif stream.get("/Subtype") == "/Form":
                walk(stream.get("/Resources"))

    for page in PdfReader(path).pages:
        walk(page.get("/Resources"))
    return found


def test_pictures_are_embedded_once_across_both_columns(tmp_path: Path) -> None:
    from tests.core.export.test_html_pictures import bilingual, png

    (tmp_path / "karte.png").write_bytes(png(40, 20))
    target = tmp_path / "bild.pdf"
    export_pdf(bilingual(tmp_path, "karte.png"), target)
    assert image_sizes(target) == [(40, 20)]
    text = page_texts(target)[0]
    assert "Die Karte von Köln." in text and "The map of Cologne." in text


def test_a_picture_the_loader_would_not_show_stays_its_caption(tmp_path: Path) -> None:
    from tests.core.export.test_html_pictures import bilingual

    (tmp_path / "karte.png").symlink_to("/dev/zero")
    target = tmp_path / "ohne.pdf"
    export_pdf(bilingual(tmp_path, "karte.png"), target)
    assert image_sizes(target) == []
    assert "Die Karte von Köln." in page_texts(target)[0]


def test_a_tall_picture_is_shrunk_to_fit_one_page(tmp_path: Path) -> None:
    from tests.core.export.test_html_pictures import bilingual, png

    (tmp_path / "karte.png").write_bytes(png(30, 3000))  # 31 A4 pages tall at 96 dpi
    assert export_pdf(bilingual(tmp_path, "karte.png"), tmp_path / "hoch.pdf") == 1
    assert image_sizes(tmp_path / "hoch.pdf") == [(30, 3000)]
