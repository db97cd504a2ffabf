"""Table rows in the reading view: a row's cells side by side on both sides, cell by cell.

(Pictures are the other composite row; ``fill_composite_side`` hands them to ``image_rows``.)

A ``TABLE_ROW`` block fills each of its two view cells with a small nested table, one
column per table cell: the German cell text on the left, the English of that cell's
sentences at the same column on the right. Sentence spans stay relative to the view cell
(what ``DocumentRenderer`` expects), so linking, finding and highlights work unchanged.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from PySide6.QtGui import (
    QFont,
    QTextCharFormat,
    QTextCursor,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableFormat,
)

from reader.core.document.model import Block, BlockKind, Document, Mark, Sentence
from reader.ui.theme import ReaderColors
from reader.ui.view.block_formats import Side, apply_mark
from reader.ui.view.image_rows import fill_english_picture, fill_german_picture
from reader.ui.view.marked_text import insert_marked
from reader.ui.view.text_positions import Utf16Map, utf16_length

CELL_PADDING = 4
PLACEHOLDER = "…"  # as in document_renderer (which imports this module)
# English of one sentence (None: not translated yet) and the format to show it in.
EnglishLookup = Callable[[int], tuple[str, QTextCharFormat] | None]


class TableRow(Protocol):
    """What of a renderer's row this module reads and sets."""

    block: Block
    table: QTextTable
    sentence_ids: list[int]
    german_spans: list[tuple[int, int]]
    english_spans: list[tuple[int, int]]

    def cell_start(self, side: Side) -> int: ...


class RowSource(Protocol):
    """What of the renderer this module reads."""

    colors: ReaderColors
    source: Document | None
    sentences: dict[int, Sentence]
    english: dict[int, str]
    english_marks: dict[int, tuple[Mark, ...]]
    placeholders: bool


def is_table_row(block: Block) -> bool:
    return bool(block.cells)


def is_composite(block: Block) -> bool:
    """Rows the renderer leaves to this module: table rows and pictures."""
    return is_table_row(block) or block.kind is BlockKind.IMAGE


def fill_composite_side(
    source: RowSource, row: TableRow, side: Side, cursor: QTextCursor, base: QTextCharFormat
) -> None:
    """Fill one side of a table row or picture at ``cursor`` (an emptied view cell)."""
    sentences = [source.sentences[i] for i in row.sentence_ids if i in source.sentences]
    if row.block.kind is BlockKind.IMAGE:
        _fill_picture_side(source, row, side, cursor, base, sentences)
        return
    _join_next_row(source, row, side)
    start = row.cell_start(side)
    if side is Side.GERMAN:
        row.german_spans = fill_german_row(cursor, row.block, sentences, base, source.colors, start)
        return
    lookup = english_lookup(source.english, source.placeholders, base, source.colors)
    row.english_spans = fill_english_row(
        cursor, row.block, sentences, lookup, base, source.colors, start, source.english_marks
    )


def _fill_picture_side(
    source: RowSource,
    row: TableRow,
    side: Side,
    cursor: QTextCursor,
    base: QTextCharFormat,
    sentences: list[Sentence],
) -> None:
    start = row.cell_start(side)
    if side is Side.GERMAN:
        row.german_spans = fill_german_picture(
            cursor, row.block, sentences, base, source.colors, start
        )
        return
    lookup = english_lookup(source.english, source.placeholders, base, source.colors)
    shown = [lookup(sentence.id) for sentence in sentences]
    row.english_spans = fill_english_picture(cursor, row.block, shown, base, source.colors, start)


def _join_next_row(source: RowSource, row: TableRow, side: Side) -> None:
    """Rows of one table touch: no block spacing below a row the same table continues."""
    blocks = source.source.blocks if source.source is not None else ()
    following = row.block.index + 1
    if following < len(blocks) and is_table_row(blocks[following]):
        cell = row.table.cellAt(0, side.value)
        cell_format = cell.format().toTableCellFormat()
        cell_format.setBottomPadding(0)
        cell.setFormat(cell_format)


def english_lookup(
    english: Mapping[int, str], placeholders: bool, base: QTextCharFormat, colors: ReaderColors
) -> EnglishLookup:
    """English as the renderer shows it: the text, a muted "…" while pending, or nothing."""
    pending = QTextCharFormat(base)
    pending.setForeground(colors.muted)
    pending.setFontItalic(False)

    def lookup(sentence_id: int) -> tuple[str, QTextCharFormat] | None:
        text = english.get(sentence_id)
        if text is None:
            return (PLACEHOLDER, pending) if placeholders else None
        return text, base

    return lookup


