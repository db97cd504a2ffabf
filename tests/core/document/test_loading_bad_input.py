"""The bad-input corpus: every file a case, every case a typed error or a sane Document.

Small cases are committed under ``tests/data/bad_input/`` (one file each, expected outcome in
``EXPECTED``); big or special ones (FIFO, 1 MB line, oversized file, 500-level lists) are made
at test time.
"""

from __future__ import annotations

import builtins
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core import errors
from reader.core.document.html_blocks import MAX_LEVEL
from reader.core.document.loading import MAX_FILE_BYTES, load_document
from reader.core.document.model import BlockKind, Document, MarkKind
from reader.core.document.resources import read_local_resource
from reader.core.document.sanitize import safe_href

CORPUS = Path(__file__).resolve().parents[2] / "data" / "bad_input"


def check(**expected: object) -> dict[str, object]:
    return expected


# File name -> an error class, or the facts the loaded Document must show.
EXPECTED: dict[str, type[errors.LoadError] | dict[str, object]] = {
    "empty.md": errors.EmptyDocument,
    "whitespace_only.txt": errors.EmptyDocument,
    "image_only.md": check(texts=[], images=[("x", "/dev/zero")]),
    "only_script.html": errors.EmptyDocument,
    "png_named_md.md": errors.BinaryFile,
    "zip_named_txt.txt": errors.BinaryFile,
    "nul_bytes.txt": errors.BinaryFile,
    "control_bytes.txt": errors.BinaryFile,
    "unsupported_suffix.odt": errors.UnsupportedFormat,
    "truncated.pdf": errors.DocumentDamaged,
    "utf16le_bom.txt": check(
        encoding="utf-16-le", texts=["Grüße aus Köln.", "Zweiter Absatz über Straßen."]
    ),
    "utf16be_bom.md": check(
        encoding="utf-16-be", title="Überschrift", texts=["Überschrift", "Ärger im Büro."]
    ),
    "utf8_bom.md": check(encoding="utf-8-sig", title="Titel mit BOM"),
    "cp1252_quotes.txt": check(
        encoding="cp1252", texts=["„Die Preise steigen“, sagt er – um 5 € pro Stück."]
    ),
    # One stray byte in UTF-8 is repaired in place, not a reason to read it all as cp1252.
    "invalid_utf8_byte.txt": check(
        encoding="utf-8", texts=["Fast alles UTF-8: Grüße \ufffd Ende."]
    ),
    "dev_zero_image.md": check(
        title="Bild", texts=["Bild", "Text nach dem Bild."], images=[("x", "/dev/zero")]
    ),
    "fifo_image_and_file_link.md": check(
        texts=["Ein Link und ein Bild im Satz."], links=[], images=[("y", "rohr.fifo")]
    ),
    "script_and_onerror.html": check(
        title="Titel",
        texts=["Titel", "Text weiter.", "Noch ein Link."],
        links=[],
        images=[("", "x")],
    ),
    "script_in_markdown.md": check(
        texts=["Titel", "Vorher nachher.", "Ende."], images=[("", "/dev/zero")]
    ),
    "unsafe_links.md": check(
        texts=["eins zwei drei vier fünf"], links=[("fünf", "https://example.org")]
    ),
    "md_really_html.md": check(
        format="html",
        title="Echte Überschrift",
        texts=["Echte Überschrift", "Ein eingerückter Absatz."],
    ),
    "mixed_line_endings.txt": check(
        texts=["Erste Zeile zweite Zeile dritte Zeile", "Neuer Absatz.", "Letzter."]
    ),
    "mixed_line_endings.md": check(
        title="Titel", texts=["Titel", "Zeile eins Zeile zwei", "Punkt", "Punkt zwei"]
    ),
    "deep_quote.md": check(texts=["Sehr tief zitiert."], max_level=MAX_LEVEL),
    "deep_list.html": check(blocks=500, max_level=MAX_LEVEL),
    "unclosed_comment.html": check(texts=["Sichtbar."]),
    "misnested.html": check(texts=["fett beides kursiv", "ohne Ende", "zweiter Absatz"]),
    "unclosed_fence.md": check(first="Text."),
    "many_brackets.md": check(texts=["Absatz.", "[" * 3000, "Ende."]),
    "lone_surrogate_escape.html": check(texts=["Zeichen \ufffd und \ufffd und \ufffd Ende."]),
    "controls_in_text.txt": check(texts=["Text mit Steuerzeichen."]),
}

