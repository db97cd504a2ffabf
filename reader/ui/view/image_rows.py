"""Pictures in the reading view: the picture on both sides, its alt text below it.

The German side shows the alt text, the English side its translation; both are sentences
like any other (linked, found, highlighted). The picture is named by the document's own
address; ``BilingualView.loadResource`` reads it only through the core's checked reader
and draws a placeholder for anything else (remote, outside the folder, device, too large).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import (
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextImageFormat,
    QTextLength,
)

from reader.core.document.model import Block, Sentence
from reader.ui.theme import ReaderColors
from reader.ui.view.text_positions import Utf16Map, utf16_length

# A name no document can give: the view draws the placeholder for it.
NO_IMAGE = "reader:no-image"


def insert_picture(cursor: QTextCursor, block: Block) -> None:
    """The picture, scaled down to the column's width, on a line of its own."""
    line = cursor.blockFormat()
    # A proportional line height (125 % for text) would add a quarter of the picture below it.
    line.setLineHeight(100, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    cursor.setBlockFormat(line)
    picture = QTextImageFormat()
    picture.setName(block.image or NO_IMAGE)
    picture.setMaximumWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    cursor.insertImage(picture)
    if block.text:
        cursor.insertBlock()


def caption_format(base: QTextCharFormat, colors: ReaderColors) -> QTextCharFormat:
    caption = QTextCharFormat(base)
    caption.setFontItalic(True)
    caption.setForeground(colors.quote_text)
    return caption


def fill_german_picture(
    cursor: QTextCursor,
    block: Block,
    sentences: Sequence[Sentence],
    base: QTextCharFormat,
    colors: ReaderColors,
    cell_start: int,
) -> list[tuple[int, int]]:
    """Picture and alt text; each sentence's UTF-16 span relative to ``cell_start``."""
    insert_picture(cursor, block)
    first = cursor.position() - cell_start
    cursor.insertText(block.text, caption_format(base, colors))
    to16 = Utf16Map(block.text)
    return [(first + to16(s.start), first + to16(s.end)) for s in sentences]


def fill_english_picture(
    cursor: QTextCursor,
    block: Block,
    shown: Sequence[tuple[str, QTextCharFormat] | None],
    base: QTextCharFormat,
    colors: ReaderColors,
    cell_start: int,
) -> list[tuple[int, int]]:
    """Picture and the English of the alt text's sentences (``None``: nothing shown yet)."""
    insert_picture(cursor, block)
    position = cursor.position() - cell_start
    caption = caption_format(base, colors)
    spans: list[tuple[int, int]] = []
    for item in shown:
        if item is None:
            spans.append((position, position))
            continue
        text, char_format = item
        if spans and spans[-1][1] > spans[-1][0]:
            cursor.insertText(" ", caption)
            position += 1
        # The English as a caption; a pending "…" keeps its muted colour.
        if char_format == base:
            char_format = caption
        cursor.insertText(text, char_format)
        spans.append((position, position + utf16_length(text)))
        position += utf16_length(text)
    return spans
