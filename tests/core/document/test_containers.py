"""EPUB, DOCX and PDF files: what they show, and every hostile or broken one refused."""

from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path

import pytest

from reader.core import errors
from reader.core.cancel import CancelToken
from reader.core.document import pdf_source
from reader.core.document.loading import load_document
from reader.core.document.model import BlockKind, MarkKind
from tests.fixtures.documents import (
    encrypted_pdf_bytes,
    epub_bytes,
    pdf_bytes,
    write_docx,
)

CITIES = ["Berlin", "Hamburg", "München", "Köln"]


def _news_pages() -> list[list[str]]:
    return [
        [
            "Die Zeitung – Ausgabe 12",
            f"In {city} regnet es heute sehr lange und der Verkehr ist weiter-",
            f"hin gestört, sagte die Polizei in {city}.",
            "",
            f"Ein neuer Absatz über {city} beginnt hier.",
            f"Seite {number}",
        ]
        for number, city in enumerate(CITIES, 1)
    ]


# --- DOCX --------------------------------------------------------------------------------


def test_docx_headings_marks_lists_and_table(tmp_path: Path) -> None:
    document = load_document(write_docx(tmp_path / "hafen.docx"))
    assert document.format == "docx"
    assert document.title == "Hafen von Hamburg"
    kinds = [(b.kind, b.text) for b in document.blocks]
    assert kinds[0] == (BlockKind.HEADING, "Hafen von Hamburg")
    paragraph = document.blocks[1]
    assert paragraph.text == "Der Hafen ist sehr groß und wichtig. Er liegt an der Elbe."
    marked = {(m.kind, paragraph.text[m.start : m.end]) for m in paragraph.marks}
    assert marked == {(MarkKind.BOLD, "sehr"), (MarkKind.ITALIC, "wichtig")}
    items = [b for b in document.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [(b.text, b.ordered) for b in items] == [
        ("Erster Punkt der Liste.", False),
        ("Zweiter Punkt der Liste.", False),
        ("Schritt eins.", True),
    ]
    rows = [b for b in document.blocks if b.kind is BlockKind.TABLE_ROW]
    cells = [[b.text[start:end] for start, end in b.cell_spans()] for b in rows]
    assert cells == [["Schiff", "Flagge"], ["Aurora", "Panama"]]
    assert document.blocks[-1].text == "Ein Satz nach der Tabelle."


def test_docx_that_is_not_a_zip_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.docx"
    path.write_bytes(b"Das ist kein Word-Dokument.")
    with pytest.raises(errors.DocumentDamaged):
        load_document(path)


def test_docx_without_document_part_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "leer.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(errors.DocumentDamaged) as info:
        load_document(path)
    assert "document.xml" in info.value.reason


def test_docx_with_entity_declarations_is_refused(tmp_path: Path) -> None:
    source = write_docx(tmp_path / "quelle.docx")
    path = tmp_path / "lol.docx"
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><x>&lol2;</x>'
    )
    _copy_replacing(source, path, {"word/document.xml": bomb})
    with pytest.raises(errors.ArchiveUnsafe) as info:
        load_document(path)
    assert info.value.reason == "entities"


def test_docx_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    source = write_docx(tmp_path / "quelle.docx")
    path = tmp_path / "bombe.docx"
    _copy_replacing(source, path, {"word/media/leer.bin": b"\0" * (40 << 20)})
    with pytest.raises(errors.ArchiveUnsafe) as info:
        load_document(path)
    assert info.value.reason == "ratio"
    assert info.value.name == "word/media/leer.bin"


# --- EPUB --------------------------------------------------------------------------------


def test_epub_spine_order_chapters_and_no_scripts(tmp_path: Path) -> None:
    path = tmp_path / "buch.epub"
    path.write_bytes(
        epub_bytes(
            [
                "<h1>Erstes Kapitel</h1><p>Es war einmal ein <b>König</b>.</p>"
                "<script>alert('nein')</script><style>p{}</style>",
                "<h1>Zweites Kapitel</h1><p>Noch ein Satz.<a href='#n1'>1</a></p>"
                "<aside epub:type='footnote' id='n1'><p>Eine Fußnote.</p></aside>",
            ],
            title="Märchenbuch",
        )
    )
    document = load_document(path)
    assert document.format == "epub"
    assert document.title == "Märchenbuch"
    texts = [b.text for b in document.blocks]
    assert texts == [
        "Erstes Kapitel",
        "Es war einmal ein König.",
        "Zweites Kapitel",
        "Noch ein Satz.1",
        "Eine Fußnote.",
    ]
    assert [b.index for b in document.blocks] == list(range(5))
    assert [(c.title, c.block) for c in document.chapters] == [
        ("Erstes Kapitel", 0),
        ("Zweites Kapitel", 2),
    ]
    assert not any("alert" in text for text in texts)


def test_epub_with_external_entity_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "xxe.epub"
    container = (
        '<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container">&x;</container>'
    )
    path.write_bytes(epub_bytes(["<p>Text.</p>"], container=container))
    with pytest.raises(errors.ArchiveUnsafe) as info:
        load_document(path)
    assert info.value.reason == "entities"