_SCRIPT_TRACES = re.compile(r"alert\(|<script|onerror|javascript:", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\r]")


def assert_sane(doc: Document, *, literal_markup: bool = False) -> None:
    """Invariants every loaded Document keeps, whatever the input was.

    ``literal_markup``: the input may legitimately show markup as text (plain text, code, or
    escaped HTML), so script-like text is no sign of a sanitizing failure.
    """
    assert doc.blocks
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))
    assert doc.format in ("markdown", "text", "html")
    for block in doc.blocks:
        assert block.text.strip() or (block.kind is BlockKind.IMAGE and block.image)
        assert literal_markup or not _SCRIPT_TRACES.search(block.text)
        if block.kind is not BlockKind.CODE:
            assert block.text == block.text.strip()
            assert "  " not in block.text and "\n" not in block.text and "\t" not in block.text
            assert not _CONTROL.search(block.text)
        assert 0 <= block.level <= max(6, MAX_LEVEL)
        for mark in block.marks:
            assert 0 <= mark.start < mark.end <= len(block.text)
            assert not block.text[mark.start : mark.end].startswith(" ")
            assert not block.text[mark.start : mark.end].endswith(" ")
            if mark.kind is MarkKind.LINK:
                assert mark.href is not None and safe_href(mark.href) == mark.href


def corpus_files() -> list[str]:
    return sorted(p.name for p in CORPUS.iterdir() if not p.name.startswith("."))


def test_every_corpus_file_has_an_expectation() -> None:
    assert corpus_files() == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_case(name: str) -> None:
    expected = EXPECTED[name]
    path = CORPUS / name
    if isinstance(expected, type):
        with pytest.raises(expected) as info:
            load_document(path)
        assert info.value.path == path
        return
    doc = load_document(path)
    assert_sane(doc)
    assert doc.source == path
    # Images (their alt text and address, never read here) are checked on their own.
    texts = [b.text for b in doc.blocks if b.kind is not BlockKind.IMAGE]
    for key, value in expected.items():
        if key == "texts":
            assert texts == value
        elif key == "images":
            images = [(b.text, b.image) for b in doc.blocks if b.kind is BlockKind.IMAGE]
            assert images == value
        elif key == "first":
            assert texts[0] == value
        elif key == "blocks":
            assert len(doc.blocks) == value
        elif key == "max_level":
            assert max(b.level for b in doc.blocks) == value
        elif key == "links":
            links = [
                (b.text[m.start : m.end], m.href)
                for b in doc.blocks
                for m in b.marks
                if m.kind is MarkKind.LINK
            ]
            assert links == value
        else:
            assert getattr(doc, key) == value, key


