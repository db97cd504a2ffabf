"""The main window's export hooks: formats, filters, names, writing, clipboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from reader.core.export.model import pairs_for_ids
from reader.ui.dialogs.export_actions import (
    EXPORT_CHOICES,
    ExportChoice,
    choice_for,
    copy_pairs,
    export_filters,
    export_to_path,
    pairs_mime_data,
    suggested_path,
)
from tests.core.export.export_samples import sample

pytestmark = pytest.mark.usefixtures("qapp")


def test_filters_match_choices_and_pick_the_format() -> None:
    filters = export_filters()
    assert len(filters) == len(EXPORT_CHOICES)
    assert filters[1].endswith("(*.pdf)")
    assert choice_for(Path("a.PDF")).fmt == "pdf"
    assert choice_for(Path("a.htm")).fmt == "html"
    assert choice_for(Path("no-suffix"), filters[4]).fmt == "tmx"
    assert choice_for(Path("no-suffix")).fmt == "html"


def test_suggested_path_uses_the_source_name(tmp_path: Path) -> None:
    bilingual = sample()
    assert suggested_path(bilingual, EXPORT_CHOICES[0], tmp_path) == (
        tmp_path / "Ein Tag in Köln.de-en.html"
    )


@pytest.mark.parametrize("choice", EXPORT_CHOICES, ids=lambda c: c.fmt)
def test_every_choice_writes_its_file(choice: ExportChoice, tmp_path: Path) -> None:
    target = tmp_path / f"out{choice.suffix}"
    export_to_path(sample(), target, choice.fmt)
    data = target.read_bytes()
    if choice.fmt == "pdf":
        assert data.startswith(b"%PDF-")
    elif choice.fmt == "epub":
        import zipfile

        with zipfile.ZipFile(target) as archive:
            assert archive.read("mimetype") == b"application/epub+zip"
            text = archive.read("OEBPS/text.xhtml").decode("utf-8")
        assert "Erstens: „Straße“ mit ß." in text
    else:
        assert "Erstens: „Straße“ mit ß." in data.decode("utf-8")


def test_copied_pairs_carry_plain_text_and_html() -> None:
    pairs = pairs_for_ids(sample(), [1, 4])
    data = pairs_mime_data(pairs)
    assert data.text().startswith("Angela Merkel besuchte am Montag Köln.\n")
    assert "&lt;script&gt;" in data.html()
    copy_pairs(pairs)
    clipboard = QGuiApplication.clipboard().mimeData()
    assert clipboard.text() == data.text()
    assert "Second &lt;script&gt;" in clipboard.html()