@pytest.mark.parametrize(
    ("name", "reason"),
    [("../../ausbruch.txt", "path"), ("/etc/absolut.txt", "path"), ("OEBPS/link", "symlink")],
)
def test_epub_unsafe_entries_are_refused(tmp_path: Path, name: str, reason: str) -> None:
    data = io.BytesIO(epub_bytes(["<p>Text.</p>"]))
    with zipfile.ZipFile(data, "a") as archive:
        info = zipfile.ZipInfo(name)
        if reason == "symlink":
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    path = tmp_path / "boese.epub"
    path.write_bytes(data.getvalue())
    with pytest.raises(errors.ArchiveUnsafe) as info_error:
        load_document(path)
    assert info_error.value.reason == reason


def test_epub_zip_bomb_chapter_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bombe.epub"
    path.write_bytes(epub_bytes([" " * (30 << 20)]))
    with pytest.raises(errors.ArchiveUnsafe) as info:
        load_document(path)
    assert info.value.reason == "ratio"


def test_epub_without_container_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "ohne.epub"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
    with pytest.raises(errors.DocumentDamaged) as info:
        load_document(path)
    assert "container.xml" in info.value.reason


def test_epub_with_drm_is_encrypted(tmp_path: Path) -> None:
    encryption = (
        b'<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        b'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
        b'<enc:CipherData><enc:CipherReference URI="OEBPS/text/c0.xhtml"/></enc:CipherData>'
        b"</enc:EncryptedData></encryption>"
    )
    path = tmp_path / "drm.epub"
    path.write_bytes(epub_bytes(["<p>Text.</p>"], extra={"META-INF/encryption.xml": encryption}))
    with pytest.raises(errors.DocumentEncrypted):
        load_document(path)


def test_epub_with_malformed_package_is_damaged(tmp_path: Path) -> None:
    data = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(epub_bytes(["<p>Text.</p>"])))
    with zipfile.ZipFile(data, "w") as archive:
        for info in source.infolist():
            body = source.read(info)
            archive.writestr(
                info, b"<package><unclosed" if info.filename.endswith(".opf") else body
            )
    path = tmp_path / "kaputt.epub"
    path.write_bytes(data.getvalue())
    with pytest.raises(errors.DocumentDamaged) as info:
        load_document(path)
    assert "content.opf" in info.value.reason


# --- PDF ---------------------------------------------------------------------------------


def test_pdf_paragraphs_rebuilt_headers_and_page_numbers_dropped(tmp_path: Path) -> None:
    path = tmp_path / "zeitung.pdf"
    path.write_bytes(pdf_bytes(_news_pages()))
    document = load_document(path)
    assert document.format == "pdf"
    texts = [b.text for b in document.blocks]
    assert texts[0] == (
        "In Berlin regnet es heute sehr lange und der Verkehr ist weiterhin gestört, "
        "sagte die Polizei in Berlin."
    )
    # A paragraph's last line and the next page's first line join: no page break inside.
    assert texts[1].startswith("Ein neuer Absatz über Berlin beginnt hier. In Hamburg")
    assert texts[-1] == "Ein neuer Absatz über Köln beginnt hier."
    joined = " ".join(texts)
    assert "Ausgabe" not in joined
    assert "Seite" not in joined


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_bytes([[], []]))
    with pytest.raises(errors.NoTextLayer):
        load_document(path)


def test_pdf_with_password(tmp_path: Path) -> None:
    path = tmp_path / "geheim.pdf"
    path.write_bytes(encrypted_pdf_bytes([["Geheimer Text."]]))
    with pytest.raises(errors.DocumentEncrypted):
        load_document(path)


def test_pdf_too_many_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lang.pdf"
    path.write_bytes(pdf_bytes([[f"Seite {n} Text."] for n in range(2_000)]))
    with pytest.raises(errors.TooManyPages) as info:
        load_document(path)
    assert (info.value.pages, info.value.limit) == (2_000, pdf_source.MAX_PAGES)


def test_pdf_load_cancelled(tmp_path: Path) -> None:
    path = tmp_path / "abbruch.pdf"
    path.write_bytes(pdf_bytes(_news_pages()))
    token = CancelToken()
    token.cancel()
    with pytest.raises(errors.LoadCancelled):
        load_document(path, cancel=token)


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\n%garbage", b"", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>"],
)
def test_malformed_pdf_is_damaged_or_textless(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "kaputt.pdf"
    path.write_bytes(data)
    with pytest.raises((errors.DocumentDamaged, errors.NoTextLayer)):
        load_document(path)


# --- all containers ----------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".epub", ".docx", ".pdf"])
def test_fifo_named_like_a_container_is_not_a_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"rohr{suffix}"
    os.mkfifo(path)
    with pytest.raises(errors.NotAFile):
        load_document(path)


def _copy_replacing(source: Path, target: Path, replacements: dict[str, bytes]) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename not in replacements:
                new.writestr(info, old.read(info), zipfile.ZIP_DEFLATED)
        for name, data in replacements.items():
            new.writestr(name, data, zipfile.ZIP_DEFLATED)
