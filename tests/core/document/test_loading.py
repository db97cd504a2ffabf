"""load_document / load_text: formats, titles, encodings, typed errors."""

from __future__ import annotations

import codecs
import errno
import os
from pathlib import Path

import pytest

from reader.core import errors
from reader.core.document import loading as loading_module
from reader.core.document.loading import (
    MAX_FILE_BYTES,
    SUPPORTED_SUFFIXES,
    load_document,
    load_text,
)
from reader.core.document.model import BlockKind, MarkKind

ARTICLE_MD = """\
# Streik bei der Bahn

Die Gewerkschaft hat für **Montag** einen Streik angekündigt. Der Ver-
kehr in *Berlin* wird stark eingeschränkt, sagt die [Bahn](https://bahn.example/info).

## Was Reisende wissen müssen

1. Fernzüge fallen aus.
2. S-Bahnen fahren im Stundentakt.
    - Ausnahme: Linie S1

> „Wir bedauern das“, sagte ein Sprecher.

```
fahrplan --heute
```
"""


def write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_markdown_article(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path / "artikel.md", ARTICLE_MD))
    assert doc.title == "Streik bei der Bahn"
    assert (doc.format, doc.encoding, doc.source) == ("markdown", "utf-8", tmp_path / "artikel.md")
    summary = [(b.kind, b.level, b.ordered, b.number, b.text) for b in doc.blocks]
    assert summary == [
        (BlockKind.HEADING, 1, False, 0, "Streik bei der Bahn"),
        (
            BlockKind.PARAGRAPH,
            0,
            False,
            0,
            "Die Gewerkschaft hat für Montag einen Streik angekündigt. Der Verkehr in Berlin "
            "wird stark eingeschränkt, sagt die Bahn.",
        ),
        (BlockKind.HEADING, 2, False, 0, "Was Reisende wissen müssen"),
        (BlockKind.LIST_ITEM, 1, True, 1, "Fernzüge fallen aus."),
        (BlockKind.LIST_ITEM, 1, True, 2, "S-Bahnen fahren im Stundentakt."),
        (BlockKind.LIST_ITEM, 2, False, 0, "Ausnahme: Linie S1"),
        (BlockKind.QUOTE, 1, False, 0, "„Wir bedauern das“, sagte ein Sprecher."),
        (BlockKind.CODE, 0, False, 0, "fahrplan --heute"),
    ]
    paragraph = doc.blocks[1]
    spans = [(m.kind, paragraph.text[m.start : m.end], m.href) for m in paragraph.marks]
    assert spans == [
        (MarkKind.BOLD, "Montag", None),
        (MarkKind.ITALIC, "Berlin", None),
        (MarkKind.LINK, "Bahn", "https://bahn.example/info"),
    ]
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))


def test_markdown_suffixes_are_case_insensitive(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path / "A.MARKDOWN", "Nur *ein* Satz."))
    assert doc.format == "markdown"
    assert doc.title == "A"  # no heading: the file name stem


def test_markdown_reference_links_across_chunks() -> None:
    text = "Siehe [Quelle][q].\n\n" + "Füllabsatz.\n\n" * 3000 + "[q]: https://q.example\n"
    doc = load_text(text, format="markdown")
    first = doc.blocks[0]
    assert first.text == "Siehe Quelle."
    assert [(m.kind, m.href) for m in first.marks] == [(MarkKind.LINK, "https://q.example")]
    assert len(doc.blocks) == 3001


def test_markdown_ordered_list_split_by_blank_lines_keeps_numbers() -> None:
    doc = load_text("1. Eins\n\n2. Zwei\n\n3. Drei\n", format="markdown")
    assert [(b.ordered, b.number, b.text) for b in doc.blocks] == [
        (True, 1, "Eins"),
        (True, 2, "Zwei"),
        (True, 3, "Drei"),
    ]


def test_markdown_fence_with_blank_lines_stays_one_code_block() -> None:
    doc = load_text("Text.\n\n```\nzeile 1\n\n\nzeile 2\n```\n\nMehr.\n", format="markdown")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.PARAGRAPH, "Text."),
        (BlockKind.CODE, "zeile 1\n\n\nzeile 2"),
        (BlockKind.PARAGRAPH, "Mehr."),
    ]


def test_markdown_raw_html_is_sanitized() -> None:
    doc = load_text(
        "Vorher <script>alert(1)</script> nachher.\n\n<div onclick='x()'>Block</div>\n\n"
        "<iframe src='https://x.example'></iframe>\n\n[klick](javascript:alert(1))\n",
        format="markdown",
    )
    assert [b.text for b in doc.blocks] == ["Vorher nachher.", "Block", "klick"]
    assert all(not b.marks for b in doc.blocks)


def test_markdown_with_heavy_unit_falls_back_to_plain_text() -> None:
    doc = load_text("Normal *kursiv*.\n\n" + "[" * 5000 + "\n\nEnde **fett**.\n", format="markdown")
    assert [b.text for b in doc.blocks] == ["Normal kursiv.", "[" * 5000, "Ende fett."]
    assert [len(b.marks) for b in doc.blocks] == [1, 0, 1]