def fill_german_row(
    cursor: QTextCursor,
    block: Block,
    sentences: Sequence[Sentence],
    base: QTextCharFormat,
    colors: ReaderColors,
    cell_start: int,
) -> list[tuple[int, int]]:
    """Insert the row's cells at ``cursor``; return each sentence's UTF-16 span relative to
    ``cell_start`` (the view cell's first position)."""
    table = _insert_table(cursor, block, colors)
    spans = block.cell_spans()
    header = _header_format(base, block)
    for column, (start, end) in enumerate(spans):
        cell_cursor = table.cellAt(0, column).firstCursorPosition()
        _insert_marked(cell_cursor, block, start, end, header, colors)
    to16 = Utf16Map(block.text)
    result = []
    for sentence in sentences:
        column = _column_of(block, sentence.start)
        first = table.cellAt(0, column).firstPosition() - cell_start
        offset = to16(spans[column][0])
        result.append((first + to16(sentence.start) - offset, first + to16(sentence.end) - offset))
    return result


def fill_english_row(
    cursor: QTextCursor,
    block: Block,
    sentences: Sequence[Sentence],
    english: EnglishLookup,
    base: QTextCharFormat,
    colors: ReaderColors,
    cell_start: int,
    marks: Mapping[int, tuple[Mark, ...]] | None = None,
) -> list[tuple[int, int]]:
    """The English side: each sentence's English in the column of its German cell, with
    the bold, italic and links ``marks`` carries onto it (by sentence id)."""
    table = _insert_table(cursor, block, colors)
    header = _header_format(base, block)
    result: list[tuple[int, int]] = []
    written: dict[int, int] = {}  # column -> UTF-16 length written so far
    for sentence in sentences:
        column = _column_of(block, sentence.start)
        cell = table.cellAt(0, column)
        first = cell.firstPosition() - cell_start
        shown = english(sentence.id)
        length = written.get(column, 0)
        if shown is None:
            result.append((first + length, first + length))
            continue
        text, char_format = shown
        cell_cursor = cell.lastCursorPosition()
        if length:
            cell_cursor.insertText(" ", header)
            length += 1
        if block.level:
            char_format = QTextCharFormat(char_format)
            char_format.setFontWeight(QFont.Weight.Bold)
        carried = (marks or {}).get(sentence.id, ()) if text != PLACEHOLDER else ()
        insert_marked(cell_cursor, text, carried, char_format, colors)
        result.append((first + length, first + length + utf16_length(text)))
        written[column] = length + utf16_length(text)
        # Later columns moved by what was inserted; spans already taken stay right because
        # columns are filled left to right (sentences come in text order).
    return result


def _column_of(block: Block, offset: int) -> int:
    return max(0, bisect.bisect_right(block.cells, offset) - 1)


def _insert_table(cursor: QTextCursor, block: Block, colors: ReaderColors) -> QTextTable:
    columns = max(1, len(block.cells))
    table_format = QTextTableFormat()
    table_format.setBorder(1)
    table_format.setBorderBrush(colors.rule)
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    table_format.setBorderCollapse(True)
    table_format.setCellSpacing(0)
    table_format.setCellPadding(CELL_PADDING)
    table_format.setMargin(0)
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    share = 100 / columns
    table_format.setColumnWidthConstraints(
        [QTextLength(QTextLength.Type.PercentageLength, share)] * columns
    )
    return cursor.insertTable(1, columns, table_format)


def _header_format(base: QTextCharFormat, block: Block) -> QTextCharFormat:
    result = QTextCharFormat(base)
    if block.level:
        result.setFontWeight(QFont.Weight.Bold)
    return result


def _insert_marked(
    cursor: QTextCursor,
    block: Block,
    start: int,
    end: int,
    base: QTextCharFormat,
    colors: ReaderColors,
) -> None:
    """``block.text[start:end]`` with its marks, cut where marks begin and end."""
    cuts = {start, end}
    for mark in block.marks:
        cuts.update(min(max(start, point), end) for point in (mark.start, mark.end))
    for a, b in itertools.pairwise(sorted(cuts)):
        char_format = QTextCharFormat(base)
        for mark in block.marks:
            if mark.start <= a and b <= mark.end:
                apply_mark(char_format, mark.kind, mark.href, colors)
        cursor.insertText(block.text[a:b], char_format)
