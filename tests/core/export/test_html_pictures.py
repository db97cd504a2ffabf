"""Pictures in the HTML export: embedded as data: URIs only when the loader would show them."""

from __future__ import annotations

import base64
import os
import re
import struct
import zlib
from pathlib import Path

import pytest

from reader.core.document.model import Block, BlockKind, Document, Sentence, Translation
from reader.core.export.html import to_html
from reader.core.export.model import BilingualDocument
from reader.core.export.pictures import MAX_PICTURE_BYTES, PictureBudget, picture_type


def png(width: int = 2, height: int = 1, *, pixels: bool = True) -> bytes:
    """A real PNG (RGB, all grey); with ``pixels=False`` only a header claiming the size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    rows = b"".join(b"\x00" + b"\x80" * 3 * width for _ in range(height)) if pixels else b""
    return b"\x89PNG\r\n\x1a\n" + header + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def bilingual(folder: Path | None, address: str, pictures: dict[str, bytes] | None = None):
    alt = "Die Karte von Köln."
    blocks = (
        Block(0, BlockKind.PARAGRAPH, "Ein Satz."),
        Block(1, BlockKind.IMAGE, alt, image=address),
    )
    source = folder / "artikel.html" if folder else None
    document = Document("Karte", blocks, source=source, pictures=tuple((pictures or {}).items()))
    sentences = (Sentence(0, 0, 0, 9, "Ein Satz."), Sentence(1, 1, 0, len(alt), alt))
    translations = {
        0: Translation(0, "Ein Satz.", "A sentence."),
        1: Translation(1, alt, "The map of Cologne."),
    }
    return BilingualDocument(document, sentences, translations)


def embedded(html: str) -> list[bytes]:
    return [
        base64.b64decode(data)
        for data in re.findall(r'<img src="data:image/(?:png|jpeg|gif);base64,([^"]+)"', html)
    ]


def test_a_picture_beside_the_document_is_embedded_with_both_captions(tmp_path: Path) -> None:
    picture = png()
    (tmp_path / "karte.png").write_bytes(picture)
    html = to_html(bilingual(tmp_path, "karte.png"))
    assert embedded(html) == [picture]
    assert 'alt="Die Karte von Köln."' in html
    assert "The map of Cologne." in html and html.count("Die Karte von Köln.") == 2
    assert "img-src data:" in html  # the content policy lets data: pictures (only) in
    assert html.count('id="b1"') == 1


def test_a_picture_the_file_carries_is_embedded(tmp_path: Path) -> None:
    picture = png(3, 3)
    html = to_html(bilingual(None, "bilder/karte.png", {"bilder/karte.png": picture}))
    assert embedded(html) == [picture]


@pytest.mark.parametrize(
    "case",
    ["remote", "outside", "symlink-zero", "fifo", "too-many-bytes", "gigapixel", "svg", "text"],
)
def test_pictures_the_loader_would_not_show_stay_alt_text(tmp_path: Path, case: str) -> None:
    folder = tmp_path / "artikel"
    folder.mkdir()
    address = "bild.png"
    match case:
        case "remote":
            address = "https://example.org/bild.png"
        case "outside":
            (tmp_path / "bild.png").write_bytes(png())
            address = "../bild.png"
        case "symlink-zero":
            (folder / address).symlink_to("/dev/zero")
        case "fifo":
            os.mkfifo(folder / address)
        case "too-many-bytes":
            (folder / address).write_bytes(png() + b"\x00" * MAX_PICTURE_BYTES)
        case "gigapixel":
            (folder / address).write_bytes(png(100_000, 100_000, pixels=False))
        case "svg":
            address = "bild.svg"
            (folder / address).write_text('<svg onload="alert(1)"></svg>')
        case "text":
            (folder / address).write_text("kein Bild")
    html = to_html(bilingual(folder, address))
    assert "<img" not in html
    assert "Die Karte von Köln." in html and "The map of Cologne." in html


def test_the_total_size_is_capped_and_each_picture_read_once(tmp_path: Path) -> None:
    first, second = png(2, 2), png(4, 4)
    (tmp_path / "a.png").write_bytes(first)
    (tmp_path / "b.png").write_bytes(second)
    document = Document(
        "x",
        (
            Block(0, BlockKind.IMAGE, "A", image="a.png"),
            Block(1, BlockKind.IMAGE, "B", image="b.png"),
            Block(2, BlockKind.IMAGE, "A again", image="a.png"),
        ),
        source=tmp_path / "x.md",
    )
    budget = PictureBudget(document, total_bytes=len(first) + len(second) - 1)
    assert budget.data_uri(document.blocks[0]) is not None
    assert budget.data_uri(document.blocks[1]) is None  # over what is left
    assert budget.data_uri(document.blocks[2]) == budget.data_uri(document.blocks[0])
    assert budget.left == len(second) - 1  # the repeated picture cost nothing more


def test_picture_types_are_known_by_their_first_bytes() -> None:
    assert picture_type(png()) == "image/png"
    assert picture_type(png()[:20]) is None  # a header cut short
    assert picture_type(b"GIF89a" + struct.pack("<HH", 5, 5) + b"\x00" * 20) == "image/gif"
    assert picture_type(b"<svg/>") is None


def test_the_markdown_export_carries_the_picture_too(tmp_path: Path) -> None:
    from reader.core.export.markdown import to_markdown

    picture = png(5, 5)
    (tmp_path / "karte.png").write_bytes(picture)
    markdown = to_markdown(bilingual(tmp_path, "karte.png"))
    found = re.findall(r"!\[Die Karte von Köln\.\]\(data:image/png;base64,([^)]+)\)", markdown)
    assert [base64.b64decode(data) for data in found] == [picture]
    assert "The map of Cologne." in markdown
    (tmp_path / "karte.png").unlink()
    (tmp_path / "karte.png").symlink_to("/dev/zero")
    assert "data:" not in to_markdown(bilingual(tmp_path, "karte.png"))