def test_plain_text_paragraphs_and_title(tmp_path: Path) -> None:
    text = (
        "Neue Regeln für E-Scooter\r\n\r\n"
        "Ab Montag gelten in der Stadt neue Re-\r\ngeln für den Ver-\nkehr mit\r"
        "E-Scootern.\n \nDer US-\nDollar ist nicht betroffen.\n"
    )
    doc = load_document(write(tmp_path / "meldung.txt", text))
    assert doc.format == "text"
    assert doc.title == "Neue Regeln für E-Scooter"
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.HEADING, "Neue Regeln für E-Scooter"),
        (
            BlockKind.PARAGRAPH,
            "Ab Montag gelten in der Stadt neue Regeln für den Verkehr mit E-Scootern.",
        ),
        (BlockKind.PARAGRAPH, "Der US-Dollar ist nicht betroffen."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Nur ein Absatz ohne Titel.",
        "Ein Satz, der endet.\n\nZweiter Absatz.",
        "Erste Zeile\nzweite Zeile\n\nDritter Absatz.",
        "Hallo,\n\nwie geht es?",
    ],
)
def test_plain_text_without_a_clear_title_line(text: str) -> None:
    doc = load_text(text, format="text", title="Fallback")
    assert all(b.kind is BlockKind.PARAGRAPH for b in doc.blocks)
    assert doc.title == "Fallback"


def test_plain_text_shows_markup_as_text() -> None:
    doc = load_text("<script>alert(1)</script> *nicht kursiv*", format="text")
    assert doc.blocks[0].text == "<script>alert(1)</script> *nicht kursiv*"
    assert doc.blocks[0].marks == ()


def test_html_document(tmp_path: Path) -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Seitentitel</title><style>p{color:red}</style>"
        "<script>alert(1)</script></head><body><h1>Wahl in Bayern</h1>"
        "<p>Die <b>CSU</b> gewinnt.<img src=x onerror=alert(1)></p>"
        "<ul><li>Punkt</li></ul></body></html>"
    )
    doc = load_document(write(tmp_path / "seite.htm", page))
    assert doc.format == "html"
    assert doc.title == "Wahl in Bayern"
    assert [b.text for b in doc.blocks] == ["Wahl in Bayern", "Die CSU gewinnt.", "", "Punkt"]
    assert doc.blocks[2].kind is BlockKind.IMAGE and doc.blocks[2].image == "x"


def test_md_that_is_really_html(tmp_path: Path) -> None:
    page = (
        "<!doctype html>\n<html>\n  <body>\n    <h1>Titel</h1>\n\n"
        "    <p>Eingerückter\n    Absatz.</p>\n\n    <script>alert(1)</script>\n"
        "  </body>\n</html>\n"
    )
    doc = load_document(write(tmp_path / "seite.md", page))
    assert doc.format == "html"
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.HEADING, "Titel"),
        (BlockKind.PARAGRAPH, "Eingerückter Absatz."),
    ]


def test_md_with_html_body_but_no_doctype_is_still_sanitized(tmp_path: Path) -> None:
    doc = load_document(
        write(tmp_path / "x.md", "<div><h2>Titel</h2><p onclick='x'>Text</p></div>")
    )
    assert [b.text for b in doc.blocks] == ["Titel", "Text"]


def test_load_text_rejects_unknown_format() -> None:
    with pytest.raises(ValueError):
        load_text("x", format="pdf")


def test_load_text_empty_raises_typed_error() -> None:
    with pytest.raises(errors.EmptyDocument):
        load_text(" \n\t ", format="markdown")


def test_supported_suffixes() -> None:
    assert set(SUPPORTED_SUFFIXES) == {
        ".md",
        ".markdown",
        ".txt",
        ".html",
        ".htm",
        ".epub",
        ".docx",
        ".pdf",
    }
    assert 1024 * 1024 <= MAX_FILE_BYTES <= 10 * 1024 * 1024


# --- errors -------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(errors.FileMissing) as info:
        load_document(tmp_path / "fehlt.md")
    assert info.value.path == tmp_path / "fehlt.md"


def test_path_below_a_file_is_missing(tmp_path: Path) -> None:
    write(tmp_path / "datei.txt", "x")
    with pytest.raises(errors.FileMissing):
        load_document(tmp_path / "datei.txt" / "unter.md")


def test_path_with_nul_is_missing(tmp_path: Path) -> None:
    with pytest.raises(errors.FileMissing):
        load_document(str(tmp_path / "a\x00b.md"))


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    (tmp_path / "ordner.md").mkdir()
    with pytest.raises(errors.NotAFile):
        load_document(tmp_path / "ordner.md")


def test_device_is_not_a_file() -> None:
    with pytest.raises(errors.NotAFile):
        load_document("/dev/zero")