def test_dev_zero_image_is_never_read(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    real_os_open = os.open
    real_open = builtins.open

    def os_open(path: object, *args: object, **kwargs: object) -> int:
        opened.append(str(path))
        return real_os_open(path, *args, **kwargs)  # type: ignore[arg-type]

    def open_(path: object, *args: object, **kwargs: object) -> object:
        opened.append(str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(builtins, "open", open_)
    doc = load_document(CORPUS / "dev_zero_image.md")
    monkeypatch.undo()
    assert opened == [str(CORPUS / "dev_zero_image.md")]
    # The address is kept as text for the view, which reads only through the checked reader.
    assert [b.image for b in doc.blocks if b.kind is BlockKind.IMAGE] == ["/dev/zero"]
    assert read_local_resource(CORPUS, "/dev/zero") is None


# --- generated cases ----------------------------------------------------------------


def run_with_guard(action: Callable[[], object], seconds: float = 20.0) -> object:
    """Run ``action`` in a thread; fail (instead of hanging the suite) if it blocks."""
    outcome: list[object] = []

    def target() -> None:
        try:
            outcome.append(action())
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(timeout=seconds)
    assert not worker.is_alive(), "loading blocked"
    return outcome[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_not_a_file_and_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "rohr.md"
    os.mkfifo(fifo)
    try:
        result = run_with_guard(lambda: load_document(fifo))
    finally:
        # If loading ever blocked in open(), this unblocks it so the thread can end.
        fd = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
        os.close(fd)
    assert isinstance(result, errors.NotAFile)
    assert result.path == fifo


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(errors.NotAFile):
        load_document(tmp_path)


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(errors.FileMissing):
        load_document(tmp_path / "gibt-es-nicht.md")


def test_over_the_size_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "riesig.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk space
    opened: list[object] = []
    monkeypatch.setattr("reader.core.document.loading.os.open", lambda *a, **k: opened.append(a))
    with pytest.raises(errors.FileTooLarge) as info:
        load_document(path)
    assert (info.value.size, info.value.limit) == (MAX_FILE_BYTES + 1, MAX_FILE_BYTES)
    assert opened == []


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_one_megabyte_line(tmp_path: Path, suffix: str) -> None:
    line = ("Ein langer Satz ohne Zeilenumbruch. " * 30_000)[: 1024 * 1024]
    path = tmp_path / f"zeile{suffix}"
    path.write_text(line, encoding="utf-8")
    doc = run_with_guard(lambda: load_document(path), seconds=120)
    assert isinstance(doc, Document), doc
    assert_sane(doc)
    assert len(doc.blocks) == 1
    assert doc.blocks[0].text == line.strip()


@pytest.mark.parametrize("indent", ["    ", "  ", "\t"])
def test_markdown_list_nested_500_levels(tmp_path: Path, indent: str) -> None:
    text = "".join(f"{indent * depth}- Punkt {depth}\n" for depth in range(500))
    path = tmp_path / "tief.md"
    path.write_text(text, encoding="utf-8")
    doc = run_with_guard(lambda: load_document(path), seconds=120)
    assert isinstance(doc, Document), doc
    assert_sane(doc)
    assert [b.text for b in doc.blocks] == [f"Punkt {depth}" for depth in range(500)]
    assert all(b.kind is BlockKind.LIST_ITEM for b in doc.blocks)
    levels = [b.level for b in doc.blocks]
    assert levels[:3] == [1, 2, 3]  # two-space children are re-indented, so they nest too
    assert max(levels) == MAX_LEVEL


def test_markdown_quote_and_list_markers_nested_deeply(tmp_path: Path) -> None:
    path = tmp_path / "marker.md"
    path.write_text("> - " * 5000 + "innen\n", encoding="utf-8")
    doc = run_with_guard(lambda: load_document(path), seconds=120)
    assert isinstance(doc, Document), doc
    assert_sane(doc)
    assert doc.blocks[-1].text.endswith("innen")


def test_html_list_nested_far_beyond_the_tag_cap(tmp_path: Path) -> None:
    path = tmp_path / "tief.html"
    path.write_text("<ul><li>Punkt" * 5000 + "</li></ul>" * 5000, encoding="utf-8")
    doc = run_with_guard(lambda: load_document(path), seconds=120)
    assert isinstance(doc, Document), doc
    assert_sane(doc)
    assert [b.text for b in doc.blocks] == ["Punkt"] * 5000
    assert max(b.level for b in doc.blocks) == MAX_LEVEL


def test_no_read_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "gesperrt.txt"
    path.write_text("Geheim.", encoding="utf-8")

    def denied(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("reader.core.document.loading.os.open", denied)
    with pytest.raises(errors.NoPermission):
        load_document(path)
