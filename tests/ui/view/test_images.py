"""Pictures in the reading view: real files beside the document shown on both sides, alt
text translated; anything else a placeholder, never read."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

from PySide6.QtGui import QColor, QImage, QTextCursor, QTextDocument

from reader.core.document.loading import load_document
from reader.core.document.segmentation import segment_document
from reader.ui.view.document_images import MAX_PIXELS, PLACEHOLDER_SIZE, load_image
from reader.ui.view.document_renderer import Side
from tests.ui.window_helpers import english_of


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` x ``height`` (the data would be gigabytes)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    crc = struct.pack(">I", zlib.crc32(chunk) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(header)) + chunk + crc


def write_png(path: Path, width: int, height: int) -> None:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    assert image.save(str(path), "PNG")


def test_a_picture_beside_the_document_is_shown_and_anything_else_is_a_placeholder(
    tmp_path: Path,
) -> None:
    write_png(tmp_path / "hafen.png", 40, 30)
    (tmp_path / "riesig.png").write_bytes(png_header_only(100_000, 100_000))
    (tmp_path / "kaputt.png").write_bytes(b"\x89PNG\r\n\x1a\n kein Bild")
    os.symlink("/dev/zero", tmp_path / "null.png")
    os.mkfifo(tmp_path / "rohr.png")
    outside = tmp_path.parent / "draussen.png"
    write_png(outside, 10, 10)
    base = str(tmp_path)
    assert load_image(base, "hafen.png").size().toTuple() == (40, 30)
    assert MAX_PIXELS < 100_000 * 100_000
    for url in (
        "riesig.png",
        "kaputt.png",
        "null.png",
        "rohr.png",
        "../draussen.png",
        str(outside),
        "https://example.org/bild.png",
        "fehlt.png",
    ):
        assert load_image(base, url).size().toTuple() == PLACEHOLDER_SIZE, url


def test_pictures_show_on_both_sides_with_their_alt_text_translated(qtbot, tmp_path) -> None:
    from PySide6.QtWidgets import QApplication

    from reader.ui.theme import colors_for
    from reader.ui.view.bilingual_view import BilingualView

    write_png(tmp_path / "hafen.png", 40, 30)
    page = tmp_path / "seite.md"
    page.write_text(
        "# Hafen\n\nVorher ein Satz.\n\n![Der Hafen am Morgen.](hafen.png)\n\n"
        "![Ein Bild von fern.](https://example.org/x.png)\n\nNachher ein Satz.\n",
        encoding="utf-8",
    )
    document = load_document(page)
    sentences = segment_document(document)
    view = BilingualView(colors_for(QApplication.palette(), dark=False))
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    view.set_document(document, sentences)
    view.set_translations({s.id: english_of(s.text) for s in sentences})
    names = []
    block = view.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().isImageFormat():
                names.append(fragment.charFormat().toImageFormat().name())
            iterator += 1
        block = block.next()
    # Each picture once on each side, in document order.
    assert names == ["hafen.png"] * 2 + ["https://example.org/x.png"] * 2
    for text in ("Der Hafen am Morgen.", "Ein Bild von fern."):
        sentence = next(s for s in sentences if s.text == text)
        for side, expected in ((Side.GERMAN, text), (Side.ENGLISH, english_of(text))):
            span = view.renderer.span(sentence.id, side)
            assert span is not None
            cursor = QTextCursor(view.document())
            cursor.setPosition(span[0])
            cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
            assert cursor.selectedText() == expected
    kind = int(QTextDocument.ResourceType.ImageResource.value)
    shown = view.loadResource(kind, "hafen.png")
    assert isinstance(shown, QImage) and shown.size().toTuple() == (40, 30)
    remote = view.loadResource(kind, "https://example.org/x.png")
    assert isinstance(remote, QImage) and remote.size().toTuple() == PLACEHOLDER_SIZE


def png_bytes(width: int, height: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#cc6633"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(data.data())


def test_pictures_inside_an_epub_are_shown_and_never_read_from_disk(qtbot, tmp_path) -> None:
    from PySide6.QtWidgets import QApplication

    from reader.core.document.model import BlockKind
    from reader.ui.theme import colors_for
    from reader.ui.view.bilingual_view import BilingualView
    from tests.fixtures.documents import epub_bytes

    book = tmp_path / "buch.epub"
    book.write_bytes(
        epub_bytes(
            [
                "<h1>Kapitel</h1><p>Ein Satz.</p><img src='../images/karte.png' alt='Die Karte.'/>"
                "<img src='../images/riesig.png' alt='Zu groß.'/>"
                "<img src='../../draussen.png' alt='Draußen.'/>"
            ],
            images={"karte.png": png_bytes(30, 20), "riesig.png": png_header_only(90_000, 90_000)},
        )
    )
    write_png(tmp_path / "draussen.png", 10, 10)  # beside the book: must not be used
    document = load_document(book)
    images = [(b.text, b.image) for b in document.blocks if b.kind is BlockKind.IMAGE]
    assert images == [
        ("Die Karte.", "OEBPS/images/karte.png"),
        ("Zu groß.", "OEBPS/images/riesig.png"),
        ("Draußen.", ""),
    ]
    view = BilingualView(colors_for(QApplication.palette(), dark=False))
    qtbot.addWidget(view)
    view.set_document(document, segment_document(document))
    kind = int(QTextDocument.ResourceType.ImageResource.value)
    shown = view.loadResource(kind, "OEBPS/images/karte.png")
    assert isinstance(shown, QImage) and shown.size().toTuple() == (30, 20)
    for url in ("OEBPS/images/riesig.png", "reader:no-image", "../../draussen.png"):
        image = view.loadResource(kind, url)
        assert isinstance(image, QImage) and image.size().toTuple() == PLACEHOLDER_SIZE, url


def test_pictures_inside_a_word_file_are_carried_with_their_alt_text(tmp_path) -> None:
    from reader.core.document.model import BlockKind
    from tests.fixtures.documents import write_docx_with_picture

    path = write_docx_with_picture(tmp_path / "bild.docx", png_bytes(24, 12), "Ein Kran.")
    document = load_document(path)
    assert [(b.kind, b.text) for b in document.blocks] == [
        (BlockKind.PARAGRAPH, "Vor dem Bild."),
        (BlockKind.IMAGE, "Ein Kran."),
        (BlockKind.PARAGRAPH, "Nach dem Bild."),
    ]
    image = document.blocks[1].image
    assert image.startswith("word/media/") and dict(document.pictures)[image].startswith(b"\x89PNG")
    shown = load_image(str(tmp_path), image, dict(document.pictures))
    assert shown.size().toTuple() == (24, 12)