def test_unsupported_suffix(tmp_path: Path) -> None:
    with pytest.raises(errors.UnsupportedFormat) as info:
        load_document(write(tmp_path / "brief.ODT", "x"))
    assert info.value.suffix == ".odt"
    with pytest.raises(errors.UnsupportedFormat) as info:
        load_document(write(tmp_path / "ohne_endung", "x"))
    assert info.value.suffix == ""


def test_too_large_by_stat(tmp_path: Path) -> None:
    path = write(tmp_path / "gross.txt", "a" * 101)
    with pytest.raises(errors.FileTooLarge) as info:
        load_document(path, max_bytes=100)
    assert (info.value.size, info.value.limit) == (101, 100)


def test_exactly_at_the_limit_loads(tmp_path: Path) -> None:
    path = write(tmp_path / "grenze.txt", "a" * 100)
    assert load_document(path, max_bytes=100).blocks[0].text == "a" * 100


def test_file_growing_after_stat_is_caught_while_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "waechst.txt", "a" * 50)
    real_open = os.open

    def open_after_growth(name: object, flags: int, *args: object) -> int:
        if Path(str(name)) == path:
            path.write_bytes(b"a" * 500)
        return real_open(name, flags, *args)

    monkeypatch.setattr(loading_module.os, "open", open_after_growth)
    with pytest.raises(errors.FileTooLarge) as info:
        load_document(path, max_bytes=100)
    assert info.value.size > 100


def test_permission_denied_on_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "geheim.md", "Text")
    real_open = os.open

    def denied(name: object, flags: int, *args: object) -> int:
        if Path(str(name)) == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real_open(name, flags, *args)

    monkeypatch.setattr(loading_module.os, "open", denied)
    with pytest.raises(errors.NoPermission) as info:
        load_document(path)
    assert info.value.path == path


def test_permission_denied_on_stat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(name: object, *args: object, **kwargs: object) -> os.stat_result:
        raise PermissionError(errno.EACCES, "Permission denied", str(name))

    monkeypatch.setattr(loading_module.os, "stat", denied)
    with pytest.raises(errors.NoPermission):
        load_document(tmp_path / "x.md")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root reads files despite chmod 000; the mocked tests above cover this as root",
)
def test_permission_denied_for_real(tmp_path: Path) -> None:
    path = write(tmp_path / "geheim.md", "Text")
    path.chmod(0)
    try:
        with pytest.raises(errors.NoPermission):
            load_document(path)
    finally:
        path.chmod(0o600)


def test_read_error_becomes_read_failed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "kaputt.txt", "Text")

    def broken(fd: int, size: int) -> bytes:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(loading_module.os, "read", broken)
    with pytest.raises(errors.ReadFailed) as info:
        load_document(path)
    assert info.value.reason == "Input/output error"


def test_symlink_loop_becomes_read_failed(tmp_path: Path) -> None:
    loop = tmp_path / "schleife.md"
    loop.symlink_to(loop)
    with pytest.raises(errors.ReadFailed):
        load_document(loop)


def test_utf16_file_reports_encoding(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + "# Grüße\n\nAus Köln.".encode("utf-16-le")
    doc = load_document(write(tmp_path / "utf16.md", data))
    assert (doc.encoding, doc.title, doc.blocks[1].text) == ("utf-16-le", "Grüße", "Aus Köln.")


def test_cp1252_file(tmp_path: Path) -> None:
    data = "„Preise“ steigen um 5 €.".encode("cp1252")
    doc = load_document(write(tmp_path / "alt.txt", data))
    assert (doc.encoding, doc.blocks[0].text) == ("cp1252", "„Preise“ steigen um 5 €.")


def test_binary_file(tmp_path: Path) -> None:
    with pytest.raises(errors.BinaryFile):
        load_document(write(tmp_path / "bild.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))


def test_empty_document_carries_the_path(tmp_path: Path) -> None:
    path = write(tmp_path / "leer.html", "<script>alert(1)</script><img src=x>")
    with pytest.raises(errors.EmptyDocument) as info:
        load_document(path)
    assert info.value.path == path


@pytest.mark.parametrize(
    "start",
    [
        "<!DOCTYPE html>",
        "<html lang='de'>",
        "\ufeff  <!-- saved from url=(0014)about:internet -->\n<html>",
        '<?xml version="1.0"?>\n<!DOCTYPE html>',
    ],
)
def test_saved_web_pages_in_md_files_are_read_as_html(start: str) -> None:
    doc = load_text(f"{start}\n<body>\n\n    <p>Eingerückt.</p>\n</body>", format="markdown")
    assert doc.format == "html"
    assert [(b.kind, b.text) for b in doc.blocks] == [(BlockKind.PARAGRAPH, "Eingerückt.")]


def test_markdown_mentioning_html_stays_markdown() -> None:
    doc = load_text("Das Tag <html> steht oben.\n\n*Ende*", format="markdown")
    assert doc.format == "markdown"


def test_huge_heading_gives_a_short_title() -> None:
    heading = "Wort " * 1000
    doc = load_text(f"# {heading}\n\nText.", format="markdown")
    assert doc.blocks[0].text == heading.strip()
    assert len(doc.title) <= 201
    assert doc.title.endswith("Wort…")
